// On a report whose triggers include informasi_provokatif: the content items it is linked to, and an offer to
// record its content as a sighting — joining the item already recorded when it is the same content.
import { useState } from 'preact/hooks';
import '../../shared/messages/provocation.ts';
import { PLATFORMS } from '../../shared/provocation/provocation-rules.ts';
import { InputField, SelectField } from '../fields.tsx';
import { useT } from '../lang.ts';
import { ROUTES } from '../nav.ts';
import { DoneNotice, ErrorNotice, FormSubmit, useAction, useLoad } from '../operator/ui.tsx';
import { Link } from '../router.tsx';
import { listItems, recordSighting } from './provocation-api.ts';

type ReportFacts = { id: string; description: string; occurredAt: string; regionCode: string };

export function ProvocationOffer(props: { report: ReportFacts }) {
  const t = useT();
  const linked = useLoad(() => listItems({ reportId: props.report.id }), [props.report.id]);
  const [platform, setPlatform] = useState<string>('whatsapp');
  const [link, setLink] = useState('');
  const [sightingId] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState('');
  const action = useAction();
  const items = linked.data?.items ?? [];
  return (
    <section class="prov-offer" aria-labelledby={`prov-offer-${props.report.id}`}>
      <h3 id={`prov-offer-${props.report.id}`}>{t('prov.offer.title')}</h3>
      {items.length > 0 && (
        <p>
          {t('prov.offer.linked')}{' '}
          {items.map((item) => (
            <Link key={item.id} href={`${ROUTES.konten.path}/${item.id}`}>
              {item.title}
            </Link>
          ))}
        </p>
      )}
      <DoneNotice message={done} />
      <ErrorNotice error={action.error} />
      {items.length === 0 && (
        <form
          class="op-form"
          onSubmit={async (e) => {
            e.preventDefault();
            let merged = false;
            const ok = await action.run(async () => {
              const created = await recordSighting({
                id: sightingId,
                platform: platform as never,
                links: link.trim() ? [link.trim()] : [],
                text: props.report.description,
                seenAt: props.report.occurredAt,
                regionCodes: [props.report.regionCode],
                reportId: props.report.id,
              });
              merged = created.merged;
            });
            if (ok) {
              setDone(t(merged ? 'prov.offer.merged' : 'prov.offer.created'));
              linked.reload();
            }
          }}
        >
          <p>{t('prov.offer.intro')}</p>
          <SelectField
            id="prov-offer-platform"
            label={t('prov.offer.platform')}
            value={platform}
            onChange={setPlatform}
            options={PLATFORMS.map((p) => ({ value: p, label: t(`prov.platform.${p}`) }))}
          />
          <InputField
            id="prov-offer-link"
            label={t('prov.offer.link')}
            inputMode="url"
            value={link}
            maxLength={2000}
            onInput={setLink}
          />
          <FormSubmit label={t('prov.offer.record')} disabled={action.isBusy} isSecondary />
        </form>
      )}
    </section>
  );
}
