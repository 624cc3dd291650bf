// Pengguna (admin): every account, creating one, and resetting a password (shown once).
import { useState } from 'preact/hooks';
import type { Role } from '../../../shared/users.ts';
import { AccessList } from '../../AccessList.tsx';
import { request } from '../../api.ts';
import { InputField, SearchField, SelectField } from '../../fields.tsx';
import { useT } from '../../lang.ts';
import { Section } from '../../ui/Section.tsx';
import { SmallButton } from '../../ui/SmallButton.tsx';
import { agencyOptions, roleLabel } from '../labels.ts';
import type { OperatorPageProps } from '../OperatorPage.tsx';
import {
  createUser,
  endSessionOf,
  listAccessOf,
  listAgencies,
  listUsers,
  resetPassword,
  resetTotpOf,
  revokeTokenOf,
  setUserActive,
  type UserView,
} from '../operator-api.ts';
import { ActiveTag, DataTable, ErrorNotice, FormSubmit, useAction, useFormSend, useLoad } from '../ui.tsx';
import { RegionField } from './RegionField.tsx';

const ROLES: readonly Role[] = ['relawan', 'operator', 'koordinator', 'provinsi', 'mitra', 'admin', 'ppdp'];

/** The names of the users' areas and agencies, by region code and by `agency:<id>`. */
async function areaNames(users: readonly UserView[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const codes = [...new Set(users.map((u) => u.scopeRegionCode).filter((c): c is string => !!c))];
  const [agencies] = await Promise.all([
    users.some((u) => u.agencyId) ? listAgencies().then((r) => r.items) : Promise.resolve([]),
    ...codes.map((code) =>
      request<{ name: string }>('GET', `/api/regions/${code}`).then(
        (region) => names.set(code, region.name),
        () => undefined, // the code stays shown
      ),
    ),
  ]);
  for (const agency of agencies) names.set(`agency:${agency.id}`, agency.name);
  return names;
}

/** The administrator's list of users. */
export function UsersPage(_props: OperatorPageProps) {
  const t = useT();
  const users = useLoad(() => listUsers().then((r) => r.items), []);
  const names = useLoad(() => areaNames(users.data ?? []), [users.data]);
  const areaOf = (u: UserView) =>
    u.scopeBakorwilId
      ? `Bakorwil ${u.scopeBakorwilId}`
      : u.agencyId
        ? (names.data?.get(`agency:${u.agencyId}`) ?? u.agencyId)
        : u.scopeRegionCode
          ? (names.data?.get(u.scopeRegionCode) ?? u.scopeRegionCode)
          : '—';
  const [filter, setFilter] = useState('');
  const [secret, setSecret] = useState<{ username: string; password: string } | undefined>();
  const [accessOf, setAccessOf] = useState<string | undefined>();
  const action = useAction();

  async function resetTotp(user: UserView) {
    if (await action.run(() => resetTotpOf(user.username))) users.reload();
  }

  async function toggleActive(user: UserView) {
    if (await action.run(() => setUserActive(user.username, !user.isActive))) users.reload();
  }

  async function reset(user: UserView) {
    let password = '';
    if (await action.run(async () => ({ password } = await resetPassword(user.username)))) {
      setSecret({ username: user.username, password });
    }
  }

  const needle = filter.trim().toLowerCase();
  const shown = (users.data ?? []).filter(
    (u) =>
      !needle ||
      u.username.toLowerCase().includes(needle) ||
      u.displayName.toLowerCase().includes(needle) ||
      (u.scopeRegionCode ?? u.scopeBakorwilId ?? '').includes(needle) ||
      areaOf(u).toLowerCase().includes(needle),
  );
  return (
    <div class="op-wide">
      <p class="lead">{t('purpose.pengguna')}</p>
      <SecretNotice secret={secret} />
      <ErrorNotice error={action.error ?? users.error} />
      {accessOf && <UserAccess username={accessOf} onClose={() => setAccessOf(undefined)} />}
      <CreateUserForm
        onCreated={(created) => {
          setSecret(created);
          users.reload();
        }}
      />
      <Section id="users-heading" heading={t('op.users.listHeading')}>
        <SearchField id="users-filter" label={t('op.users.filter')} value={filter} onInput={setFilter} />
        <DataTable
          caption={t('op.users.listHeading')}
          columns={[
            t('op.users.name'),
            t('login.username'),
            t('op.users.role'),
            t('op.users.scope'),
            t('op.users.status'),
          ]}
          actionsLabel={t('op.users.actions')}
        >
          {shown.map((user) => (
            <tr key={user.id}>
              <th scope="row">{user.displayName}</th>
              <td>{user.username}</td>
              <td>{roleLabel(t, user.role)}</td>
              <td>{areaOf(user)}</td>
              <td>
                <ActiveTag isActive={user.isActive} />
              </td>
              <td>
                <SmallButton disabled={action.isBusy} onClick={() => reset(user)}>
                  {t('op.users.reset', { name: user.username })}
                </SmallButton>{' '}
                <SmallButton disabled={action.isBusy} onClick={() => void toggleActive(user)}>
                  {t(user.isActive ? 'op.users.deactivate' : 'op.users.reactivate', {
                    name: user.username,
                  })}
                </SmallButton>{' '}
                <SmallButton onClick={() => setAccessOf(user.username)}>
                  {t('op.users.showAccess', { name: user.username })}
                </SmallButton>
                {user.hasTotp && (
                  <>
                    {' '}
                    <SmallButton disabled={action.isBusy} onClick={() => void resetTotp(user)}>
                      {t('op.users.resetTotp', { name: user.username })}
                    </SmallButton>
                  </>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </Section>
    </div>
  );
}

/** One user's sessions and tokens, which the admin can end. */
function UserAccess(props: { username: string; onClose: () => void }) {
  const t = useT();
  const access = useLoad(() => listAccessOf(props.username), [props.username]);
  const action = useAction();
  async function run(act: () => Promise<unknown>) {
    if (await action.run(act)) access.reload();
  }
  return (
    <Section
      id="user-access-heading"
      heading={t('op.users.accessOf', { name: props.username })}
      class="op-card"
    >
      <ErrorNotice error={action.error ?? access.error} />
      {access.data && (
        <AccessList
          access={access.data}
          isBusy={action.isBusy}
          idPrefix="user-access"
          onEndSession={(id) => void run(() => endSessionOf(props.username, id))}
          onRevokeToken={(id) => void run(() => revokeTokenOf(props.username, id))}
        />
      )}
      <button type="button" class="button op-button-secondary" onClick={props.onClose}>
        {t('op.users.closeAccess')}
      </button>
    </Section>
  );
}

/** A new or reset password, shown once so the admin can pass it on. */
function SecretNotice(props: { secret: { username: string; password: string } | undefined }) {
  const t = useT();
  return (
    <div role="status">
      {props.secret && (
        <p class="message message-success">
          {t('op.users.passwordFor', { name: props.secret.username })}{' '}
          <code class="op-secret">{props.secret.password}</code>
          <br />
          {t('op.users.passwordOnce')}
        </p>
      )}
    </div>
  );
}

function CreateUserForm(props: { onCreated: (created: { username: string; password: string }) => void }) {
  const t = useT();
  const agencies = useLoad(() => listAgencies().then((r) => r.items), []);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('relawan');
  const [region, setRegion] = useState('');
  const [resets, setResets] = useState(0);
  const [agencyId, setAgencyId] = useState('');
  const action = useFormSend(
    () =>
      createUser({
        username: username.trim(),
        displayName: displayName.trim() || undefined,
        role,
        region: region.trim() || '35',
        agencyId: role === 'mitra' ? agencyId || null : null,
      }),
    (created) => {
      props.onCreated({ username: created.user.username, password: created.password });
      setUsername('');
      setDisplayName('');
      setRegion('');
      setResets((n) => n + 1);
    },
  );

  return (
    <Section id="create-user" heading={t('op.users.createHeading')}>
      <form class="op-form op-grid-form" onSubmit={action.submit}>
        <InputField
          id="new-username"
          label={t('login.username')}
          required
          minLength={3}
          autoComplete="off"
          value={username}
          onInput={setUsername}
        />
        <InputField id="new-name" label={t('op.users.name')} value={displayName} onInput={setDisplayName} />
        <SelectField
          id="new-role"
          label={t('op.users.role')}
          value={role}
          onChange={(value) => setRole(value as Role)}
          options={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
        />
        <RegionField id="new-region" onChange={setRegion} resetKey={resets} />
        {role === 'mitra' && (
          <SelectField
            id="new-agency"
            label={t('op.users.agency')}
            value={agencyId}
            onChange={setAgencyId}
            options={agencyOptions(t, agencies.data)}
          />
        )}
        <FormSubmit label={t('op.users.create')} disabled={action.isBusy || username.trim().length < 3} />
      </form>
      <ErrorNotice error={action.error} />
    </Section>
  );
}
