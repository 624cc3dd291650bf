import { errorMessage, formatDateTimeWIB, formatNumber } from '../../shared/i18n.ts';
import type { SignedInUser } from '../api.ts';
import { useLang, useT } from '../lang.ts';
import { ActionButton } from '../ui/ActionButton.tsx';
import { countPending, type OutboxItem, removeFromOutbox, syncOutbox, useOutbox } from './outbox.ts';
import { PriorityBadge } from './PriorityBadge.tsx';

/** Kotak keluar: what waits on this phone to be sent, what was refused and why, and what was sent. */
export function OutboxPage(props: { me: SignedInUser }) {
  const lang = useLang();
  const t = useT();
  const outbox = useOutbox();
  const pending = countPending(outbox.items, props.me.id);
  const groups: Array<{
    status: OutboxItem['status'];
    heading: 'field.outbox.pending' | 'field.outbox.failed' | 'field.outbox.sent';
  }> = [
    { status: 'pending', heading: 'field.outbox.pending' },
    { status: 'failed', heading: 'field.outbox.failed' },
    { status: 'sent', heading: 'field.outbox.sent' },
  ];

  return (
    <>
      <p class="hint">{t('field.outbox.intro')}</p>
      <div role="status" class="outbox-summary">
        <p>
          {outbox.isSyncing
            ? t('field.outbox.syncing')
            : pending === 0
              ? t('field.outbox.nothingPending')
              : t('field.outbox.pendingCount', { count: formatNumber(pending, lang) })}
        </p>
        {!outbox.isSyncing && pending > 0 && outbox.lastProblem && (
          <p class="hint">
            {outbox.lastProblem === 'unauthenticated'
              ? t('field.outbox.signInToSend')
              : t('field.outbox.willRetry', { reason: errorMessage(lang, outbox.lastProblem) })}
          </p>
        )}
      </div>
      {pending > 0 && (
        <ActionButton
          label={t('field.outbox.sendNow')}
          isBusy={outbox.isSyncing}
          onClick={() => void syncOutbox(props.me.id).catch(() => undefined)}
        />
      )}
      {groups.map(({ status, heading }) => {
        const items = outbox.items.filter((item) => item.status === status);
        if (items.length === 0) return null;
        return (
          <section key={status} aria-labelledby={`outbox-${status}`}>
            <h2 id={`outbox-${status}`}>
              {t(heading)} ({formatNumber(items.length, lang)})
            </h2>
            <ul class="card-list">
              {items.map((item) => (
                <OutboxCard key={item.id} item={item} me={props.me} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function OutboxCard(props: { item: OutboxItem; me: SignedInUser }) {
  const lang = useLang();
  const t = useT();
  const { item } = props;
  const title =
    item.type === 'report'
      ? `${t(`field.kind.${item.summary.kind}`)} · ${t(`field.conflictType.${item.summary.conflictType}`)}`
      : item.type === 'photo'
        ? t('field.outbox.photo')
        : `${t(`field.followUp.${item.kind}`)} · ${item.caseTitle}`;
  const isOthers = item.ownerId !== props.me.id;
  return (
    <li class={`card card-${item.status}`}>
      <p class="card-title">
        <strong>{title}</strong>
        {item.type === 'report' && <PriorityBadge priority={item.summary.priority} />}
      </p>
      {item.type === 'report' && (
        <p class="card-meta">
          {item.summary.regionName} — {item.summary.description}
        </p>
      )}
      <p class="card-meta">
        <span class={`status-chip status-${item.status}`}>{t(`field.outbox.status.${item.status}`)}</span>{' '}
        {t('field.outbox.madeAt', { time: formatDateTimeWIB(item.createdAt, lang) })}
        {item.sentAt && ` · ${t('field.outbox.sentAt', { time: formatDateTimeWIB(item.sentAt, lang) })}`}
      </p>
      {isOthers && <p class="hint">{t('field.outbox.othersItem', { name: item.ownerName })}</p>}
      {item.status === 'failed' && (
        <>
          <p class="message message-error">
            {item.lastError === 'conflict'
              ? t('field.outbox.clash')
              : errorMessage(lang, item.lastError ?? 'internal')}
          </p>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => void removeFromOutbox(item.id)}
          >
            {t('field.outbox.remove')}
          </button>
        </>
      )}
    </li>
  );
}
