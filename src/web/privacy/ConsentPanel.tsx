// Consent of one person on the Pelindungan data page: a citizen reporter by phone, a pillar or a child by the id
// of their record; withdrawing it is honoured at once (the answer says how, or which other basis keeps the data).
import { useState } from 'preact/hooks';
import { useDraft } from '../draft.ts';
import { InputField } from '../fields.tsx';
import { useT } from '../lang.ts';
import { ErrorNotice, FormSubmit, Tag, useAction, useFormSend } from '../operator/ui.tsx';
import { ActionButton } from '../ui/ActionButton.tsx';
import { type ConsentView, getConsents, saveConsent } from './privacy-api.ts';

/** Look up and withdraw consent. */
export function ConsentPanel() {
  const t = useT();
  const { draft, field } = useDraft({ who: '' });
  const who = draft.who.trim();
  const [items, setItems] = useState<ConsentView[] | undefined>();
  const change = useAction();
  const isPhone = !/^[0-9a-f]{8}-/i.test(who);
  const query = isPhone ? { phone: who } : { subjectId: who };
  const look = useFormSend(
    () => getConsents(query),
    (found) => setItems(found.items),
  );
  return (
    <section aria-labelledby="privacy-consent-heading">
      <h2 id="privacy-consent-heading">{t('privacy.consent')}</h2>
      <form class="op-form" onSubmit={look.submit}>
        <InputField id="privacy-consent-who" label={t('privacy.consent.who')} {...field('who')} />
        <ErrorNotice error={look.error} />
        <FormSubmit label={t('privacy.consent.look')} disabled={look.isBusy || who.length < 8} isSecondary />
      </form>
      <ErrorNotice error={change.error} />
      {items && items.length === 0 && <p>{t('privacy.consent.none')}</p>}
      <ul>
        {items?.map((c) => (
          <li key={c.purpose}>
            {c.purposeLabel}{' '}
            <Tag tone={c.state === 'ditarik' ? 'warn' : c.state === 'diberikan' ? 'ok' : 'muted'}>
              {t(`privacy.consent.${c.state}`)}
            </Tag>{' '}
            — {c.effect}{' '}
            {c.state !== 'ditarik' && (
              <ActionButton
                label={t('privacy.consent.withdraw')}
                isBusy={change.isBusy}
                onClick={() =>
                  void change.run(async () => {
                    const saved = await saveConsent({ purpose: c.purpose, ...query, action: 'tarik' });
                    setItems(items.map((i) => (i.purpose === c.purpose ? saved : i)));
                  })
                }
                class="button op-button-secondary"
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
