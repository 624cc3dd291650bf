import { isWithin } from '../../shared/region-codes.ts';
import { ReportFields } from '../../shared/reports/report-schema.ts';
import { type AuditActor, appendAudit } from '../platform/audit.ts';
import { contentHash } from '../platform/canonical.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db.ts';
import { DomainError } from '../platform/errors.ts';
import { hashPassword } from '../platform/passwords.ts';
import {
  DEMO_BAKORWIL,
  DEMO_KABKOTA,
  type DemoCase,
  type DemoPlan,
  type DemoReport,
  type DemoSeasons,
  generateDemoData,
  refuseDemoPassword,
} from './demo-data.ts';
import { type DemoExtras, generateDemoExtras } from './demo-extras.ts';
import * as extrasStore from './demo-extras-store.ts';
import { raiseAlertsForLevels } from './demo-levels.ts';
import { loadDemoMessages } from './demo-messages.ts';
import { insertDemoProvocation } from './demo-provocation.ts';
import * as store from './demo-store.ts';

/** Rows per transaction: small enough that requests and /api/health keep answering in between. */
const REPORT_CHUNK = 500;
const CASE_CHUNK = 50;

export type DemoInput = { scale: number; seed: string; password: string };

/** What was loaded, for the CLI to print. */
export type DemoSummary = {
  seed: string;
  scale: number;
  users: { username: string; role: string; scope: string; kabkotaCode: string | null }[];
  agencies: number;
  pillars: number;
  reports: { total: number; byStatus: Record<string, number>; byKabkota: Record<string, number> };
  cases: { total: number; byPhase: Record<string, number> };
  seasons: DemoSeasons;
  /** The groups, calendar, workshops, lessons and alerts around the reports and cases. */
  extras: {
    groups: number;
    rivalries: number;
    agreements: number;
    events: number;
    workshops: number;
    actionItems: number;
    lessons: number;
    alerts: number;
  };
  chunks: number;
};

export type DemoProgress = {
  part:
    | 'pengguna'
    | 'kasus'
    | 'laporan'
    | 'kelompok, kalender, workshop, praktik baik'
    | 'tingkat kerawanan'
    | 'pesan WhatsApp/SMS';
  done: number;
  total: number;
};

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** A report as the reports table stores it; the content hash is the intake's, over the parsed fields. */
function toReportRecord(report: DemoReport): store.ReportRecord {
  const fields = ReportFields.parse(report.fields);
  return {
    id: report.id,
    kind: fields.kind,
    conflict_type: fields.conflictType,
    triggers: fields.triggers,
    groups_involved: fields.groupsInvolved,
    region_code: fields.regionCode,
    kabkota_code: report.kabkotaCode,
    kecamatan_code: report.kecamatanCode,
    occurred_at: fields.occurredAt,
    violence_ongoing: fields.violenceOngoing,
    description: fields.description,
    involved: fields.involved,
    injured: fields.injured,
    dead: fields.dead,
    displaced: fields.displaced,
    houses_damaged: fields.housesDamaged,
    vulnerable: fields.vulnerable,
    has_vulnerable: report.hasVulnerable,
    needs: fields.needs,
    channel: fields.channel,
    reporter_id: report.reporterId,
    status: report.status,
    status_reason: report.statusReason,
    duplicate_of: report.duplicateOf,
    priority: report.priority,
    priority_rank: report.priorityRank,
    priority_reasons: report.priorityReasons,
    version: report.version,
    content_hash: contentHash(fields),
    created_at: report.createdAt,
    updated_at: report.updatedAt,
    acknowledged_at: report.acknowledgedAt,
    acknowledged_by: report.acknowledgedBy,
    verified_at: report.verifiedAt,
    verified_by: report.verifiedBy,
    due_acknowledge_at: report.dueAcknowledgeAt,
    handling_level: report.handlingLevel,
    escalated_at: report.escalatedAt,
    case_id: report.caseId,
    dedup_checked_at: report.dedupCheckedAt,
  };
}

/** The follow-up's content hash as intake computes it: over what the client sent, without the id. */
function followUpHash(f: DemoCase['followUps'][number]): string {
  return contentHash({ kind: f.kind, action: f.action, occurredAt: f.occurredAt, regionCode: f.regionCode });
}

function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Fills an empty database with the demo data of Bakorwil V: users of every role sharing one password,
 * partner agencies, pillars, reports and cases over the past twelve months. Refuses (conflict) when any
 * report exists or a demo username is taken, and (validation_failed) a weak password. Writes in chunks,
 * each its own transaction with one 'demo.loaded' audit entry, so a running server keeps answering.
 */
export async function loadDemoData(
  db: Database,
  by: AuditActor,
  input: DemoInput,
  clock: Clock,
  onProgress: (progress: DemoProgress) => void = () => undefined,
): Promise<DemoSummary> {
  const weakness = refuseDemoPassword(input.password);
  if (weakness) throw new DomainError('validation_failed', `Kata sandi demo terlalu lemah: ${weakness}`);
  const setup = await db.asSystem(async (tx) => ({
    reports: await store.countReports(tx),
    members: await store.findBakorwilMembers(tx, DEMO_BAKORWIL),
    regions: await store.loadRegions(tx, DEMO_KABKOTA),
    sla: await store.loadSlaTable(tx),
  }));
  if (setup.reports > 0) {
    throw new DomainError(
      'conflict',
      `Basis data sudah berisi ${setup.reports} laporan; data demo hanya dimuat ke basis data kosong`,
      { reason: 'has_reports', reports: setup.reports },
    );
  }
  if (setup.regions.desa.length === 0 || DEMO_KABKOTA.some((code) => !setup.members.includes(code))) {
    throw new DomainError(
      'validation_failed',
      `Wilayah Bakorwil ${DEMO_BAKORWIL} (${DEMO_KABKOTA.join(', ')}) belum dimuat atau berubah`,
    );
  }
  const plan: DemoPlan = generateDemoData(setup.regions, {
    scale: input.scale,
    seed: input.seed,
    now: clock.now(),
    sla: setup.sla,
  });
  const taken = await db.asSystem((tx) =>
    store.findUsernames(
      tx,
      plan.users.map((u) => u.username),
    ),
  );
  if (taken.length > 0) {
    throw new DomainError('conflict', `Pengguna demo sudah ada: ${taken.join(', ')}`, {
      reason: 'users_exist',
      usernames: taken,
    });
  }
  // One hash for everyone: hashing per user would only cost seconds, the password is the same anyway.
  const passwordHash = await hashPassword(input.password);
  const subject = { type: 'demo', id: input.seed };
  let chunks = 0;

  await db.asSystem(async (tx) => {
    // Checked again inside the transaction: two runs at once must not both load.
    if ((await store.countReports(tx)) > 0) {
      throw new DomainError(
        'conflict',
        'Basis data sudah berisi laporan; data demo hanya dimuat ke basis data kosong',
        {
          reason: 'has_reports',
        },
      );
    }
    await store.insertAgencies(tx, plan.agencies);
    await store.insertUsers(tx, plan.users, passwordHash);
    await store.insertPillars(tx, plan.pillars);
    await appendAudit(tx, by, 'demo.loaded', subject, {
      part: 'users',
      scale: input.scale,
      users: plan.users.length,
      agencies: plan.agencies.length,
      pillars: plan.pillars.length,
    });
  });
  chunks++;
  onProgress({ part: 'pengguna', done: plan.users.length, total: plan.users.length });

  // Cases before reports: a report points at its case.
  let done = 0;
  for (const chunk of chunksOf(plan.cases, CASE_CHUNK)) {
    await db.asSystem(async (tx) => {
      await store.insertCases(tx, chunk, followUpHash);
      await appendAudit(tx, by, 'demo.loaded', subject, { part: 'cases', cases: chunk.length });
    });
    chunks++;
    done += chunk.length;
    onProgress({ part: 'kasus', done, total: plan.cases.length });
  }

  // Reports by time, so an original is always written before its duplicates.
  const duplicateIds = new Set(plan.reports.filter((r) => r.duplicateOf).map((r) => r.id));
  const pairsOf = new Map<string, typeof plan.duplicates>();
  for (const pair of plan.duplicates) {
    const later = duplicateIds.has(pair.reportId) ? pair.reportId : pair.candidateId;
    pairsOf.set(later, [...(pairsOf.get(later) ?? []), pair]);
  }
  done = 0;
  for (const chunk of chunksOf(plan.reports, REPORT_CHUNK)) {
    const records = chunk.map(toReportRecord);
    await db.asSystem(async (tx) => {
      await store.insertReports(tx, records);
      await store.insertDuplicateSuggestions(
        tx,
        chunk.flatMap((r) => pairsOf.get(r.id) ?? []),
      );
      await appendAudit(tx, by, 'demo.loaded', subject, { part: 'reports', reports: chunk.length });
    });
    chunks++;
    done += chunk.length;
    onProgress({ part: 'laporan', done, total: plan.reports.length });
  }

  const extras: DemoExtras = generateDemoExtras(plan, setup.regions, { seed: input.seed, now: clock.now() });
  await db.asSystem(async (tx) => {
    const now = clock.now();
    await extrasStore.insertGroups(tx, extras, now);
    await extrasStore.insertEvents(tx, extras);
    await extrasStore.insertWorkshops(tx, extras);
    await extrasStore.insertLessons(tx, extras);
    const provocation = await insertDemoProvocation(
      tx,
      plan.users,
      (kabkota) => setup.regions.kecamatan.filter((k) => isWithin(k.code, kabkota)).map((k) => k.code),
      extras.groups,
      now,
    );
    await appendAudit(tx, by, 'demo.loaded', subject, {
      provocation,
      part: 'extras',
      groups: extras.groups.length,
      events: extras.events.length,
      workshops: extras.workshops.length,
      lessons: extras.lessons.length,
    });
  });
  chunks++;
  onProgress({ part: 'kelompok, kalender, workshop, praktik baik', done: 1, total: 1 });

  // The levels are computed now, and every level above normal has its alert (a first computation raises none).
  const alerts = await raiseAlertsForLevels(db, by, clock, DEMO_KABKOTA);
  onProgress({ part: 'tingkat kerawanan', done: 1, total: 1 });

  // WhatsApp and SMS: two messages waiting to be placed, one already a report with its source message.
  const desaNames = new Map(setup.regions.desa.map((d) => [d.code, d.name]));
  const messages = await loadDemoMessages(db, clock, plan.pillars, (code) => desaNames.get(code));
  onProgress({ part: 'pesan WhatsApp/SMS', done: messages, total: messages });

  const scopeOf = (u: DemoPlan['users'][number]) =>
    u.scopeBakorwilId ? `Bakorwil ${u.scopeBakorwilId}` : (u.agencyId ?? u.scopeRegionCode ?? '');
  return {
    seed: input.seed,
    scale: input.scale,
    users: plan.users.map((u) => ({
      username: u.username,
      role: u.role,
      scope: scopeOf(u),
      kabkotaCode: u.kabkotaCode,
    })),
    agencies: plan.agencies.length,
    pillars: plan.pillars.length,
    reports: {
      total: plan.reports.length,
      byStatus: countBy(plan.reports, (r) => r.status),
      byKabkota: countBy(plan.reports, (r) => r.kabkotaCode),
    },
    cases: { total: plan.cases.length, byPhase: countBy(plan.cases, (c) => c.phase) },
    seasons: plan.seasons,
    extras: {
      groups: extras.groups.length,
      rivalries: extras.rivalries.length,
      agreements: extras.agreements.length,
      events: extras.events.length,
      workshops: extras.workshops.length,
      actionItems: extras.workshops.reduce((n, w) => n + w.actions.length, 0),
      lessons: extras.lessons.length,
      alerts,
    },
    chunks,
  };
}
