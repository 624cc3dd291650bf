import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { SIGAP_VERSION } from '../../platform/version.ts';

const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgresql']),
  version: z.string(),
});

/** GET /api/health: answers while the database answers. */
export async function healthRoutes(app: FastifyInstance, deps: { db: Database }): Promise<void> {
  const { db } = deps;
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/api/health',
      { schema: { tags: ['platform'], summary: 'Kesehatan layanan / health', response: { 200: Health } } },
      async () => {
        await db
          .asSystem((tx) => tx.query('SELECT 1'))
          .catch(() => {
            throw new DomainError('unavailable', 'Basis data tidak menjawab');
          });
        return { status: 'ok' as const, database: db.kind, version: SIGAP_VERSION };
      },
    );
}
