import type { FastifyInstance } from 'fastify';
import type { Config } from '../../platform/config.ts';
import type { ActorContext, Database } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import type { EventBus, SigapEvent } from '../../platform/events.ts';
import { requirePrincipal } from '../../platform/http.ts';
import { onPrincipalsChanged } from '../../platform/principals.ts';
import { type Credential, isCredentialLive } from '../auth/auth-service.ts';

/** A comment line this often keeps proxies and phones' networks from closing an idle stream. */
export const HEARTBEAT_MS = 25_000;

/** A client this far behind (a stalled phone) is dropped; its EventSource reconnects and catches up by fetching. */
const MAX_BUFFERED_BYTES = 1_000_000;

/** A user may hold this many streams at once (per server instance): a browser tab or two on a few devices. */
export const MAX_STREAMS_PER_USER = 5;

/** One event in the text/event-stream format; JSON never contains a raw newline, so `data:` is one line. */
export function formatEvent(event: SigapEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** GET /api/events: the live events the signed-in user may see, as server-sent events. */
export async function eventsRoutes(
  app: FastifyInstance,
  deps: { events?: EventBus; db: Database; config: Config },
): Promise<void> {
  const { events, db, config } = deps;
  type Stream = { userId: string; actor: ActorContext; credential: Credential };
  const openStreams = new Map<() => void, Stream>();

  /**
   * Ends the stream when what it signed in with no longer works (signed out, revoked, deactivated …) or no longer
   * signs in the same actor (a scope changed): its EventSource reconnects as the actor is now.
   */
  const recheck = async (end: () => void, stream: Stream) => {
    try {
      if (!(await isCredentialLive(db, config, stream.credential, stream.actor))) end();
    } catch (error) {
      app.log.warn({ err: error }, "events: could not check a stream's session; will try again");
    }
  };
  let checking: Promise<void> | null = null;
  let checkAgain = false;
  const recheckAll = async () => {
    if (checking) {
      checkAgain = true;
      return;
    }
    do {
      checkAgain = false;
      checking = Promise.all([...openStreams].map(([end, stream]) => recheck(end, stream))).then(() => {});
      await checking;
      checking = null;
    } while (checkAgain);
  };
  // A change to anyone's sessions or tokens, committed on any instance: check every open stream at once.
  const stopListening = onPrincipalsChanged(() => void recheckAll());
  // Open streams never go idle: end them when the server closes, or close() would wait for the clients.
  app.addHook('preClose', async () => {
    stopListening();
    for (const end of openStreams.keys()) end();
  });

  app.get(
    '/api/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Peristiwa langsung / live events (text/event-stream)',
        description:
          'Server-sent events: `event: <type>`, `id: <uuid>`, `data: <SigapEvent JSON>`; ' +
          'only events on records the user may see.',
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      if (!events) throw new DomainError('unavailable', 'Peristiwa langsung tidak tersedia');
      const credential: Credential = request.apiTokenHash
        ? { kind: 'token', tokenHash: request.apiTokenHash }
        : { kind: 'session', tokenHash: request.sessionTokenHash as string };
      const userId = principal.user.id;
      const held = [...openStreams.values()].filter((stream) => stream.userId === userId).length;
      if (held >= MAX_STREAMS_PER_USER) {
        throw new DomainError(
          'too_many_streams',
          `Paling banyak ${MAX_STREAMS_PER_USER} aliran peristiwa langsung per pengguna; tutup tab lain`,
          { max: MAX_STREAMS_PER_USER },
        );
      }

      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no', // nginx: pass each event on at once
        'x-request-id': request.id,
      });
      raw.write(': connected\nretry: 5000\n\n');

      const end = () => {
        if (!openStreams.delete(end)) return;
        clearInterval(heartbeat);
        unsubscribe();
        raw.end();
      };
      const unsubscribe = events.subscribe(principal.actor, (event) => {
        if (raw.writableLength > MAX_BUFFERED_BYTES) return end();
        raw.write(formatEvent(event));
      });
      const stream: Stream = { userId, actor: principal.actor, credential };
      // The heartbeat also checks the session again: one that expired ends its stream within a beat.
      const heartbeat = setInterval(() => {
        raw.write(': heartbeat\n\n');
        void recheck(end, stream);
      }, HEARTBEAT_MS);
      openStreams.set(end, stream);
      raw.on('close', end);
    },
  );
}
