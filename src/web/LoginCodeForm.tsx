import { useState } from 'preact/hooks';
import { ApiError, type SignedInUser, signInWithCode } from './api.ts';
import { CredentialForm } from './CredentialForm.tsx';
import { useDraft } from './draft.ts';
import { useT } from './lang.ts';
import {
  CredentialField,
  type FormProblem,
  NEW_PASSWORD_MIN,
  NewPasswordField,
  problemOf,
  UsernameField,
} from './ui/CredentialField.tsx';

type Problem = FormProblem<
  'loginCode.required' | 'loginCode.tooShort' | 'loginCode.wrong' | 'loginCode.weak'
>;

/**
 * Signing in with a one-time code (a new volunteer's code sheet, or a reset code from the operator): username,
 * code and a new password, which is set and then used to sign in.
 */
export function LoginCodeForm(props: { username?: string; onSignedIn: (me: SignedInUser) => void }) {
  const t = useT();
  const { draft, field } = useDraft({ username: props.username ?? '', code: '', newPassword: '' });
  const { username, code, newPassword } = draft;
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
        setProblem(problemOf(error));
      }
      setBusy(false);
    }
  }

  return (
    <CredentialForm
      intro={t('loginCode.intro')}
      problem={problem}
      onSubmit={submit}
      isBusy={isBusy}
      label={t('loginCode.submit')}
      busyLabel={t('login.submitting')}
    >
      <UsernameField id="code-username" label={t('login.username')} {...field('username')} />
      <CredentialField
        id="code-code"
        name="code"
        label={t('loginCode.code')}
        type="text"
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellcheck={false}
        {...field('code')}
      />
      <NewPasswordField
        id="code-new-password"
        label={t('loginCode.newPassword')}
        hint={t('loginCode.newPasswordHint', { min: NEW_PASSWORD_MIN })}
        {...field('newPassword')}
      />
    </CredentialForm>
  );
}
