import { useLayoutEffect, useState } from 'preact/hooks';
import { errorMessage } from '../shared/i18n.ts';
import { ApiError, findMe, type SignedInUser, setSessionEndedHandler } from './api.ts';
import { Frame, useDocumentTitle } from './Frame.tsx';
import {
  clearDeviceAfterSignOut,
  findRememberedUser,
  forgetSignedInUser,
  rememberSignedInUser,
} from './field/device-data.ts';
import { LoginPage } from './LoginPage.tsx';
import { useLang, useT } from './lang.ts';
import { navigate } from './router.tsx';
import { Shell } from './Shell.tsx';

type Session =
  | { status: 'loading' }
  | { status: 'signedOut'; notice?: string }
  | { status: 'signedIn'; me: SignedInUser }
  | { status: 'unreachable'; code: string };

/** The first answer to "who is signed in", asked as soon as the script runs (index.html preloads it). */
let firstAnswer: Promise<SignedInUser | undefined> | undefined = findMe();

/** Asks the server who is signed in, then shows the login page or the signed-in shell. */
export function App() {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  function load() {
    setSession({ status: 'loading' });
    const answer = firstAnswer ?? findMe();
    firstAnswer = undefined; // a retry asks again
    answer
      .then((me) => {
        if (me) rememberSignedInUser(me);
        else forgetSignedInUser();
        setSession(me ? { status: 'signedIn', me } : { status: 'signedOut' });
      })
      .catch((error: unknown) => {
        // No network (or no server): whoever signed in on this phone keeps working offline; the outbox
        // sends their reports once the server answers, and asks them to sign in again if the session is gone.
        const remembered = findRememberedUser();
        if (remembered) return setSession({ status: 'signedIn', me: remembered });
        setSession({ status: 'unreachable', code: error instanceof ApiError ? error.code : 'internal' });
      });
  }

  // Before the first paint rather than after it: the answer is usually here already (preloaded, asked early).
  useLayoutEffect(() => {
    load();
    setSessionEndedHandler(() => setSession({ status: 'signedOut', notice: 'unauthenticated' }));
    return () => setSessionEndedHandler(null);
  }, []);

  switch (session.status) {
    case 'loading':
      return <LoadingPage />;
    case 'unreachable':
      return <UnreachablePage code={session.code} onRetry={load} />;
    case 'signedOut':
      return (
        <LoginPage
          key="login"
          notice={session.notice}
          onSignedIn={(me) => {
            rememberSignedInUser(me);
            setSession({ status: 'signedIn', me });
          }}
        />
      );
    case 'signedIn':
      return (
        <Shell
          me={session.me}
          onMeChanged={(me) => {
            rememberSignedInUser(me);
            setSession({ status: 'signedIn', me });
          }}
          onSignedOut={() => {
            void clearDeviceAfterSignOut();
            setSession({ status: 'signedOut' });
            navigate('/');
          }}
        />
      );
  }
}

function LoadingPage() {
  const t = useT();
  useDocumentTitle(t('common.loading'));
  return (
    <Frame>
      <p class="loading" role="status">
        {t('common.loading')}
      </p>
    </Frame>
  );
}

function UnreachablePage(props: { code: string; onRetry: () => void }) {
  const lang = useLang();
  const t = useT();
  useDocumentTitle(t('app.name'));
  return (
    <Frame>
      <div class="narrow">
        <h1>{t('app.name')}</h1>
        <p role="alert" class="message message-error">
          {errorMessage(lang, props.code)}
        </p>
        <button type="button" class="button button-primary" onClick={props.onRetry}>
          {t('common.retry')}
        </button>
      </div>
    </Frame>
  );
}
