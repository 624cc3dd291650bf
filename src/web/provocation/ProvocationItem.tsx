// One item of provocative content (/konten-provokatif/<id>): what it is, where and how fast it spread, every
// sighting (screenshots, posters masked for those who may not see them), and its response.
import { useEffect, useState } from 'preact/hooks';
import type { ItemDetail } from '../../shared/provocation/provocation-schema.ts';
import { kabkotaOf } from '../../shared/region-codes.ts';
import type { SignedInUser } from '../api.ts';
import { useLang, useT } from '../lang.ts';
import { ROUTES } from '../nav.ts';
import { levelLabel } from '../operator/labels.ts';
import { StandIn, useHeading, useLoad, wib } from '../operator/ui.tsx';
import { Link, navigate } from '../router.tsx';
import { AssessmentTag } from './AssessmentTag.tsx';
import { ItemForms } from './ProvocationForms.tsx';
import { ResponseSection } from './ProvocationResponse.tsx';
import { getItem, screenshotUrl } from './provocation-api.ts';
import { SpreadSection } from './SpreadMap.tsx';

/** A notice carried to the item's new address after a merge (the page is mounted again there). */
let movedNotice = '';

export function ProvocationItem(props: { id: string; me: SignedInUser }) {
  const t = useT();
  const lang = useLang();
  const loaded = useLoad(() => getItem(props.id), [props.id]);
  const [item, setItem] = useState<ItemDetail | undefined>();
  const [notice] = useState(() => {
    const text = movedNotice;
    movedNotice = '';
    return text;
  });
  const moveTo = (id: string, message: string) => {
    movedNotice = message;
    navigate(`${ROUTES.konten.path}/${id}`, { replace: true });
  };
  useEffect(() => {
    // A merged item's address answers the item it joined: show that item under its own address.
    if (loaded.data && loaded.data.id !== props.id)
      navigate(`${ROUTES.konten.path}/${loaded.data.id}`, { replace: true });
    else if (loaded.data) setItem(loaded.data);
  }, [loaded.data, props.id]);
  const isNotFound = loaded.error?.code === 'not_found';
  useHeading(isNotFound ? t('prov.notFound') : item?.title);
  const back = (
    <p>
      <Link href={ROUTES.konten.path}>{t('prov.back')}</Link>
    </p>
  );
  if (isNotFound) {
    return (
      <>
        <p>{t('prov.notFoundBody')}</p>
        {back}
      </>
    );
  }
  if (!item) return <StandIn error={loaded.error} />;
  const kabkota = item.regionCodes.map(kabkotaOf).find((code) => code !== undefined);
  return (
    <div class="op-wide prov-item">
      {back}
      {notice && (
        <p role="status" class="message message-success">
          {notice}
        </p>
      )}
      <dl class="op-facts">
        <dt>{t('prov.col.assessment')}</dt>
        <dd>
          <AssessmentTag item={item} /> · {t(`prov.outcome.${item.outcome}`)}
        </dd>
        <dt>{t('prov.col.platform')}</dt>
        <dd>{t(`prov.platform.${item.platform}`)}</dd>
        <dt>{t('prov.firstSeen')}</dt>
        <dd>{wib(item.firstSeenAt, lang)}</dd>
        <dt>{t('prov.lastSeen')}</dt>
        <dd>{wib(item.lastSeenAt, lang)}</dd>
        <dt>{t('prov.col.due')}</dt>
        <dd>
          {item.answered ? t('prov.answered') : item.dueAt ? wib(item.dueAt, lang) : t('prov.noDeadline')} ·{' '}
          {t('prov.level')}: {levelLabel(t, item.handlingLevel)}
        </dd>
        {item.groups.length > 0 && (
          <>
            <dt>{t('prov.groups')}</dt>
            <dd>{item.groups.map((g) => g.shortName).join(', ')}</dd>
          </>
        )}
        {item.links.length > 0 && (
          <>
            <dt>{t('prov.links')}</dt>
            <dd>
              <ul class="prov-links">
                {item.links.map((l) => (
                  <li key={l}>
                    <code>{l}</code>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>

      <SpreadSection spread={item.spread} kabkota={kabkota} />

      <section aria-labelledby="prov-sightings">
        <h2 id="prov-sightings">{t('prov.sightings.title')}</h2>
        <ol class="prov-sightings">
          {item.sightings.map((s) => (
            <li key={s.id}>
              <p>
                <strong>{wib(s.seenAt, lang)}</strong> · {t(`prov.platform.${s.platform}`)} ·{' '}
                {s.regionCodes.join(', ')}
              </p>
              {s.text && <blockquote class="prov-text">{s.text}</blockquote>}
              {s.posterAccount && (
                <p>
                  {t('prov.sighting.poster')}: {s.posterAccount}
                </p>
              )}
              {s.hasScreenshot && (
                <img
                  class="prov-shot"
                  src={screenshotUrl(s.id)}
                  alt={t('prov.sighting.screenshot', { when: wib(s.seenAt, lang) })}
                  loading="lazy"
                />
              )}
              <p class="op-muted">{t('prov.sighting.by', { name: s.reportedBy })}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="prov-linked">
        <h2 id="prov-linked">{t('prov.reports.title')}</h2>
        {item.reports.length === 0 && item.cases.length === 0 && <p>{t('prov.reports.none')}</p>}
        <ul>
          {item.reports.map((r) => (
            <li key={r.id}>{t('prov.report.link', { kind: r.kind, when: wib(r.createdAt, lang) })}</li>
          ))}
          {item.cases.map((c) => (
            <li key={c.id}>
              <Link href={`/kasus/${c.id}`}>{c.title}</Link>
            </li>
          ))}
        </ul>
      </section>

      <ResponseSection item={item} me={props.me} onChange={setItem} />
      <ItemForms item={item} me={props.me} onChange={setItem} onMoved={moveTo} />
    </div>
  );
}
