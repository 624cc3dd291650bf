// The outbox: everything a field user makes (reports, their photos, check-ins, check-outs, follow-ups) is
// written to IndexedDB first and sent from there. Sending is safe to repeat: every item carries an id made on
// the device, and the API answers 201 the first time, 200 for the same id and content, 409 for a clash.

import { useEffect, useState } from 'preact/hooks';
import type { FollowUpInput } from '../../shared/cases/case-schema.ts';
import type { ReportInput } from '../../shared/reports/report-schema.ts';
import { ApiError, findMe, reportSessionEnded, request } from '../api.ts';
import { deleteRecords, findRecord, listRecords, putRecords } from './idb.ts';

/** pending: not confirmed by the server yet; sent: confirmed; failed: refused for good (e.g. a clash). */
export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** What a report item keeps to show itself once its body is gone. */
export type ReportSummary = {
  kind: ReportInput['kind'];
  conflictType: ReportInput['conflictType'];
  regionName: string;
  description: string;
  /** The priority the device computed; replaced by the server's once sent. */
  priority: string;
};

type ItemBase = {
  /** The id made on this device; also the id the server stores. */
  id: string;
  /** The user who made it: only their session sends it. */
  ownerId: string;
  ownerName: string;
  createdAt: string;
  status: OutboxStatus;
  attempts: number;
  sentAt?: string;
  /** The server's error code of the last refusal or failure (network, conflict, validation_failed, …). */
  lastError?: string;
};

export type ReportItem = ItemBase & {
  type: 'report';
  summary: ReportSummary;
  /** The request body; dropped once sent. */
  body?: ReportInput;
};

export type PhotoItem = ItemBase & {
  type: 'photo';
  reportId: string;
  /** The downscaled JPEG; dropped once sent. */
  blob?: Blob;
};

export type FollowUpItem = ItemBase & {
  type: 'followUp';
  caseId: string;
  caseTitle: string;
  kind: FollowUpInput['kind'];
  /** The request body; dropped once sent. */
  body?: FollowUpInput;
};

export type OutboxItem = ReportItem | PhotoItem | FollowUpItem;

/** What the outbox shows: its items, whether a send is running, and how the last attempt ended. */
export type OutboxState = {
  items: OutboxItem[];
  isSyncing: boolean;
  /** 'network' when the server could not be reached on the last attempt; 'unauthenticated' when signed out. */
  lastProblem?: string;
  lastAttemptAt?: string;
};

let state: OutboxState = { items: [], isSyncing: false };
const listeners = new Set<(next: OutboxState) => void>();

function setState(patch: Partial<OutboxState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener(state);
}

async function reload(): Promise<void> {
  const items = await listRecords<OutboxItem>('outbox');
  items.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  setState({ items });
}

/** The outbox as it is now; re-renders the component when it changes. */
export function useOutbox(): OutboxState {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(state);
    void reload().catch(() => undefined);
    return () => {
      listeners.delete(setCurrent);
    };
  }, []);
  return current;
}

type Owner = { id: string; displayName: string };
type NewItem =
  | Omit<ReportItem, keyof ItemBase | 'id'>
  | Omit<PhotoItem, keyof ItemBase>
  | Omit<FollowUpItem, keyof ItemBase | 'id'>;

/** Puts items in the outbox in one transaction, in order (a report before its photos). */
export async function addToOutbox(owner: Owner, entries: Array<NewItem & { id: string }>): Promise<void> {
  const base = Date.now();
  const items = entries.map(
    (entry, index) =>
      ({
        ...entry,
        ownerId: owner.id,
        ownerName: owner.displayName,
        // Distinct, increasing times keep the sending order even within one millisecond.
        createdAt: new Date(base + index).toISOString(),
        status: 'pending',
        attempts: 0,
      }) as OutboxItem,
  );
  await putRecords('outbox', items);
  await reload();
}

/** Removes an item the user gave up on (a failed one, or a pending one they no longer want sent). */
export async function removeFromOutbox(id: string): Promise<void> {
  const photos = state.items.filter((item) => item.type === 'photo' && item.reportId === id);
  await deleteRecords('outbox', [id, ...photos.map((photo) => photo.id)]);
  await reload();
}

/** Pending items of `ownerId`, oldest first: the order they are sent in. */
function pendingOf(items: readonly OutboxItem[], ownerId: string): OutboxItem[] {
  return items
    .filter((item) => item.status === 'pending' && item.ownerId === ownerId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Errors worth another try later: the server was not reached, or was busy or broken for now. */
function isTransient(error: ApiError): boolean {
  return (
    error.code === 'network' ||
    error.code === 'csrf_failed' || // a new token comes with the next try
    error.status >= 500 ||
    error.status === 429 ||
    error.status === 0
  );
}

async function send(item: OutboxItem): Promise<Partial<OutboxItem>> {
  switch (item.type) {
    case 'report': {
      if (!item.body) return {};
      const report = await request<{ priority: string }>('POST', '/api/reports', item.body);
      // Keep only what the outbox page shows; the full body (counts, description) leaves the device.
      return { body: undefined, summary: { ...item.summary, priority: report.priority } };
    }
    case 'photo':
      if (item.blob) await request('PUT', `/api/reports/${item.reportId}/photos/${item.id}`, item.blob);
      return { blob: undefined };
    case 'followUp':
      if (item.body) await request('POST', `/api/cases/${item.caseId}/follow-ups`, item.body);
      return { body: undefined };
  }
}

let running: Promise<void> | undefined;

/**
 * Sends the pending items of the signed-in user, oldest first, and stops at the first sign that the server is
 * out of reach. A 401 leaves everything queued (the app asks for sign-in; sending resumes after it).
 * Concurrent calls share one run.
 */
export function syncOutbox(ownerId: string): Promise<void> {
  running ??= runSync(ownerId).finally(() => {
    running = undefined;
  });
  return running;
}

async function runSync(ownerId: string): Promise<void> {
  const items = await listRecords<OutboxItem>('outbox');
  if (pendingOf(items, ownerId).length === 0) {
    await reload();
    return;
  }
  setState({ isSyncing: true, lastAttemptAt: new Date().toISOString() });
  let problem: string | undefined;
  try {
    // Also refreshes the CSRF token, which an app opened offline does not have yet.
    const me = await findMe();
    if (!me) {
      problem = 'unauthenticated';
      reportSessionEnded();
      return;
    }
    if (me.id !== ownerId) return;
    for (const item of pendingOf(await listRecords<OutboxItem>('outbox'), ownerId)) {
      if (item.type === 'photo') {
        const report = await findRecord<OutboxItem>('outbox', item.reportId);
        if (report && report.status !== 'sent') continue; // its report goes first
      }
      const attempts = item.attempts + 1;
      try {
        const changes = await send(item);
        await putRecords('outbox', [
          {
            ...item,
            ...changes,
            status: 'sent',
            attempts,
            sentAt: new Date().toISOString(),
            lastError: undefined,
          },
        ]);
      } catch (error) {
        const apiError = error instanceof ApiError ? error : new ApiError('internal', 0, String(error));
        if (apiError.code === 'unauthenticated' || isTransient(apiError)) {
          await putRecords('outbox', [{ ...item, attempts, lastError: apiError.code }]);
          problem = apiError.code;
          return; // the rest waits for the next try
        }
        // Refused for good: a clash (409) or content the server will never accept. The user sees why.
        await putRecords('outbox', [{ ...item, attempts, status: 'failed', lastError: apiError.code }]);
      }
    }
  } catch (error) {
    problem = error instanceof ApiError ? error.code : 'internal';
  } finally {
    setState({ isSyncing: false, lastProblem: problem });
    await reload();
  }
}

/**
 * Sends now, and again whenever sending may work: the `online` event, the app coming back to the screen,
 * and every 30 seconds while something waits (mobile browsers do not always fire `online`).
 * Returns a function that stops it (on sign-out).
 */
export function startOutboxSync(ownerId: string): () => void {
  const run = () => void syncOutbox(ownerId).catch(() => undefined);
  const onVisible = () => {
    if (document.visibilityState === 'visible') run();
  };
  run();
  window.addEventListener('online', run);
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(() => {
    if (pendingOf(state.items, ownerId).length > 0) run();
  }, 30_000);
  return () => {
    window.removeEventListener('online', run);
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
  };
}

/** The number of items of `ownerId` still waiting to be sent. */
export function countPending(items: readonly OutboxItem[], ownerId: string): number {
  return pendingOf(items, ownerId).length;
}

/**
 * Forgets what was sent, keeping what was not: pending and failed items are the user's unsent work (counts,
 * never names). Runs at sign-out, and at sign-in for the sent items of anyone else on this phone.
 */
export async function forgetSentItems(keepOwnerId?: string): Promise<void> {
  const items = await listRecords<OutboxItem>('outbox');
  const sent = items.filter((item) => item.status === 'sent' && item.ownerId !== keepOwnerId);
  await deleteRecords(
    'outbox',
    sent.map((item) => item.id),
  );
  await reload();
}
