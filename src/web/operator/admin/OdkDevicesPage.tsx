// Ponsel ODK Collect (admin): a token per field phone, its server URL as a QR code for Collect (shown once), and
// revoking a token when a phone is lost.
import { useState } from 'preact/hooks';
import { useDraft } from '../../draft.ts';
import { InputField } from '../../fields.tsx';
import { useLang, useT } from '../../lang.ts';
import { Section } from '../../ui/Section.tsx';
import { SmallButton } from '../../ui/SmallButton.tsx';
import type { OperatorPageProps } from '../OperatorPage.tsx';
import { DataTable, ErrorNotice, FormSubmit, Tag, useAction, useFormSend, useLoad, wib } from '../ui.tsx';
import {
  createOdkDevice,
  listOdkDevices,
  type OdkDevice,
  type OdkDeviceCreated,
  revokeOdkDevice,
} from './odk-api.ts';

/** The administrator's list of ODK device tokens. */
export function OdkDevicesPage(_props: OperatorPageProps) {
  const t = useT();
  const lang = useLang();
  const devices = useLoad(() => listOdkDevices().then((r) => r.items), []);
  const [created, setCreated] = useState<OdkDeviceCreated | undefined>();
  const [revoked, setRevoked] = useState<OdkDevice | undefined>();
  const action = useAction();

  async function revoke(device: OdkDevice) {
    let done: OdkDevice | undefined;
    if (await action.run(async () => (done = await revokeOdkDevice(device.id)))) {
      setRevoked(done);
      setCreated(undefined);
      devices.reload();
    }
  }

  const items = devices.data ?? [];
  return (
    <div class="op-wide">
      <p class="lead">{t('purpose.odk')}</p>
      <p>{t('op.odk.lead')}</p>
      <div role="status">
        {revoked && (
          <p class="message message-success">
            {t('op.odk.revokedNotice', { label: revoked.label || revoked.username })}
          </p>
        )}
      </div>
      <ErrorNotice error={action.error ?? devices.error} />
      <CreateDeviceForm
        onCreated={(result) => {
          setCreated(result);
          setRevoked(undefined);
          devices.reload();
        }}
      />
      {created && <CreatedDevice created={created} />}
      <Section id="odk-devices-heading" heading={t('op.odk.listHeading', { count: items.length })}>
        {items.length === 0 && !devices.isLoading ? (
          <p>{t('op.odk.empty')}</p>
        ) : (
          <DataTable
            caption={t('op.odk.listHeading', { count: items.length })}
            columns={[
              t('op.odk.col.label'),
              t('op.odk.col.user'),
              t('op.odk.col.created'),
              t('op.odk.col.lastUsed'),
              t('op.odk.col.status'),
            ]}
            actionsLabel={t('op.users.actions')}
          >
            {items.map((device) => (
              <tr key={device.id}>
                <th scope="row">{device.label || '—'}</th>
                <td>{device.username}</td>
                <td>{wib(device.createdAt, lang)}</td>
                <td>{device.lastUsedAt ? wib(device.lastUsedAt, lang) : t('op.odk.never')}</td>
                <td>
                  {device.revokedAt ? (
                    <Tag tone="muted">{t('op.odk.revokedAt', { when: wib(device.revokedAt, lang) })}</Tag>
                  ) : (
                    <Tag tone="ok">{t('op.odk.active')}</Tag>
                  )}
                </td>
                <td>
                  {!device.revokedAt && (
                    <SmallButton
                      disabled={action.isBusy}
                      label={t('op.odk.revoke', { label: device.label || device.username })}
                      onClick={() => revoke(device)}
                    >
                      {t('op.odk.revokeShort')}
                    </SmallButton>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
    </div>
  );
}

/** The new token's server URL and Collect's QR code for it: shown once, never stored by the page. */
function CreatedDevice(props: { created: OdkDeviceCreated }) {
  const t = useT();
  const { device, serverUrl, qrSvg } = props.created;
  return (
    <section class="op-odk-created" aria-labelledby="odk-created-heading">
      <h2 id="odk-created-heading">{t('op.odk.serverUrl')}</h2>
      <p class="message message-success">{t('op.odk.created', { username: device.username })}</p>
      <img
        class="op-odk-qr"
        src={`data:image/svg+xml;utf8,${encodeURIComponent(qrSvg)}`}
        alt={t('op.odk.qrAlt', { label: device.label || device.username })}
        width={256}
        height={256}
      />
      <p>
        <code class="op-secret">{serverUrl}</code>
      </p>
      <p class="hint">{t('op.odk.steps')}</p>
    </section>
  );
}

function CreateDeviceForm(props: { onCreated: (created: OdkDeviceCreated) => void }) {
  const t = useT();
  const { draft, field, reset } = useDraft({ username: '', label: '' });
  const action = useFormSend(
    () => createOdkDevice({ username: draft.username.trim(), label: draft.label.trim() }),
    (created) => {
      props.onCreated(created);
      reset();
    },
  );

  return (
    <Section id="odk-create" heading={t('op.odk.create')}>
      <ErrorNotice error={action.error} />
      <form class="op-form op-grid-form" onSubmit={action.submit}>
        <InputField
          id="odk-username"
          label={t('op.odk.username')}
          required
          minLength={3}
          autoComplete="off"
          {...field('username')}
        />
        <InputField id="odk-label" label={t('op.odk.label')} maxLength={200} {...field('label')} />
        <FormSubmit
          label={t(action.isBusy ? 'op.odk.creating' : 'op.odk.create')}
          disabled={action.isBusy || draft.username.trim().length < 3}
        />
      </form>
    </Section>
  );
}
