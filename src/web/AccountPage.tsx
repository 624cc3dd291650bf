import { useEffect, useState } from 'preact/hooks';
import { errorMessage, type MessageKey } from '../shared/i18n.ts';
import type { Access } from '../shared/users.ts';
import { AccessList } from './AccessList.tsx';
import {
  ApiError,
  changeOwnPassword,
  confirmTotp,
  endOwnSession,
  findMe,
  listOwnAccess,
  reportSessionEnded,
  revokeOwnToken,
  type SignedInUser,
  startTotp,
} from './api.ts';
import { AuthenticatorCodeField, CredentialForm, CurrentPasswordField } from './CredentialForm.tsx';
import { useDraft } from './draft.ts';
import { useDocumentTitle } from './Frame.tsx';
import { useLang, useT } from './lang.ts';
import { lazyPages } from './lazy-page.tsx';
import { ActionButton } from './ui/ActionButton.tsx';
import {
  AlertRegion,
  type FormProblem,
  NEW_PASSWORD_MIN,
  NewPasswordField,
  problemOf,
  SuccessRegion,
} from './ui/CredentialField.tsx';
import { Section } from './ui/Section.tsx';

/** The password change's outcome: saved, or the problem to show. */
type Outcome = 'saved' | FormProblem<'account.required' | 'account.tooShort' | 'account.wrongCurrent'>;

// One's notices outside the app (with their messages table) come in their own chunk, after the page: a field phone's
// first script is the report page's, and the account page shows at once without them.
const LazyNoticeSettings = lazyPages({
  notices: () => import('./NoticeSettings.tsx').then((m) => m.NoticeSettings),
});

/**
 * One's account: the second factor, changing one's password, and one's sessions and tokens. A user who must
 * still enrol in the second factor sees only that.
 */
export function AccountPage(props: { me: SignedInUser; onMeChanged?: (me: SignedInUser) => void }) {
  const t = useT();
  const { draft, field, reset } = useDraft({ currentPassword: '', newPassword: '' });
  const { currentPassword, newPassword } = draft;
  const [isBusy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const heading = t('account.title');
  useDocumentTitle(heading);

  async function submit(event: Event) {
    event.preventDefault();
    if (isBusy) return;
    if (!currentPassword || !newPassword) return setOutcome({ key: 'account.required' });
    if (newPassword.length < NEW_PASSWORD_MIN) return setOutcome({ key: 'account.tooShort' });
    setBusy(true);
    setOutcome(undefined);
    try {
      await changeOwnPassword(currentPassword, newPassword);
      reset();
      setOutcome('saved');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_credentials') {
        setOutcome({ key: 'account.wrongCurrent' });
      } else {
        setOutcome(problemOf(error));
      }
    } finally {
      setBusy(false);
    }
  }

  const mustEnrol = props.me.totp?.isRequired === true && !props.me.totp.isEnabled;
  const totp = (
    <TotpSection
      me={props.me}
      onEnabled={async () => {
        const me = await findMe();
        if (me) props.onMeChanged?.(me);
      }}
    />
  );
  if (mustEnrol) {
    return <article class="page narrow">{totp}</article>;
  }

  return (
    <article class="page narrow">
      <h1 tabIndex={-1}>{heading}</h1>
      <CredentialForm
        intro={t('account.intro')}
        problem={outcome === 'saved' ? undefined : outcome}
        success={<SuccessRegion message={outcome === 'saved' ? t('account.saved') : undefined} />}
        onSubmit={submit}
        isBusy={isBusy}
        label={t('account.submit')}
        busyLabel={t('account.saving')}
      >
        <CurrentPasswordField
          id="account-current"
          name="currentPassword"
          label={t('account.current')}
          {...field('currentPassword')}
        />
        <NewPasswordField
          id="account-new"
          label={t('account.new')}
          hint={t('account.newHint', { min: NEW_PASSWORD_MIN })}
          {...field('newPassword')}
        />
      </CredentialForm>
      {totp}
      <LazyNoticeSettings page="notices" failure="error.network" pageProps={{}} />
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
    <Section id="access-heading" heading={t('account.accessHeading')}>
      <p>{t('account.accessIntro')}</p>
      <AlertRegion message={error && errorMessage(lang, error.code, error.details)} />
      <SuccessRegion message={done && t(done)} />
      {access && (
        <AccessList
          access={access}
          isBusy={isBusy}
          idPrefix="own"
          onEndSession={(id) => void endSession(id)}
          onRevokeToken={(id) => void run(() => revokeOwnToken(id), 'account.revoked')}
        />
      )}
    </Section>
  );
}

/** Turning the second factor on: a QR code to scan, a first code to confirm, then the recovery codes once. */
function TotpSection(props: { me: SignedInUser; onEnabled: () => Promise<void> }) {
  const lang = useLang();
  const t = useT();
  const [enrollment, setEnrollment] = useState<{ secret: string; qrSvg: string } | undefined>();
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | undefined>();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const mustEnrol = props.me.totp?.isRequired === true && !props.me.totp.isEnabled;
  const Heading = mustEnrol ? 'h1' : 'h2';

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('internal', 0, String(caught)));
    } finally {
      setBusy(false);
    }
  }

  let body: preact.JSX.Element;
  if (recoveryCodes) {
    body = (
      <>
        <p>{t('account.totpRecovery')}</p>
        <ul class="recovery-codes">
          {recoveryCodes.map((recovery) => (
            <li key={recovery}>
              <code>{recovery}</code>
            </li>
          ))}
        </ul>
        <button type="button" class="button button-primary" onClick={() => void run(props.onEnabled)}>
          {t('account.totpDone')}
        </button>
      </>
    );
  } else if (props.me.totp?.isEnabled) {
    body = <p>{t('account.totpOn')}</p>;
  } else if (enrollment) {
    body = (
      <>
        <p>{t('account.totpScan')}</p>
        <img
          class="totp-qr"
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrollment.qrSvg)}`}
          alt={t('account.totpQr')}
          width={200}
          height={200}
        />
        <p>
          <code class="totp-secret">{enrollment.secret}</code>
        </p>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => setRecoveryCodes((await confirmTotp(code.trim())).recoveryCodes));
          }}
        >
          <AuthenticatorCodeField
            id="totp-code"
            name="code"
            label={t('account.totpCode')}
            value={code}
            onInput={setCode}
          />
          <button type="submit" class="button button-primary" disabled={isBusy}>
            {t('account.totpConfirm')}
          </button>
        </form>
      </>
    );
  } else {
    body = (
      <>
        <p>{t(mustEnrol ? 'account.totpRequired' : 'account.totpOptional')}</p>
        <ActionButton
          label={t('account.totpStart')}
          isBusy={isBusy}
          onClick={() => void run(async () => setEnrollment(await startTotp()))}
        />
      </>
    );
  }

  return (
    <section aria-labelledby="totp-heading">
      <Heading id="totp-heading" tabIndex={-1}>
        {t('account.totpHeading')}
      </Heading>
      <AlertRegion message={error && errorMessage(lang, error.code, error.details)} />
      {body}
    </section>
  );
}
