import { useState } from 'preact/hooks';
import { errorMessage } from '../shared/i18n.ts';
import { ApiError, type SignedInUser, signInWithCode } from './api.ts';
import { useLang, useT } from './lang.ts';
import { AlertRegion, CredentialField, UsernameField } from './ui/CredentialField.tsx';

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
      <AlertRegion
        message={
          problem &&
          ('key' in problem
            ? t(problem.key, { min: NEW_PASSWORD_MIN })
            : errorMessage(lang, problem.code, problem.details))
        }
      />
      <form noValidate onSubmit={submit}>
        <UsernameField
          id="code-username"
          label={t('login.username')}
          value={username}
          onInput={setUsername}
        />
        <CredentialField
          id="code-code"
          name="code"
          label={t('loginCode.code')}
          type="text"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellcheck={false}
          value={code}
          onInput={setCode}
        />
        <CredentialField
          id="code-new-password"
          name="newPassword"
          label={t('loginCode.newPassword')}
          hint={t('loginCode.newPasswordHint', { min: NEW_PASSWORD_MIN })}
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onInput={setNewPassword}
        />
        <button type="submit" class="button button-primary" disabled={isBusy}>
          {isBusy ? t('login.submitting') : t('loginCode.submit')}
        </button>
      </form>
    </>
  );
}
