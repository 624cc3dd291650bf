import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { pendingMigrations } from '../../platform/migrate.ts';
import { SIGAP_VERSION } from '../../platform/version.ts';

const Migrations = z.object({
  /** Every migration of this release is applied. */
  current: z.boolean(),
  /** How many of this release's migrations the database lacks. */
  pending: z.number().int(),
});

const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgresql']),
  version: z.string(),
  migrations: Migrations,
});

const Live = z.object({ status: z.literal('ok'), version: z.string() });

const Ready = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['pglite', 'postgresql']),
  /** Absent when the database does not answer. */
  migrations: Migrations.optional(),
  reason: z.enum(['database_unreachable', 'migrations_pending']).optional(),
});

async function migrationState(db: Database): Promise<z.infer<typeof Migrations>> {
  const pending = await pendingMigrations(db);
  return { current: pending.length === 0, pending: pending.length };
}

/**
 * GET /api/health: answers while the database answers, naming its kind and whether migrations are current.
 * GET /api/health/live: the process answers (no database query) — for a supervisor's restart decision.
 * GET /api/health/ready: 200 when the database answers and every migration is applied, else 503 — for a load
 * balancer's routing decision.
 */
export async function healthRoutes(app: FastifyInstance, deps: { db: Database }): Promise<void> {
  const { db } = deps;
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/health',
    { schema: { tags: ['platform'], summary: 'Kesehatan layanan / health', response: { 200: Health } } },
    async () => {
      const migrations = await migrationState(db).catch(() => {
        throw new DomainError('unavailable', 'Basis data tidak menjawab / the database does not answer');
      });
      return { status: 'ok' as const, database: db.kind, version: SIGAP_VERSION, migrations };
    },
  );
  typed.get(
    '/api/health/live',
    { schema: { tags: ['platform'], summary: 'Proses hidup / liveness', response: { 200: Live } } },
    async () => ({ status: 'ok' as const, version: SIGAP_VERSION }),
  );
  typed.get(
    '/api/health/ready',
    {
      schema: {
        tags: ['platform'],
        summary: 'Siap melayani / readiness',
        response: { 200: Ready, 503: Ready },
      },
    },
    async (_request, reply) => {
      let migrations: z.infer<typeof Migrations>;
      try {
        migrations = await migrationState(db);
      } catch {
        return reply
          .code(503)
          .send({ status: 'not_ready' as const, database: db.kind, reason: 'database_unreachable' as const });
      }
      if (!migrations.current) {
        return reply.code(503).send({
          status: 'not_ready' as const,
          database: db.kind,
          migrations,
          reason: 'migrations_pending' as const,
        });
      }
      return { status: 'ready' as const, database: db.kind, migrations };
    },
  );
}
