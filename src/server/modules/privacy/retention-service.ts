// The retention job (UU 27/2022 Pasal 43 ayat 1 huruf a, Pasal 44): personal data whose retention period has passed
// is anonymised by the data map — people and reports of cases closed long ago, citizen reporters' messages, inactive
// pillars — and the rows stay, so statistics and the evaluation count and time them as before. Records under a legal
// hold or in a case still open are kept as they are. A dry run lists what a run would change (counts and record
// ids, never values); every run leaves one audit entry with its counts.
import { randomUUID } from 'node:crypto';
import {
  RETENTION_TABLES,
  type RetentionPlan,
  type RetentionTable,
  retentionCutoffs,
} from '../../../shared/privacy/retention-rules.ts';
import { toWibIso } from '../../../shared/time.ts';
import { appendAudit, SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { getPrivacySettings } from '../settings/settings-service.ts';
import { anonymiseRecord, plannedAnonymisation, type ShapeCache } from './anonymise-service.ts';
import * as store from './retention-store.ts';

export type RetentionDeps = { db: Database; clock: Clock };

/** How many ids per table a plan shows; the count is always whole. */
const IDS_SHOWN = 1000;

type Due = { due: Map<RetentionTable, string[]>; kept: number; cutoffs: ReturnType<typeof retentionCutoffs> };

function add(map: Map<RetentionTable, string[]>, table: RetentionTable, id: string): void {
  const ids = map.get(table);
  if (ids) ids.push(id);
  else map.set(table, [id]);
}

/** How many candidates one short transaction checks: a long run never holds PGlite's one connection for long. */
const CHECK_PAGE = 200;

/** Every record whose period has passed and which anonymisation would still change, per table. */
async function findDue(db: Database, now: Date): Promise<Due> {
  const { candidates, cutoffs } = await db.asSystem(async (tx) => {
    const cutoffs = retentionCutoffs(await getPrivacySettings(tx), now);
    const candidates = [
      ...(await store.listClosedCaseRecords(tx, cutoffs.caseClosedBefore)),
      ...(await store.listCitizenMessages(tx, cutoffs.reportedBefore)),
      ...(await store.listInactivePillars(tx, cutoffs.pillarInactiveBefore)),
    ];
    return { candidates, cutoffs };
  });
  // A message kept by one rule (its case is open) is kept whatever another rule says.
  const keptKeys = new Set(candidates.filter((c) => c.kept).map((c) => `${c.table}:${c.id}`));
  const seen = new Set<string>();
  const toCheck = candidates.filter((c) => {
    const key = `${c.table}:${c.id}`;
    if (keptKeys.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const due = new Map<RetentionTable, string[]>();
  const shapes: ShapeCache = new Map();
  for (let start = 0; start < toCheck.length; start += CHECK_PAGE) {
    await db.asSystem(async (tx) => {
      for (const c of toCheck.slice(start, start + CHECK_PAGE)) {
        const values = await plannedAnonymisation(tx, c.table, c.id, shapes);
        if (values && Object.keys(values).length > 0) add(due, c.table, c.id);
      }
    });
  }
  return { due, kept: keptKeys.size, cutoffs };
}

function toPlan(found: Due, now: Date, dryRun: boolean): RetentionPlan {
  return {
    dryRun,
    at: toWibIso(now),
    cutoffs: {
      caseClosedBefore: toWibIso(found.cutoffs.caseClosedBefore),
      reportedBefore: toWibIso(found.cutoffs.reportedBefore),
      pillarInactiveBefore: toWibIso(found.cutoffs.pillarInactiveBefore),
    },
    tables: (Object.keys(RETENTION_TABLES) as RetentionTable[]).map((table) => {
      const ids = found.due.get(table) ?? [];
      return { table, label: RETENTION_TABLES[table], count: ids.length, ids: ids.slice(0, IDS_SHOWN) };
    }),
    kept: found.kept,
  };
}

/** What a run would anonymise now (ppdp, admin): counts and record ids per table, no personal values. */
export async function retentionDryRun(deps: RetentionDeps, principal: Principal): Promise<RetentionPlan> {
  authorize(principal, 'privacy.retention', 'Hanya PPDP dan admin yang melihat rencana retensi');
  return planRetention(deps);
}

/** The dry run for the machine's operator (`npm run sigap -- privacy retention-plan`): no principal asks. */
export async function planRetention(deps: RetentionDeps): Promise<RetentionPlan> {
  const now = deps.clock.now();
  return toPlan(await findDue(deps.db, now), now, true);
}

/**
 * The job: anonymises every due record, each in a transaction of its own (a long run never holds up requests),
 * then writes one audit entry with the counts per table and how many were kept.
 */
export async function runRetention(deps: RetentionDeps): Promise<RetentionPlan> {
  const now = deps.clock.now();
  const found = await findDue(deps.db, now);
  const done = new Map<RetentionTable, string[]>();
  const shapes: ShapeCache = new Map();
  for (const [table, ids] of found.due) {
    for (const id of ids) {
      if (await deps.db.asSystem((tx) => anonymiseRecord(tx, table, id, shapes))) {
        add(done, table, id);
      }
    }
  }
  const plan = toPlan({ ...found, due: done }, now, false);
  await deps.db.asSystem(async (tx) =>
    appendAudit(
      tx,
      SYSTEM_ACTOR,
      'privacy.retention_run',
      { type: 'privacy_retention', id: randomUUID() },
      {
        anonymised: Object.fromEntries(plan.tables.map((t) => [t.table, t.count])),
        kept: plan.kept,
        cutoffs: plan.cutoffs,
      },
    ),
  );
  return plan;
}
