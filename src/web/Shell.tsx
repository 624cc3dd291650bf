import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../shared/i18n.ts';
import { AccountPage } from './AccountPage.tsx';
import { ApiError, type SignedInUser, signOut } from './api.ts';
import { EVALUATION_RECORDS_PATH, EvaluationRoute } from './evaluation/EvaluationRoute.tsx';
import { Frame, TitledPage } from './Frame.tsx';
import { FieldPage, isFieldRoute } from './field/FieldPage.tsx';
import { useFieldSync } from './field/field-sync.ts';
import { PendingNotice } from './field/PendingNotice.tsx';
import { useLang, useT } from './lang.ts';
import { ACCOUNT_PATH, findMenuItem, homePathOf, MENUS, type MenuItem, ROUTES } from './nav.ts';
import { matchOperatorPage, OperatorPage } from './operator/OperatorPage.tsx';
import { Link, navigate, usePath } from './router.tsx';
import { ActionButton } from './ui/ActionButton.tsx';

/** The signed-in app: who is signed in, the role's menu, and the page at the current path. */
export function Shell(props: {
  me: SignedInUser;
  onSignedOut: () => void;
  /** The server's answer about the user changed (e.g. the second factor was just turned on). */
  onMeChanged?: (me: SignedInUser) => void;
}) {
  const { me } = props;
  const lang = useLang();
  const t = useT();
  const home = homePathOf(me.role);
  const address = usePath();
  // The bare address shows the role's first page at once; the effect below puts its path in the address bar.
  const path = address === '/' ? home : address;
  const [signOutError, setSignOutError] = useState<ApiError | undefined>();
  const [isSigningOut, setSigningOut] = useState(false);
  const mainContent = useRef<HTMLDivElement>(null);
  useFieldSync(me);

  useEffect(() => {
    if (address === '/') navigate(home, { replace: true });
  }, [address, home]);

  // After moving to another page, put focus on its heading so screen readers announce it.
  useEffect(() => {
    mainContent.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [path]);

  async function handleSignOut() {
    setSigningOut(true);
    setSignOutError(undefined);
    try {
      await signOut();
      props.onSignedOut();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'unauthenticated') {
        props.onSignedOut();
        return;
      }
      setSignOutError(error instanceof ApiError ? error : new ApiError('internal', 0, String(error)));
      setSigningOut(false);
    }
  }

  const header = (
    <div class="userbar">
      <p class="who">
        <span class="visually-hidden">{t('shell.signedInAs')} </span>
        <strong class="who-name">{me.displayName}</strong>
        <span class="who-role">
          {t(`role.${me.role}`)} · {me.scope.name}
        </span>
      </p>
      <div class="user-actions">
        <Link href={ACCOUNT_PATH} class="button button-ghost" current={path === ACCOUNT_PATH}>
          {t('nav.akun')}
        </Link>
        <ActionButton
          label={t('shell.signOut')}
          isBusy={isSigningOut}
          onClick={handleSignOut}
          class="button button-ghost"
        />
      </div>
    </div>
  );

  const nav = (
    <nav class="menu" aria-label={t('shell.menu')}>
      <ul>
        {(MENUS[me.role] as readonly MenuItem[]).map((item) => {
          const route = ROUTES[item.route];
          return (
            <li key={item.route}>
              <Link href={route.path} current={route.path === path || path.startsWith(`${route.path}/`)}>
                {t(route.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );

  // A role that must have a second factor sees only its enrolment until it is on (the server refuses the rest).
  const mustEnrolTotp = me.totp?.isRequired === true && !me.totp.isEnabled;
  const menuItem = findMenuItem(me.role, path);
  const officePage = matchOperatorPage(me.role, path);
  // One layout rule for the office's desk screens (styles.css): the width the screen gives, header included.
  const isOfficeLayout =
    path !== ACCOUNT_PATH &&
    !(menuItem && isFieldRoute(menuItem.route)) &&
    (menuItem !== undefined || !!officePage);
  return (
    <Frame header={header} nav={nav}>
      <div ref={mainContent} class={isOfficeLayout ? 'office-layout' : undefined}>
        <div role="alert" class="alert-region">
          {signOutError && (
            <p class="message message-error">{errorMessage(lang, signOutError.code, signOutError.details)}</p>
          )}
        </div>
        <PendingNotice me={me} path={path} />
        {path === ACCOUNT_PATH || mustEnrolTotp ? (
          <AccountPage me={me} onMeChanged={props.onMeChanged} />
        ) : menuItem && isFieldRoute(menuItem.route) ? (
          <FieldPage key={menuItem.route} route={menuItem.route} me={me} />
        ) : menuItem?.route === 'evaluasi' ||
          (path === EVALUATION_RECORDS_PATH && findMenuItem(me.role, ROUTES.evaluasi.path)) ? (
          <EvaluationRoute me={me} path={path} />
        ) : officePage ? (
          <OperatorPage key={`${officePage.page}:${officePage.param ?? ''}`} match={officePage} me={me} />
        ) : (
          <NotFoundPage home={home} />
        )}
      </div>
    </Frame>
  );
}

function NotFoundPage(props: { home: string }) {
  const t = useT();
  return (
    <TitledPage heading={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href={props.home}>{t('shell.home')}</Link>
      </p>
    </TitledPage>
  );
}
