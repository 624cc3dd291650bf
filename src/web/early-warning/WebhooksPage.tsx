// Webhook (admin): the other systems that receive alerts (a Polres, BPBD …), signed with HMAC-SHA256; adding
// one (its secret shown once), switching it on or off, a new secret, and each webhook's delivery log.
import { useState } from 'preact/hooks';
import { EW_TEXT } from '../../shared/early-warning/text-lengths.ts';
import type { MessageKey } from '../../shared/i18n.ts';
import { useDraft } from '../draft.ts';
import { CheckField, CheckList, InputField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import type { OperatorPageProps } from '../operator/OperatorPage.tsx';
import { FormSubmit, Loading, num, Tag, useAction, useLoad, wib } from '../operator/ui.tsx';
import { ItemsTable } from '../ui/DataTable.tsx';
import { SmallButton } from '../ui/SmallButton.tsx';
import {
  createWebhook,
  type Delivery,
  listDeliveries,
  listWebhooks,
  updateWebhook,
  type Webhook,
} from './ew-api.ts';
import { EwError, regionChildren } from './ew-ui.tsx';

/** A new secret made in the browser (32 random bytes, base64url), for replacing a webhook's secret. */
function makeSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function WebhooksPage(_props: OperatorPageProps) {
  const t = useT();
  const lang = useLang();
  const webhooks = useLoad(() => listWebhooks().then((r) => r.items), []);
  const kabkota = useLoad(() => regionChildren('35'), []);
  const [secret, setSecret] = useState<{ url: string; secret: string } | undefined>();
  const [logOf, setLogOf] = useState<Webhook | undefined>();
  const action = useAction();
  const nameOf = (code: string) => kabkota.data?.find((r) => r.code === code)?.name ?? code;

  async function toggle(hook: Webhook) {
    if (await action.run(() => updateWebhook(hook.id, { isActive: !hook.isActive }))) webhooks.reload();
  }
  async function renewSecret(hook: Webhook) {
    const fresh = makeSecret();
    if (await action.run(() => updateWebhook(hook.id, { secret: fresh }))) {
      setSecret({ url: hook.url, secret: fresh });
      webhooks.reload();
    }
  }

  const items = webhooks.data ?? [];
  return (
    <div class="op-wide ew-page">
      <p class="lead">{t('purpose.webhook')}</p>
      <p class="hint">{t('ew.webhooks.explain')}</p>
      <div role="status">
        {secret && (
          <p class="message message-success">
            {t('ew.webhooks.secretFor', { url: secret.url })} <code class="op-secret">{secret.secret}</code>
            <br />
            {t('ew.webhooks.secretOnce')}
          </p>
        )}
      </div>
      <AddWebhookForm
        kabkota={kabkota.data ?? []}
        onAdded={(created) => {
          if (created.secret) setSecret({ url: created.url, secret: created.secret });
          webhooks.reload();
        }}
      />
      <section aria-labelledby="ew-webhooks-heading">
        <h2 id="ew-webhooks-heading">{t('ew.webhooks.listHeading', { count: num(items.length, lang) })}</h2>
        <EwError error={action.error ?? webhooks.error} />
        <ItemsTable
          caption={t('ew.webhooks.listCaption')}
          columns={[
            t('ew.webhooks.url'),
            t('ew.webhooks.description'),
            t('ew.webhooks.regions'),
            t('ew.webhooks.status'),
            t('ew.webhooks.secretHint'),
            t('ew.webhooks.created'),
          ]}
          actionsLabel={t('ew.webhooks.actions')}
          items={items}
          empty={t('ew.webhooks.empty')}
          isLoaded={Boolean(webhooks.data)}
          row={(hook) => (
            <tr key={hook.id}>
              <th scope="row" class="ew-url">
                {hook.url}
              </th>
              <td>{hook.description || '—'}</td>
              <td>
                {hook.regionCodes.length
                  ? hook.regionCodes.map(nameOf).join(', ')
                  : t('ew.webhooks.allRegions')}
              </td>
              <td>
                <Tag tone={hook.isActive ? 'ok' : 'muted'}>
                  {t(hook.isActive ? 'ew.webhooks.active' : 'ew.webhooks.inactive')}
                </Tag>
              </td>
              <td>
                <code>{hook.secretHint}</code>
              </td>
              <td>{wib(hook.createdAt, lang)}</td>
              <td>
                <div class="ew-row-actions">
                  <SmallButton disabled={action.isBusy} onClick={() => toggle(hook)} what={hook.url}>
                    {t(hook.isActive ? 'ew.webhooks.disable' : 'ew.webhooks.enable')}
                  </SmallButton>
                  <SmallButton disabled={action.isBusy} onClick={() => renewSecret(hook)} what={hook.url}>
                    {t('ew.webhooks.renewSecret')}
                  </SmallButton>
                  <SmallButton
                    pressed={logOf?.id === hook.id}
                    onClick={() => setLogOf(logOf?.id === hook.id ? undefined : hook)}
                    what={hook.url}
                  >
                    {t('ew.webhooks.showLog')}
                  </SmallButton>
                </div>
              </td>
            </tr>
          )}
        />
      </section>
      {logOf && <DeliveryLog key={logOf.id} webhook={logOf} />}
    </div>
  );
}

function AddWebhookForm(props: {
  kabkota: readonly { code: string; name: string }[];
  onAdded: (created: Webhook & { secret?: string }) => void;
}) {
  const t = useT();
  const { draft, set, field, reset } = useDraft(
    { url: '', secret: '', description: '', isActive: true },
    { secret: EW_TEXT.webhookSecret, description: EW_TEXT.webhookDescription },
  );
  const [regions, setRegions] = useState<string[]>([]);
  const action = useAction();

  async function submit(event: Event) {
    event.preventDefault();
    let created: (Webhook & { secret?: string }) | undefined;
    const ok = await action.run(async () => {
      created = await createWebhook({
        url: draft.url.trim(),
        secret: draft.secret || undefined,
        description: draft.description.trim(),
        regionCodes: regions,
        isActive: draft.isActive,
      });
    });
    if (ok && created) {
      props.onAdded(created);
      reset();
      setRegions([]);
    }
  }

  return (
    <section aria-labelledby="ew-webhook-add-heading">
      <h2 id="ew-webhook-add-heading">{t('ew.webhooks.addHeading')}</h2>
      <form class="op-form" onSubmit={submit}>
        <div class="op-grid-form">
          <InputField
            id="ew-webhook-url"
            label={t('ew.webhooks.url')}
            type="url"
            required
            placeholder="https://"
            {...field('url')}
          />
          <InputField
            id="ew-webhook-description"
            label={t('ew.webhooks.description')}
            {...field('description')}
          />
          <InputField
            id="ew-webhook-secret"
            label={t('ew.webhooks.secret')}
            hint={t('ew.webhooks.secretHintText')}
            {...field('secret')}
          />
        </div>
        <details class="ew-details">
          <summary>{t('ew.webhooks.limitRegions', { count: regions.length })}</summary>
          <fieldset class="ew-fieldset">
            <legend>{t('ew.webhooks.regionsLegend')}</legend>
            <div class="ew-checkgrid">
              <CheckList
                options={props.kabkota.map((r) => ({ value: r.code, label: r.name }))}
                selected={regions}
                onChange={setRegions}
              />
            </div>
          </fieldset>
        </details>
        <CheckField
          label={t('ew.webhooks.activeNow')}
          checked={draft.isActive}
          onChange={(isActive) => set('isActive', isActive)}
        />
        <EwError error={action.error} />
        <FormSubmit label={t('ew.webhooks.addSubmit')} disabled={action.isBusy || !draft.url.trim()} />
      </form>
    </section>
  );
}

/** The newest deliveries of one webhook, each with its attempts. */
function DeliveryLog(props: { webhook: Webhook }) {
  const t = useT();
  const lang = useLang();
  const log = useLoad(() => listDeliveries(props.webhook.id).then((r) => r.items), [props.webhook.id]);
  const items = log.data ?? [];
  return (
    <section aria-labelledby="ew-log-heading">
      <h2 id="ew-log-heading">{t('ew.log.heading', { url: props.webhook.url })}</h2>
      <div class="op-actions">
        <SmallButton onClick={log.reload}>{t('ew.log.reload')}</SmallButton>
      </div>
      <EwError error={log.error} />
      {!log.data && log.isLoading && <Loading />}
      <ItemsTable
        caption={t('ew.log.heading', { url: props.webhook.url })}
        columns={[
          t('ew.log.created'),
          t('ew.log.event'),
          t('ew.log.status'),
          t('ew.log.attempts'),
          t('ew.log.last'),
        ]}
        items={items}
        empty={t('ew.log.empty')}
        isLoaded={Boolean(log.data)}
        row={(d) => (
          <tr key={d.id}>
            <th scope="row">{wib(d.createdAt, lang)}</th>
            <td>{t(`ew.log.eventName.${d.event === 'alert.closed' ? 'closed' : 'raised'}` as MessageKey)}</td>
            <td>
              <DeliveryStatus delivery={d} />
            </td>
            <td>{num(d.attempts, lang)}</td>
            <td>
              <AttemptSummary delivery={d} />
            </td>
          </tr>
        )}
      />
    </section>
  );
}

function DeliveryStatus(props: { delivery: Delivery }) {
  const t = useT();
  const lang = useLang();
  const d = props.delivery;
  const tone = d.status === 'terkirim' ? 'ok' : d.status === 'gagal' ? 'danger' : 'warn';
  return (
    <>
      <Tag tone={tone}>{t(`ew.log.status.${d.status}` as MessageKey)}</Tag>
      {d.deliveredAt && <span class="ew-muted"> {wib(d.deliveredAt, lang)}</span>}
    </>
  );
}

/** The last answer (status code or error), with every attempt on request. */
function AttemptSummary(props: { delivery: Delivery }) {
  const t = useT();
  const lang = useLang();
  const d = props.delivery;
  const last = d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : (d.lastError ?? '—');
  if (d.log.length === 0) return <span>{last}</span>;
  return (
    <details class="ew-details">
      <summary>{last}</summary>
      <ol>
        {d.log.map((a) => (
          <li key={a.attempt}>
            {t('ew.log.attempt', {
              n: a.attempt,
              when: wib(a.at, lang),
              result: a.statusCode !== null ? `HTTP ${a.statusCode}` : (a.error ?? '—'),
              ms: num(a.durationMs, lang),
            })}
          </li>
        ))}
      </ol>
    </details>
  );
}
