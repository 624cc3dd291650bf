import { useEffect, useState } from 'preact/hooks';
import { errorMessage, type MessageKey } from '../shared/i18n.ts';
import type { Access } from '../shared/users.ts';
import { AccessList } from './AccessList.tsx';
import {
  ApiError,
  changeOwnPassword,
  endOwnSession,
  listOwnAccess,
  reportSessionEnded,
  revokeOwnToken,
} from './api.ts';
import { useDocumentTitle } from './Frame.tsx';
import { useLang, useT } from './lang.ts';

/** The server's rule for a new password (shared/users.ts `Password`), checked here to answer sooner. */
const NEW_PASSWORD_MIN = 10;

type Outcome =
  | { kind: 'saved' }
  | { kind: 'problem'; key: MessageKey }
  | { kind: 'error'; code: string; details?: unknown };

/** Change one's own password: current and new password, then success or the server's reason. */
export function AccountPage() {
  const lang = useLang();
  const t = useT();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const heading = t('account.title');
  useDocumentTitle(heading);

  async function submit(event: Event) {
    event.preventDefault();
    if (isBusy) return;
    if (!currentPassword || !newPassword) return setOutcome({ kind: 'problem', key: 'account.required' });
    if (newPassword.length < NEW_PASSWORD_MIN)
      return setOutcome({ kind: 'problem', key: 'account.tooShort' });
    setBusy(true);
    setOutcome(undefined);
    try {
      await changeOwnPassword(currentPassword, newPassword);
      setCurrentPassword('');
      setNewPassword('');
      setOutcome({ kind: 'saved' });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_credentials') {
        setOutcome({ kind: 'problem', key: 'account.wrongCurrent' });
      } else {
        const code = error instanceof ApiError ? error.code : 'internal';
        setOutcome({ kind: 'error', code, details: error instanceof ApiError ? error.details : undefined });
      }
    } finally {
      setBusy(false);
    }
  }

  const problemText =
    outcome?.kind === 'problem'
      ? t(outcome.key, { min: NEW_PASSWORD_MIN })
      : outcome?.kind === 'error'
        ? errorMessage(lang, outcome.code, outcome.details)
        : undefined;

  return (
    <article class="page narrow">
      <h1 tabIndex={-1}>{heading}</h1>
      <p>{t('account.intro')}</p>
      <div role="alert" class="alert-region">
        {problemText && <p class="message message-error">{problemText}</p>}
      </div>
      <div role="status" class="alert-region">
        {outcome?.kind === 'saved' && <p class="message message-success">{t('account.saved')}</p>}
      </div>
      <form noValidate onSubmit={submit}>
        <div class="field">
          <label for="account-current">{t('account.current')}</label>
          <input
            id="account-current"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onInput={(event) => setCurrentPassword(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="account-new">{t('account.new')}</label>
          <p id="account-new-hint" class="hint">
            {t('account.newHint', { min: NEW_PASSWORD_MIN })}
          </p>
          <input
            id="account-new"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            aria-describedby="account-new-hint"
            value={newPassword}
            onInput={(event) => setNewPassword(event.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button button-primary" disabled={isBusy}>
          {isBusy ? t('account.saving') : t('account.submit')}
        </button>
      </form>
      <OwnAccess />
    </article>
  );
}

/** The signed-in user's sessions and tokens, each of which they can end. */
function OwnAccess() {
  const lang = useLang();
  const t = useT();
  const [access, setAccess] = useState<Access | undefined>();
  const [isBusy, setBusy] = useState(false);
  const [done, setDone] = useState<MessageKey | undefined>();
  const [error, setError] = useState<ApiError | undefined>();

  async function run(action: () => Promise<unknown>, doneKey?: MessageKey) {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      await action();
      setAccess(await listOwnAccess());
      if (doneKey) setDone(doneKey);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('internal', 0, String(caught)));
    } finally {
      setBusy(false);
    }
  }
  useEffect(() => {
    void run(async () => undefined);
  }, []);

  async function endSession(id: string) {
    const isCurrent = access?.sessions.find((s) => s.id === id)?.isCurrent;
    if (isCurrent) {
      setBusy(true);
      await endOwnSession(id).finally(() => setBusy(false));
      return reportSessionEnded();
    }
    await run(() => endOwnSession(id), 'account.ended');
  }

  return (
    <section aria-labelledby="access-heading">
      <h2 id="access-heading">{t('account.accessHeading')}</h2>
      <p>{t('account.accessIntro')}</p>
      <div role="alert" class="alert-region">
        {error && <p class="message message-error">{errorMessage(lang, error.code, error.details)}</p>}
      </div>
      <div role="status" class="alert-region">
        {done && <p class="message message-success">{t(done)}</p>}
      </div>
      {access && (
        <AccessList
          access={access}
          isBusy={isBusy}
          idPrefix="own"
          onEndSession={(id) => void endSession(id)}
          onRevokeToken={(id) => void run(() => revokeOwnToken(id), 'account.revoked')}
        />
      )}
    </section>
  );
}
