import { useState } from 'preact/hooks';
import { errorMessage } from '../shared/i18n.ts';
import { ApiError, type SignedInUser, signInWithCode } from './api.ts';
import { useLang, useT } from './lang.ts';

const NEW_PASSWORD_MIN = 10;

type Problem =
  | { code: string; details?: unknown }
  | { key: 'loginCode.required' | 'loginCode.tooShort' | 'loginCode.wrong' | 'loginCode.weak' };

/**
 * Signing in with a one-time code (a new volunteer's code sheet, or a reset code from the operator): username,
 * code and a new password, which is set and then used to sign in.
 */
export function LoginCodeForm(props: { username?: string; onSignedIn: (me: SignedInUser) => void }) {
  const lang = useLang();
  const t = useT();
  const [username, setUsername] = useState(props.username ?? '');
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>();

  async function submit(event: Event) {
    event.preventDefault();
    if (isBusy) return;
    if (!username.trim() || !code.trim() || !newPassword) return setProblem({ key: 'loginCode.required' });
    if (newPassword.length < NEW_PASSWORD_MIN) return setProblem({ key: 'loginCode.tooShort' });
    setBusy(true);
    setProblem(undefined);
    try {
      props.onSignedIn(await signInWithCode(username.trim(), code.trim(), newPassword));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_credentials') {
        setProblem({ key: 'loginCode.wrong' });
      } else if (
        error instanceof ApiError &&
        error.code === 'validation_failed' &&
        (error.details as { reason?: string } | undefined)?.reason === 'weak'
      ) {
        setProblem({ key: 'loginCode.weak' });
      } else {
        setProblem(
          error instanceof ApiError ? { code: error.code, details: error.details } : { code: 'internal' },
        );
      }
      setBusy(false);
    }
  }

  return (
    <>
      <p>{t('loginCode.intro')}</p>
      <div role="alert" class="alert-region">
        {problem && (
          <p class="message message-error">
            {'key' in problem
              ? t(problem.key, { min: NEW_PASSWORD_MIN })
              : errorMessage(lang, problem.code, problem.details)}
          </p>
        )}
      </div>
      <form noValidate onSubmit={submit}>
        <div class="field">
          <label for="code-username">{t('login.username')}</label>
          <input
            id="code-username"
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellcheck={false}
            value={username}
            onInput={(event) => setUsername(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="code-code">{t('loginCode.code')}</label>
          <input
            id="code-code"
            name="code"
            type="text"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellcheck={false}
            value={code}
            onInput={(event) => setCode(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="code-new-password">{t('loginCode.newPassword')}</label>
          <p id="code-new-password-hint" class="hint">
            {t('loginCode.newPasswordHint', { min: NEW_PASSWORD_MIN })}
          </p>
          <input
            id="code-new-password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            aria-describedby="code-new-password-hint"
            value={newPassword}
            onInput={(event) => setNewPassword(event.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button button-primary" disabled={isBusy}>
          {isBusy ? t('login.submitting') : t('loginCode.submit')}
        </button>
      </form>
    </>
  );
}
