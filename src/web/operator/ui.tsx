// Small pieces the operator pages share: loading data, ticking clocks, deadlines, badges and errors.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  errorMessage,
  formatDateTimeWIB,
  formatNumber,
  type Lang,
  type MessageKey,
} from '../../shared/i18n.ts';
import { ApiError } from '../api.ts';
import { newClientId } from '../client-id.ts';
import { useLang, useT } from '../lang.ts';
import './operator.css';

export { DataTable } from '../ui/DataTable.tsx';
export { useHeading } from './heading.ts';

/** The state of data loaded from the server. */
export type Loaded<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  isLoading: boolean;
  /** Loads again; the current data stays on screen meanwhile (no flicker on live updates). */
  reload: () => void;
};

/** Loads `load()` when `deps` change; a newer load wins over an older one still on its way. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; isLoading: boolean }>({ isLoading: true });
  const generation = useRef(0);
  const latest = useRef(load);
  latest.current = load;

  function run() {
    const mine = ++generation.current;
    setState((previous) => ({ ...previous, isLoading: true }));
    latest
      .current()
      .then((data) => {
        if (mine === generation.current) setState({ data, isLoading: false });
      })
      .catch((error: unknown) => {
        if (mine === generation.current)
          setState((previous) => ({ ...previous, error: toApiError(error), isLoading: false }));
      });
  }

  // The caller names what the load depends on.
  useEffect(run, deps);
  return { data: state.data, error: state.error, isLoading: state.isLoading, reload: run };
}

/**
 * A record loaded when `deps` change and kept as the page's own actions change it. `act` runs an action that
 * answers with the changed record: on success the record is shown, `done` says `message` and `onChanged` runs.
 */
export function useRecord<T>(load: () => Promise<T>, deps: readonly unknown[], onChanged?: () => void) {
  const loaded = useLoad(load, deps);
  const [record, setRecord] = useState<T | undefined>();
  const [done, setDone] = useState('');
  const action = useAction();

  useEffect(() => {
    if (loaded.data) setRecord(loaded.data);
  }, [loaded.data]);

  async function act(perform: () => Promise<T>, message: string): Promise<boolean> {
    const ok = await action.run(async () => setRecord(await perform()));
    if (ok) {
      setDone(message);
      onChanged?.();
    }
    return ok;
  }

  return { loaded, record, setRecord, action, done, act };
}

/** Any failure as an ApiError, so every message comes from the one error table. */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('internal', 0, String(error));
}

/** The current time, refreshed every `everyMs` (deadlines count down on screen). */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** A page's own words for some error codes (e.g. a version conflict), each in place of the general message. */
export type ErrorWords = Readonly<Record<string, MessageKey>>;

/**
 * A server error in the user's language, announced to screen readers. A code in `words` reads the page's own
 * message instead, with the server's detail beside it only when `showsDetail` (the module's words are general).
 */
export function ErrorNotice(props: {
  error: ApiError | undefined;
  words?: ErrorWords;
  showsDetail?: boolean;
}) {
  const lang = useLang();
  const t = useT();
  const error = props.error;
  if (!error) return null;
  const key = props.words?.[error.code];
  if (key)
    return (
      <p class="message message-error" role="alert">
        {t(key)}
        {props.showsDetail && (
          <>
            {' '}
            <span class="op-error-detail">({error.message})</span>
          </>
        )}
      </p>
    );
  return (
    <p class="message message-error" role="alert">
      {errorMessage(lang, error.code, error.details)}
      {error.code !== 'network' && error.message && !/^HTTP /.test(error.message) && (
        <span class="op-error-detail"> ({error.message})</span>
      )}
    </p>
  );
}

/** "Memuat…" while data is on its way, announced politely. */
export function Loading() {
  const t = useT();
  return <p role="status">{t('common.loading')}</p>;
}

/**
 * What stands in for a record that is not here yet: the failure once its load failed (in `Error`, a module's own
 * error component), else "Memuat…".
 */
export function StandIn(props: {
  error: ApiError | undefined;
  Error?: (props: { error: ApiError | undefined }) => ComponentChildren;
}) {
  const Failure = props.Error ?? ErrorNotice;
  return props.error ? <Failure error={props.error} /> : <Loading />;
}

/** The line that says an action succeeded: always present (hidden while empty), so each new message is announced. */
export function DoneNotice(props: { message: string | undefined }) {
  return (
    <p role="status" class={props.message ? 'message message-success' : 'visually-hidden'}>
      {props.message}
    </p>
  );
}

/** What came of an action: the announced line of its success (`done`), then its failure in words. */
export function ActionOutcome(props: { done: string | undefined; error: ApiError | undefined }) {
  return (
    <>
      <DoneNotice message={props.done} />
      <ErrorNotice error={props.error} />
    </>
  );
}

/** A neutral notice (something is unavailable, but the page still works). */
export function Notice(props: { children: ComponentChildren }) {
  return (
    <p class="op-notice" role="status">
      {props.children}
    </p>
  );
}

/** "2 hari 3 jam", "45 menit": the two largest units of a length of time. */
export function formatDuration(
  ms: number,
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(t('op.duration.days', { n: days }));
  if (hours > 0) parts.push(t('op.duration.hours', { n: hours }));
  if (days === 0 && rest > 0) parts.push(t('op.duration.minutes', { n: rest }));
  return parts.slice(0, 2).join(' ');
}

/** A moment in WIB in the user's language. */
export function wib(value: string | Date, lang: Lang): string {
  return formatDateTimeWIB(value, lang);
}

/** An entry of a timeline (`<ol class="op-timeline">`): when, what happened, who did it when known, and more below. */
export function TimelineEntry(props: {
  at: string;
  who?: string | null;
  children: ComponentChildren;
  below?: ComponentChildren;
}) {
  const lang = useLang();
  return (
    <li>
      <time dateTime={props.at}>{wib(props.at, lang)}</time>
      <span class="op-timeline-what">{props.children}</span>
      {props.who && <span class="op-timeline-who">{props.who}</span>}
      {props.below}
    </li>
  );
}

/** A number in the user's language. */
export function num(value: number, lang: Lang): string {
  return formatNumber(value, lang);
}

/**
 * A deadline: when it is, and how long is left or how late it is; met deadlines say when they were met.
 * Late ones are marked in words as well as colour.
 */
export function Due(props: { label: string; dueAt: string; metAt?: string | null; now: Date }) {
  const lang = useLang();
  const t = useT();
  const due = new Date(props.dueAt);
  let state: 'met' | 'metLate' | 'late' | 'soon' | 'open';
  let detail: string;
  if (props.metAt) {
    const isLate = new Date(props.metAt).getTime() > due.getTime();
    state = isLate ? 'metLate' : 'met';
    detail = t(isLate ? 'op.due.metLate' : 'op.due.met', { when: wib(props.metAt, lang) });
  } else {
    const left = due.getTime() - props.now.getTime();
    state = left < 0 ? 'late' : left < 60 * 60_000 ? 'soon' : 'open';
    detail = t(left < 0 ? 'op.due.late' : 'op.due.left', { time: formatDuration(left, t) });
  }
  return (
    <p class={`op-due op-due-${state}`}>
      <span class="op-due-label">{props.label}:</span>{' '}
      <time dateTime={props.dueAt}>{wib(props.dueAt, lang)}</time> <strong>{detail}</strong>
    </p>
  );
}

/** The deadline to acknowledge a report or an alert, met when it was acknowledged. */
export function AckDue(props: {
  label: string;
  record: { dueAcknowledgeAt: string; acknowledgedAt?: string | null };
  now: Date;
}) {
  return (
    <Due
      label={props.label}
      dueAt={props.record.dueAcknowledgeAt}
      metAt={props.record.acknowledgedAt}
      now={props.now}
    />
  );
}

/** The priority in text as well as colour: "P1 · sangat mendesak". */
export function PriorityTag(props: { priority: string }) {
  const t = useT();
  const key = `field.priority.${props.priority}` as MessageKey;
  return (
    <span class={`op-priority op-priority-${props.priority.toLowerCase()}`}>
      {props.priority}
      <span class="op-priority-words"> · {t(key)}</span>
    </span>
  );
}

/** A small labelled tag: phase, status, level. */
export function Tag(props: {
  tone?: 'brand' | 'warn' | 'danger' | 'ok' | 'muted';
  children: ComponentChildren;
}) {
  return <span class={`op-tag op-tag-${props.tone ?? 'brand'}`}>{props.children}</span>;
}

/** Whether an account or a partner agency is in use: "aktif" or "nonaktif", as a tag. */
export function ActiveTag(props: { isActive: boolean }) {
  const t = useT();
  return (
    <Tag tone={props.isActive ? 'ok' : 'muted'}>
      {t(props.isActive ? 'op.users.active' : 'op.users.inactive')}
    </Tag>
  );
}

/** Runs an action with a busy flag and its error; resolves to whether it succeeded. */
export function useAction(): {
  isBusy: boolean;
  error: ApiError | undefined;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  clear: () => void;
} {
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  return {
    isBusy,
    error,
    clear: () => setError(undefined),
    async run(action) {
      setBusy(true);
      setError(undefined);
      try {
        await action();
        return true;
      } catch (caught) {
        setError(toApiError(caught));
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}

/**
 * The id of one fill of a form that creates a record: every send of the fill carries it, so a double click or a
 * retry after a dropped connection answers the record the first send made; `renew` after the record is made starts
 * the next fill under a new id.
 */
export function useClientId(): { id: string; renew: () => void } {
  const [id, setId] = useState(newClientId);
  return { id, renew: () => setId(newClientId()) };
}

/**
 * A form that sends one request: `submit` keeps the page from reloading, runs `send` as an action (busy, and its
 * refusal in `error`) and hands what it answered to `onDone` when it went through.
 */
export function useFormSend<T>(send: () => Promise<T>, onDone: (result: T) => void) {
  const action = useAction();
  async function submit(event: Event) {
    event.preventDefault();
    let result: T | undefined;
    const ok = await action.run(async () => {
      result = await send();
    });
    if (ok) onDone(result as T);
  }
  return { ...action, submit };
}

/** A form's submit button: primary, or secondary for a small form inside a page; off while `disabled`. */
export function SubmitButton(props: { label: string; disabled: boolean; isSecondary?: boolean }) {
  return (
    <button
      type="submit"
      class={`button ${props.isSecondary ? 'op-button-secondary' : 'button-primary'}`}
      disabled={props.disabled}
    >
      {props.label}
    </button>
  );
}

/**
 * A form's buttons: the submit (primary, or secondary for a small form inside a page) and, when the form can be
 * closed, a cancel. The submit is off while `disabled` (busy, or the form not yet complete).
 */
export function FormSubmit(props: {
  label: string;
  disabled: boolean;
  isSecondary?: boolean;
  onCancel?: () => void;
}) {
  const t = useT();
  return (
    <div class="op-form-submit">
      <SubmitButton label={props.label} disabled={props.disabled} isSecondary={props.isSecondary} />
      {props.onCancel && (
        <button type="button" class="button op-button-secondary" onClick={props.onCancel}>
          {t('op.common.cancel')}
        </button>
      )}
    </div>
  );
}

/** The datetime-local value `hours` from now, in WIB. */
export function wibInputIn(hours: number, from = new Date()): string {
  const shifted = new Date(from.getTime() + hours * 3_600_000 + 7 * 3_600_000);
  return shifted.toISOString().slice(0, 16);
}

/** Today's WIB date shifted by `days` ("2026-08-22"). */
export function wibDay(days = 0, from = new Date()): string {
  return new Date(from.getTime() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
