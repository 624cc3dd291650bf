import { useState } from 'preact/hooks';
import { ApiError, type SignedInUser, signIn } from './api.ts';
import { AuthenticatorCodeField, CredentialForm, CurrentPasswordField } from './CredentialForm.tsx';
import { useDraft } from './draft.ts';
import { Frame, useDocumentTitle } from './Frame.tsx';
import { useT } from './lang.ts';
import { lazyPages } from './lazy-page.tsx';
import { type FormProblem, problemOf, UsernameField } from './ui/CredentialField.tsx';

type Problem = FormProblem<'login.required'>;

// The one-time code path (a code sheet's QR, a reset code) is its own chunk: most sign-ins never show it, and the
// report page's first script stays smaller for it. Signing in needs the network anyway.
const CodeForm = lazyPages({ code: () => import('./LoginCodeForm.tsx').then((m) => m.LoginCodeForm) });

/** The sign-in form. `notice` explains why the user is here again (e.g. the session ended). */
export function LoginPage(props: { notice?: string; onSignedIn: (me: SignedInUser) => void }) {
  const t = useT();
  const { draft, set, field } = useDraft({ username: '', password: '', totp: '' });
  const { username, password, totp } = draft;
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
      if (!(error instanceof ApiError && error.code === 'totp_invalid')) set('password', '');
      set('totp', '');
      setBusy(false);
    }
  }

  return (
    <Frame>
      <div class="narrow">
        <h1>{t('login.title')}</h1>
        {withCode ? (
          <CodeForm
            page="code"
            failure="error.network"
            pageProps={{ username: linked.get('u') ?? undefined, onSignedIn: props.onSignedIn }}
          />
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
      <CredentialForm
        intro={t('login.intro')}
        problem={problem}
        onSubmit={submit}
        isBusy={isBusy}
        label={t('login.submit')}
        busyLabel={t('login.submitting')}
      >
        <UsernameField id="login-username" label={t('login.username')} {...field('username')} />
        <CurrentPasswordField
          id="login-password"
          name="password"
          label={t('login.password')}
          {...field('password')}
        />
        {needsTotp && (
          <AuthenticatorCodeField
            id="login-totp"
            name="totp"
            label={t('login.totp')}
            hint={t('login.totpHint')}
            {...field('totp')}
          />
        )}
      </CredentialForm>
    );
  }
}
