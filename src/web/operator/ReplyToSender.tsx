// Answering the sender of a WhatsApp or SMS report from the report: a template or a short text of one's own,
// sent through the outbox. A retried click sends nothing twice (one request id per answer).
import '../../shared/messages/notices.ts';
import { useState } from 'preact/hooks';
import type { ReplyResult } from '../../shared/channels/reply-schema.ts';
import {
  REPLY_MAX,
  REPLY_TEMPLATE_IDS,
  REPLY_TEMPLATES,
  type ReplyTemplate,
} from '../../shared/channels/reply-templates.ts';
import { ApiError, request } from '../api.ts';
import { TextAreaField } from '../fields.tsx';
import { useT } from '../lang.ts';
import { DoneNotice, ErrorNotice } from './ui.tsx';

type Choice = ReplyTemplate | 'own';

export function ReplyToSender(props: { reportId: string }) {
  const t = useT();
  const [choice, setChoice] = useState<Choice>('diterima');
  const [text, setText] = useState('');
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [sent, setSent] = useState(false);
  const name = `reply-${props.reportId}`;

  async function submit(event: Event) {
    event.preventDefault();
    if (isBusy) return;
    setBusy(true);
    setError(undefined);
    setSent(false);
    try {
      await request<ReplyResult>(
        'POST',
        `/api/reports/${props.reportId}/reply`,
        choice === 'own' ? { requestId, text } : { requestId, template: choice },
      );
      setSent(true);
      setText('');
      setRequestId(crypto.randomUUID());
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('network', 0, String(caught)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="op-reply" noValidate onSubmit={submit} aria-labelledby={`${name}-heading`}>
      <h4 id={`${name}-heading`}>{t('reply.heading')}</h4>
      <p class="hint">{t('reply.intro')}</p>
      <fieldset class="op-fieldset">
        <legend>{t('reply.template')}</legend>
        {[...REPLY_TEMPLATE_IDS, 'own' as const].map((id) => (
          <div class="choice" key={id}>
            <input
              type="radio"
              id={`${name}-${id}`}
              name={name}
              value={id}
              checked={choice === id}
              onChange={() => setChoice(id)}
            />
            <label for={`${name}-${id}`}>
              {id === 'own' ? t('reply.own') : t(`reply.template.${id}`)}
              {id !== 'own' && <span class="hint"> — {REPLY_TEMPLATES[id]}</span>}
            </label>
          </div>
        ))}
      </fieldset>
      {choice === 'own' && (
        <TextAreaField
          id={`${name}-text`}
          label={t('reply.text')}
          hint={t('reply.textHint', { max: REPLY_MAX })}
          maxLength={REPLY_MAX}
          rows={3}
          value={text}
          onInput={setText}
        />
      )}
      <ErrorNotice error={error} />
      <DoneNotice message={sent ? t('reply.sent') : undefined} />
      <button type="submit" class="button" disabled={isBusy || (choice === 'own' && text.trim().length < 2)}>
        {isBusy ? t('reply.sending') : t('reply.send')}
      </button>
    </form>
  );
}
