// Accounts for the registry's people in bulk, with their one-time codes on a printed sheet, and a reset code
// for a volunteer who forgot their password. Codes are shown once: they are not kept anywhere after this page.
import { useState } from 'preact/hooks';
import type { IssuedCodeView, PillarAccountsReply } from '../../shared/sign-in-codes.ts';
import { request } from '../api.ts';
import { InputField, SelectField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { Section } from '../ui/Section.tsx';
import type { OperatorPageProps } from './OperatorPage.tsx';
import type { ListItem } from './operator-api.ts';
import { ErrorNotice, num, SubmitButton, useAction, wib } from './ui.tsx';

const createAccounts = (body: { pillarType?: string; region?: string }) =>
  request<PillarAccountsReply>('POST', '/api/pillars/accounts', body);

const makeResetCode = (username: string) =>
  request<IssuedCodeView>('POST', `/api/users/${encodeURIComponent(username)}/reset-code`);

/** Saves the code sheet (a PDF sent as base64) as a file, as the backup page saves a backup. */
function saveSheet(sheet: PillarAccountsReply['sheet']): void {
  if (!sheet) return;
  const bytes = Uint8Array.from(atob(sheet.pdfBase64), (ch) => ch.charCodeAt(0));
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  link.download = sheet.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Shown to operators (their kab/kota) and admins only. */
export function PillarAccountsSection(props: { me: OperatorPageProps['me']; types: ListItem[] }) {
  const t = useT();
  const lang = useLang();
  const [type, setType] = useState('');
  const [region, setRegion] = useState('');
  const [result, setResult] = useState<PillarAccountsReply | undefined>();
  const [username, setUsername] = useState('');
  const [reset, setReset] = useState<IssuedCodeView | undefined>();
  const bulk = useAction();
  const resetAction = useAction();

  async function runBulk(event: Event) {
    event.preventDefault();
    let reply: PillarAccountsReply | undefined;
    const body = { pillarType: type || undefined, region: region.trim() || undefined };
    if (await bulk.run(async () => (reply = await createAccounts(body)))) setResult(reply);
  }

  async function runReset(event: Event) {
    event.preventDefault();
    if (!username.trim()) return;
    let made: IssuedCodeView | undefined;
    if (await resetAction.run(async () => (made = await makeResetCode(username.trim())))) setReset(made);
  }

  return (
    <Section id="accounts-heading" heading={t('op.accounts.heading')} class="op-pillars-import">
      <p class="hint">{t('op.accounts.hint')}</p>
      <form class="op-form op-grid-form" onSubmit={runBulk}>
        <SelectField
          id="accounts-type"
          label={t('op.accounts.type')}
          value={type}
          onChange={setType}
          options={[
            { value: '', label: t('op.accounts.allTypes') },
            ...props.types.map((item) => ({ value: item.code, label: item.label })),
          ]}
        />
        <InputField
          id="accounts-region"
          label={t('op.accounts.region')}
          hint={t('op.accounts.regionHint')}
          inputMode="decimal"
          value={region}
          onInput={setRegion}
        />
        <SubmitButton label={t('op.accounts.create')} disabled={bulk.isBusy} />
      </form>
      <ErrorNotice error={bulk.error} />
      {result && (
        <div role="status">
          <p>
            {t('op.accounts.done', {
              created: num(result.created.length, lang),
              skipped: num(result.skipped, lang),
              remaining: num(result.remaining, lang),
            })}
          </p>
          {result.sheet && (
            <p>
              <button type="button" class="button button-secondary" onClick={() => saveSheet(result.sheet)}>
                {t('op.accounts.sheet')}
              </button>
            </p>
          )}
        </div>
      )}

      <h3>{t('op.accounts.resetHeading')}</h3>
      <p class="hint">{t('op.accounts.resetHint')}</p>
      <form class="op-form op-grid-form" onSubmit={runReset}>
        <div class="field">
          <label for="reset-username">{t('login.username')}</label>
          <input
            id="reset-username"
            autoCapitalize="none"
            spellcheck={false}
            value={username}
            onInput={(event) => {
              setUsername(event.currentTarget.value);
              setReset(undefined);
            }}
          />
        </div>
        <button type="submit" class="button button-secondary" disabled={resetAction.isBusy}>
          {t('op.accounts.resetCreate')}
        </button>
      </form>
      <ErrorNotice error={resetAction.error} />
      {reset && (
        <div role="status">
          <p>{t('op.accounts.resetDone', { username: reset.username, until: wib(reset.expiresAt, lang) })}</p>
          <p class="totp-secret">{reset.code}</p>
        </div>
      )}
    </Section>
  );
}
