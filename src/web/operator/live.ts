// Live updates from GET /api/events (server-sent events). The browser reconnects by itself after a network
// drop; when the server refuses the stream (e.g. a restart answers 503), this reopens it with a growing pause.
import { useEffect, useRef, useState } from 'preact/hooks';

/** One live event as the server sends it: ids and a few display fields, never personal data. */
export type LiveEvent = {
  id: string;
  type: string;
  subject: { type: string; id: string };
  summary?: Record<string, string | number | boolean | null>;
  at: string;
};

/** Whether live updates arrive now. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

const MAX_PAUSE_MS = 60_000;

/**
 * Calls `onEvent` for each event of `types` while the component is shown, and `onResume` after a broken
 * stream is back (events sent meanwhile are lost: the page reloads its data instead).
 */
export function useLiveEvents(
  types: readonly string[],
  onEvent: (event: LiveEvent) => void,
  onResume?: () => void,
): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handlers = useRef({ onEvent, onResume });
  handlers.current = { onEvent, onResume };
  const typeList = types.join(',');

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pause = 2_000;
    let hasBroken = false;
    let isClosed = false;

    const listener = (message: MessageEvent<string>) => {
      try {
        handlers.current.onEvent(JSON.parse(message.data) as LiveEvent);
      } catch {
        // A malformed event is skipped; the next reload shows the truth anyway.
      }
    };

    const open = () => {
      source = new EventSource('/api/events');
      source.onopen = () => {
        pause = 2_000;
        setStatus('live');
        if (hasBroken) handlers.current.onResume?.();
        hasBroken = false;
      };
      source.onerror = () => {
        hasBroken = true;
        setStatus('reconnecting');
        if (source?.readyState === EventSource.CLOSED && !isClosed) {
          timer = setTimeout(open, pause);
          pause = Math.min(pause * 2, MAX_PAUSE_MS);
        }
      };
      for (const type of typeList.split(',')) source.addEventListener(type, listener as EventListener);
    };
    open();
    return () => {
      isClosed = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [typeList]);

  return status;
}

/**
 * `run`, called once `ms` after the last of several calls that come close together (live events often arrive
 * in a burst: the page then reloads once). A pending call is dropped when the component goes.
 */
export function useCoalesced(run: () => void, ms = 250): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => () => clearTimeout(timer.current), []);
  return () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), ms);
  };
}
