import { useEffect, useState } from 'preact/hooks';
import type { CaseView, FollowUpInput } from '../../shared/cases/case-schema.ts';
import { CASE_TEXT } from '../../shared/cases/text-lengths.ts';
import { errorMessage, formatDateTimeWIB, type MessageKey } from '../../shared/i18n.ts';
import { isInEastJava } from '../../shared/reports/report-vocabulary.ts';
import { isTooShort, lengthAttributes } from '../../shared/text-length.ts';
import { toWibIso } from '../../shared/time.ts';
import { ApiError, request, type SignedInUser } from '../api.ts';
import { newClientId } from '../client-id.ts';
import { TextAreaField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { ActionButton } from '../ui/ActionButton.tsx';
import { ToggleButton } from '../ui/ListView.tsx';
import { readPosition } from './GpsControl.tsx';
import { findRecord, putRecords } from './idb.ts';
import { addToOutbox, type OutboxItem, syncOutbox, useOutbox } from './outbox.ts';
import { PriorityBadge } from './PriorityBadge.tsx';

/**
 * A case assigned to the user, as this page keeps it on the phone: no summary, no people — only what is
 * needed to find the place and check in. The copy is removed at sign-out.
 */
type Task = Pick<
  CaseView,
  'id' | 'title' | 'regionName' | 'phase' | 'priority' | 'hasVulnerable' | 'dueResponseAt'
> & { task: string; dueAt: string | null };

type TaskList = { items: Task[]; fetchedAt: string; isCopy: boolean };

type Assignment = { userId: string; task: string; status: string; dueAt: string | null };

const copyKey = (userId: string) => `tasks:${userId}`;

async function fetchTasks(me: SignedInUser): Promise<Task[]> {
  const { items } = await request<{ items: CaseView[] }>('GET', '/api/cases?mine=true');
  return Promise.all(
    items.map(async (item) => {
      const { items: assignments } = await request<{ items: Assignment[] }>(
        'GET',
        `/api/cases/${item.id}/assignments`,
      ).catch(() => ({ items: [] as Assignment[] }));
      const mine = assignments.find((a) => a.userId === me.id && a.status === 'ditugaskan');
      return {
        id: item.id,
        title: item.title,
        regionName: item.regionName,
        phase: item.phase,
        priority: item.priority,
        hasVulnerable: item.hasVulnerable,
        dueResponseAt: item.dueResponseAt,
        task: mine?.task ?? '',
        dueAt: mine?.dueAt ?? null,
      };
    }),
  );
}

/** Tugas saya: the cases the user is assigned to, with check in, check out and follow-ups through the outbox. */
export function TasksPage(props: { me: SignedInUser }) {
  const lang = useLang();
  const t = useT();
  const [list, setList] = useState<TaskList | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  async function load() {
    setProblem(undefined);
    try {
      const items = await fetchTasks(props.me);
      const fetchedAt = new Date().toISOString();
      setList({ items, fetchedAt, isCopy: false });
      await putRecords('meta', [{ key: copyKey(props.me.id), items, fetchedAt }]).catch(() => undefined);
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'internal';
      const copy = await findRecord<{ items: Task[]; fetchedAt: string }>('meta', copyKey(props.me.id)).catch(
        () => undefined,
      );
      if (copy) setList({ items: copy.items, fetchedAt: copy.fetchedAt, isCopy: true });
      setProblem(code);
    }
  }

  useEffect(() => {
    void load();
  }, [props.me.id]);

  return (
    <>
      <div role="status" class="alert-region">
        {!list && !problem && <p class="loading">{t('common.loading')}</p>}
        {list?.isCopy && (
          <p class="message message-pending">
            {t('field.tasks.copy', { time: formatDateTimeWIB(list.fetchedAt, lang) })}
          </p>
        )}
      </div>
      <div role="alert" class="alert-region">
        {problem && !list && <p class="message message-error">{errorMessage(lang, problem)}</p>}
      </div>
      {problem && (
        <button type="button" class="button button-secondary" onClick={() => void load()}>
          {t('common.retry')}
        </button>
      )}
      {list && list.items.length === 0 && <p>{t('field.tasks.none')}</p>}
      {list && list.items.length > 0 && (
        <ul class="card-list">
          {list.items.map((task) => (
            <TaskCard key={task.id} task={task} me={props.me} />
          ))}
        </ul>
      )}
    </>
  );
}

const KIND_ACTION: Record<FollowUpInput['kind'], MessageKey> = {
  check_in: 'field.followUp.checkInAction',
  check_out: 'field.followUp.checkOutAction',
  tindak_lanjut: 'field.followUp.tindak_lanjut',
};

function TaskCard(props: { task: Task; me: SignedInUser }) {
  const lang = useLang();
  const t = useT();
  const { task } = props;
  const outbox = useOutbox();
  const [isWriting, setWriting] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<FollowUpInput['kind'] | undefined>();
  const [noteProblem, setNoteProblem] = useState(false);
  const mine = outbox.items.filter(
    (item): item is Extract<OutboxItem, { type: 'followUp' }> =>
      item.type === 'followUp' && item.caseId === task.id && item.ownerId === props.me.id,
  );
  const isClosed = task.phase === 'selesai';
  const headingId = `task-${task.id}`;

  async function record(kind: FollowUpInput['kind'], action: string) {
    setBusy(kind);
    // Check-ins carry the phone's position when it comes quickly; without it they still go.
    const position =
      kind === 'tindak_lanjut' ? undefined : await readPosition({ timeoutMs: 8000 }).catch(() => undefined);
    const id = newClientId();
    const body: FollowUpInput = {
      id,
      kind,
      action,
      occurredAt: toWibIso(new Date()),
      ...(position && isInEastJava(position)
        ? { latitude: position.latitude, longitude: position.longitude }
        : {}),
    };
    await addToOutbox(props.me, [
      { type: 'followUp', id, caseId: task.id, caseTitle: task.title, kind, body },
    ]);
    setBusy(undefined);
    await syncOutbox(props.me.id).catch(() => undefined);
  }

  async function sendNote(event: Event) {
    event.preventDefault();
    if (isTooShort(note, CASE_TEXT.followUpAction)) {
      setNoteProblem(true);
      document.getElementById(`note-${task.id}`)?.focus();
      return;
    }
    setNoteProblem(false);
    await record('tindak_lanjut', note.trim());
    setNote('');
    setWriting(false);
  }

  return (
    <li class="card">
      <h2 id={headingId} class="card-heading">
        {task.title} <PriorityBadge priority={task.priority} />
      </h2>
      <p class="card-meta">
        {task.regionName} · {t(`field.phase.${task.phase}`)}
        {task.hasVulnerable && ` · ${t('field.tasks.vulnerable')}`}
      </p>
      {task.task && <p>{task.task}</p>}
      <p class="card-meta">
        {t('field.tasks.due', { time: formatDateTimeWIB(task.dueAt ?? task.dueResponseAt, lang) })}
      </p>
      {mine.length > 0 && (
        <ul class="task-log" aria-label={t('field.tasks.log')}>
          {mine.map((item) => (
            <li key={item.id}>
              <span class={`status-chip status-${item.status}`}>
                {t(`field.outbox.status.${item.status}`)}
              </span>{' '}
              {t(`field.followUp.${item.kind}`)} · {formatDateTimeWIB(item.createdAt, lang)}
            </li>
          ))}
        </ul>
      )}
      {!isClosed && (
        <div class="actions">
          {(['check_in', 'check_out'] as const).map((kind) => (
            <ActionButton
              key={kind}
              label={t(`field.followUp.${kind}`)}
              busyLabel={busy === kind ? t('field.gps.locating') : undefined}
              isBusy={busy !== undefined}
              onClick={() => void record(kind, t(KIND_ACTION[kind]))}
              class={kind === 'check_in' ? 'button button-primary' : 'button button-secondary'}
            />
          ))}
          <ToggleButton
            class="button button-secondary"
            label={t('field.followUp.add')}
            isOpen={isWriting}
            controls={`note-form-${task.id}`}
            onToggle={() => setWriting(!isWriting)}
          />
        </div>
      )}
      <div id={`note-form-${task.id}`}>
        {isWriting && (
          <form noValidate onSubmit={sendNote} class="note-form">
            <TextAreaField
              id={`note-${task.id}`}
              label={t('field.followUp.note')}
              error={
                noteProblem
                  ? t('field.followUp.noteTooShort', { min: CASE_TEXT.followUpAction.min })
                  : undefined
              }
              rows={3}
              {...lengthAttributes(CASE_TEXT.followUpAction)}
              value={note}
              onInput={setNote}
            />
            <button type="submit" class="button button-primary" disabled={busy !== undefined}>
              {t('field.followUp.send')}
            </button>
          </form>
        )}
      </div>
    </li>
  );
}
