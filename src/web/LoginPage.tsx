import { useState } from 'preact/hooks';
import { ApiError, type SignedInUser, signIn } from './api.ts';
import { Frame, useDocumentTitle } from './Frame.tsx';
import { LoginCodeForm } from './LoginCodeForm.tsx';
import { useT } from './lang.ts';
import {
  BusySubmit,
  CredentialField,
  type FormProblem,
  ProblemRegion,
  problemOf,
  UsernameField,
} from './ui/CredentialField.tsx';

type Problem = FormProblem<'login.required'>;

/** The sign-in form. `notice` explains why the user is here again (e.g. the session ended). */
export function LoginPage(props: { notice?: string; onSignedIn: (me: SignedInUser) => void }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [isBusy, setBusy] = useState(false);
  // A code sheet's QR opens /?kode=1&u=<username>: straight to the one-time code path.
  const [linked] = useState(() => new URLSearchParams(window.location.search));
  const [withCode, setWithCode] = useState(linked.get('kode') === '1');
  const [problem, setProblem] = useState<Problem | undefined>(
    props.notice ? { code: props.notice } : undefined,
  );
  useDocumentTitle(t('login.submit'));

  async function submit(event: Event) {
    event.preventDefault();
    if (isBusy) return;
    if (!username.trim() || !password) {
      setProblem({ key: 'login.required' });
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const me = await signIn(username.trim(), password, needsTotp ? totp.trim() : undefined);
      props.onSignedIn(me);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'totp_required') {
        // The password was right: ask for the code, keeping it.
        setNeedsTotp(true);
        setBusy(false);
        return;
      }
      setProblem(problemOf(error));
      if (!(error instanceof ApiError && error.code === 'totp_invalid')) setPassword('');
      setTotp('');
      setBusy(false);
    }
  }

  return (
    <Frame>
      <div class="narrow">
        <h1>{t('login.title')}</h1>
        {withCode ? (
          <LoginCodeForm username={linked.get('u') ?? undefined} onSignedIn={props.onSignedIn} />
        ) : (
          passwordForm()
        )}
        <p>
          <button type="button" class="button button-secondary" onClick={() => setWithCode(!withCode)}>
            {withCode ? t('login.usePassword') : t('login.useCode')}
          </button>
        </p>
        {!withCode && <p class="hint">{t('login.forgot')}</p>}
      </div>
    </Frame>
  );

  function passwordForm() {
    return (
      <>
        <p>{t('login.intro')}</p>
        <ProblemRegion problem={problem} />
        <form noValidate onSubmit={submit}>
          <UsernameField
            id="login-username"
            label={t('login.username')}
            value={username}
            onInput={setUsername}
          />
          <CredentialField
            id="login-password"
            name="password"
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onInput={setPassword}
          />
          {needsTotp && (
            <CredentialField
              id="login-totp"
              name="totp"
              label={t('login.totp')}
              hint={t('login.totpHint')}
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={totp}
              onInput={setTotp}
            />
          )}
          <BusySubmit isBusy={isBusy} label={t('login.submit')} busyLabel={t('login.submitting')} />
        </form>
      </>
    );
  }
}
