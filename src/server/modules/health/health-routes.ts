import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { pendingMigrations } from '../../platform/migrate.ts';
import { routeTable } from '../../platform/routes.ts';
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
  const on = routeTable(app, ['platform']);
  on.get('/api/health', { summary: 'Kesehatan layanan / health', reply: Health }, async () => {
    const migrations = await migrationState(db).catch(() => {
      throw new DomainError('unavailable', 'Basis data tidak menjawab / the database does not answer');
    });
    return { status: 'ok' as const, database: db.kind, version: SIGAP_VERSION, migrations };
  });
  on.get('/api/health/live', { summary: 'Proses hidup / liveness', reply: Live }, () => ({
    status: 'ok' as const,
    version: SIGAP_VERSION,
  }));
  on.get(
    '/api/health/ready',
    { summary: 'Siap melayani / readiness', reply: Ready, otherReplies: { 503: Ready } },
    async ({ reply }) => {
      const database = db.kind;
      const migrations = await migrationState(db).catch(() => undefined);
      if (migrations?.current) return { status: 'ready' as const, database, migrations };
      reply.code(503);
      return migrations
        ? { status: 'not_ready' as const, database, migrations, reason: 'migrations_pending' as const }
        : { status: 'not_ready' as const, database, reason: 'database_unreachable' as const };
    },
  );
}
