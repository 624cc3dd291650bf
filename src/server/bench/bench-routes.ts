import type { FastifyInstance } from 'fastify';
import { kabkotaOf, kecamatanOf } from '../../shared/regions.ts';
import type { Vulnerable } from '../../shared/reports/report-schema.ts';
import { insertReport } from '../modules/reports/reports-store.ts';
import { listUsers } from '../modules/users/users-store.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db.ts';

/** The report body as intake takes it; here read as is, unchecked. */
type BaselineBody = {
  id: string;
  kind: string;
  conflictType: string;
  triggers?: string[];
  groupsInvolved?: string;
  regionCode: string;
  latitude?: number | null;
  longitude?: number | null;
  occurredAt: string;
  violenceOngoing?: boolean;
  description: string;
  involved?: number;
  injured?: number;
  dead?: number;
  displaced?: number;
  housesDamaged?: number;
  vulnerable?: Vulnerable;
  needs?: string[];
  channel?: string;
};

/**
 * Bench mode only (SIGAP_BENCH=true): the floor report intake is measured against. Takes the body of
 * POST /api/reports and writes the row with the same INSERT, skipping everything intake adds around it:
 * authentication, validation, the region check, triage, deadlines, audit, events and notifications.
 */
export async function benchRoutes(app: FastifyInstance, deps: { db: Database; clock: Clock }): Promise<void> {
  const { db, clock } = deps;
  let reporterId: string | undefined;
  app.post('/api/bench/baseline-report', { schema: { hide: true } }, async (request, reply) => {
    const body = request.body as BaselineBody;
    // Any user will do as the reporter: the column must point at one.
    reporterId ??= (await db.asSystem((tx) => listUsers(tx)))[0]?.id;
    const now = clock.now();
    await db.asSystem((tx) =>
      insertReport(tx, {
        id: body.id,
        kind: body.kind,
        conflictType: body.conflictType,
        triggers: body.triggers ?? [],
        groupsInvolved: body.groupsInvolved ?? '',
        regionCode: body.regionCode,
        kabkotaCode: kabkotaOf(body.regionCode) ?? body.regionCode,
        kecamatanCode: kecamatanOf(body.regionCode) ?? null,
        latitude: body.latitude ?? null,
        longitude: body.longitude ?? null,
        occurredAt: body.occurredAt,
        violenceOngoing: body.violenceOngoing ?? false,
        description: body.description,
        involved: body.involved ?? 0,
        injured: body.injured ?? 0,
        dead: body.dead ?? 0,
        displaced: body.displaced ?? 0,
        housesDamaged: body.housesDamaged ?? 0,
        vulnerable: body.vulnerable ?? {},
        hasVulnerable: false,
        needs: body.needs ?? [],
        channel: body.channel ?? 'api',
        priority: 'P3',
        priorityRank: 3,
        priorityReasons: [],
        contentHash: '',
        reporterId: reporterId as string,
        createdAt: now,
      }),
    );
    return reply.status(201).send({ id: body.id });
  });
}
