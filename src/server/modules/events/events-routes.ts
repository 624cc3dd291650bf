import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../platform/errors.ts';
import type { EventBus, SigapEvent } from '../../platform/events.ts';
import { requirePrincipal } from '../../platform/http.ts';

/** A comment line this often keeps proxies and phones' networks from closing an idle stream. */
export const HEARTBEAT_MS = 25_000;

/** A client this far behind (a stalled phone) is dropped; its EventSource reconnects and catches up by fetching. */
const MAX_BUFFERED_BYTES = 1_000_000;

/** One event in the text/event-stream format; JSON never contains a raw newline, so `data:` is one line. */
export function formatEvent(event: SigapEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** GET /api/events: the live events the signed-in user may see, as server-sent events. */
export async function eventsRoutes(app: FastifyInstance, deps: { events?: EventBus }): Promise<void> {
  const { events } = deps;
  const openStreams = new Set<() => void>();
  // Open streams never go idle: end them when the server closes, or close() would wait for the clients.
  app.addHook('preClose', async () => {
    for (const end of openStreams) end();
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
      const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
      openStreams.add(end);
      raw.on('close', end);
    },
  );
}
