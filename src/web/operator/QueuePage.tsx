// Belum ditempatkan (koordinator, provinsi): WhatsApp and SMS messages whose place the reader could not find,
// oldest first, each placed by hand — a place the reader offered, or a region code — and then a report.
import { useState } from 'preact/hooks';
import type { ChannelMessageView } from '../../shared/channels/channel-schema.ts';
import { formatCoordinate } from '../../shared/i18n.ts';
import { request } from '../api.ts';
import { InputField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import type { OperatorPageProps } from './OperatorPage.tsx';
import { ErrorNotice, FormSubmit, Tag, useFormSend, useLoad, wib } from './ui.tsx';

const listQueue = () => request<{ items: ChannelMessageView[] }>('GET', '/api/channels/queue');
const placeMessage = (id: string, regionCode: string) =>
  request<{ reportId: string; priority: string }>('POST', `/api/channels/queue/${id}/place`, { regionCode });

export function QueuePage(_props: OperatorPageProps) {
  const t = useT();
  const queue = useLoad(() => listQueue().then((r) => r.items), []);
  const [placed, setPlaced] = useState<{ number: string; priority: string } | undefined>();
  const items = queue.data ?? [];
  return (
    <div class="op-wide">
      <p class="lead">{t('op.queue.lead')}</p>
      <div role="status">
        {placed && <p class="message message-success">{t('op.queue.placed', placed)}</p>}
      </div>
      <ErrorNotice error={queue.error} />
      <h2>{t('op.queue.heading', { count: items.length })}</h2>
      {items.length === 0 && !queue.isLoading && <p>{t('op.queue.empty')}</p>}
      <ul class="op-list op-queue">
        {items.map((message) => (
          <li key={message.id}>
            <QueueItem
              message={message}
              onPlaced={(result) => {
                setPlaced({ number: result.reportId.slice(0, 8).toUpperCase(), priority: result.priority });
                queue.reload();
              }}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

function QueueItem(props: {
  message: ChannelMessageView;
  onPlaced: (result: { reportId: string; priority: string }) => void;
}) {
  const t = useT();
  const lang = useLang();
  const { message } = props;
  const candidates = message.reading?.candidates ?? [];
  const [code, setCode] = useState('');
  const action = useFormSend(() => placeMessage(message.id, code.trim()), props.onPlaced);
  const fieldId = `place-${message.id}`;
  const headingId = `message-${message.id}`;

  return (
    <article class="op-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(message.channel === 'whatsapp' ? 'op.queue.whatsapp' : 'op.queue.sms')} ·{' '}
        {wib(message.receivedAt, lang)}
      </h3>
      <p>
        <Tag tone={message.trust === 'warga' ? 'warn' : 'ok'}>{t(`op.queue.trust.${message.trust}`)}</Tag>{' '}
        {t('op.queue.from', { sender: message.sender, area: message.areaName })}
        {message.joined > 0 && ` · ${t('op.queue.joined', { count: message.joined })}`}
      </p>
      <blockquote class="op-message-text">{message.text || t('op.queue.noText')}</blockquote>
      {message.latitude !== null && (
        <p>
          {t('op.queue.pin', {
            lat: formatCoordinate(message.latitude, lang),
            lon: message.longitude === null ? '' : formatCoordinate(message.longitude, lang),
          })}
        </p>
      )}
      <form onSubmit={action.submit}>
        {candidates.length > 0 && (
          <fieldset>
            <legend>{t('op.queue.candidates')}</legend>
            {candidates.map((c) => (
              <label key={c.code} class="op-choice">
                <input
                  type="radio"
                  name={`candidate-${message.id}`}
                  value={c.code}
                  checked={code === c.code}
                  onChange={() => setCode(c.code)}
                />{' '}
                {c.name}, {c.kabkotaName}
              </label>
            ))}
          </fieldset>
        )}
        <InputField
          id={fieldId}
          label={t('op.queue.code')}
          hint={t('op.queue.codeHint')}
          inputMode="decimal"
          pattern="35(\.\d{2}){1,2}(\.\d{4})?"
          required
          value={code}
          onInput={setCode}
        />
        <ErrorNotice error={action.error} />
        <FormSubmit label={t('op.queue.place')} disabled={action.isBusy || code.trim() === ''} isSecondary />
      </form>
    </article>
  );
}
