// A hand-made dataset whose evaluation is worked out by hand (test use only): Bakorwil V, the third quarter
// of 2026, evaluated on 15 October 2026. The expected figures are in evaluation.test.ts, with the sums.
import { randomUUID } from 'node:crypto';
import { kabkotaOf, kecamatanOf } from '../../../shared/region-codes.ts';
import type { Database, Tx } from '../../platform/db.ts';

/** When the evaluation is made: after the quarter, so deadlines inside it have passed. */
export const AS_OF = new Date('2026-10-15T10:00:00+07:00');
export const QUARTER = { from: '2026-07-01', to: '2026-09-30' };

const TANGGUL_DESA = '35.09.06.2002';
const SEMBORO_DESA = '35.09.07.2001';
const LUMAJANG_DESA = '35.08.01.2001';

const at = (wib: string) => new Date(`${wib}+07:00`);
const plus = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

type R = {
  kind: 'sinyal' | 'kejadian';
  type: string;
  region: string;
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  reasons: string[];
  hasVulnerable: boolean;
  occurred: string;
  /** Minutes from occurring to reaching the server. */
  delay?: number;
  /** Minutes from reaching the server to acknowledgement; undefined: never acknowledged. */
  ack?: number;
};

async function addReport(tx: Tx, reporterId: string, r: R): Promise<{ id: string; createdAt: Date }> {
  const id = randomUUID();
  const occurredAt = at(r.occurred);
  const createdAt = plus(occurredAt, r.delay ?? 5);
  await tx.query(
    `INSERT INTO reports (id, kind, conflict_type, region_code, kabkota_code, kecamatan_code, occurred_at, description,
       reporter_id, priority, priority_rank, priority_reasons, has_vulnerable, content_hash, created_at, updated_at,
       due_acknowledge_at, acknowledged_at, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'uji evaluasi', $8, $9, $10, $11, $12, 'x', $13, $13, $13, $14, $15)`,
    [
      id,
      r.kind,
      r.type,
      r.region,
      kabkotaOf(r.region),
      kecamatanOf(r.region) ?? null,
      occurredAt,
      reporterId,
      r.priority,
      Number(r.priority[1]),
      r.reasons,
      r.hasVulnerable,
      createdAt,
      r.ack === undefined ? null : plus(createdAt, r.ack),
      r.ack === undefined ? 'baru' : 'terverifikasi',
    ],
  );
  return { id, createdAt };
}

type C = {
  region: string;
  type: string;
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  hasVulnerable: boolean;
  reports: { id: string; createdAt: Date }[];
  phase: string;
  /** Minutes from the earliest report to the first field response / to closing. */
  response?: number;
  closeAfter?: number;
};

async function addCase(tx: Tx, createdBy: string, c: C): Promise<string> {
  const start = c.reports[0].createdAt;
  const id = await tx.insertReturningId(
    `INSERT INTO cases (title, region_code, kabkota_code, conflict_type, phase, priority, has_vulnerable, created_by,
       created_at, updated_at, due_response_at, due_resolve_at, first_response_at, closed_at, outcome)
     VALUES ('Kasus uji', $1, $2, $3, $4, $5, $6, $7, $8, $8, $8, $8, $9, $10, $11) RETURNING id`,
    [
      c.region,
      kabkotaOf(c.region),
      c.type,
      c.phase,
      c.priority,
      c.hasVulnerable,
      createdBy,
      plus(start, 25),
      c.response === undefined ? null : plus(start, c.response),
      c.closeAfter === undefined ? null : plus(start, c.closeAfter),
      c.closeAfter === undefined ? null : 'Damai setelah mediasi kedua belah pihak',
    ],
  );
  await tx.query('UPDATE reports SET case_id = $1 WHERE id = ANY($2::uuid[])', [
    id,
    c.reports.map((r) => r.id),
  ]);
  return id;
}

export type Dataset = { reports: Record<string, string>; cases: Record<string, string> };

/**
 * Writes the dataset with owner rights. `users`: an operator (reporter, case opener), a tagana field user
 * linked to the registry when it exists, and a field user who is not.
 */
export async function seedEvaluationDataset(
  db: Database,
  users: { operatorId: string; taganaUserId: string; volunteerId: string },
): Promise<Dataset> {
  return db.asSystem(async (tx) => {
    const op = users.operatorId;
    const silat = 'antar_perguruan_silat';
    const harmed = ['vulnerable_harmed:anak'];
    // The quarter: acknowledged after 10, 20, 40, 60, 600 and 100 minutes; R6 never (late); R9 not yet due.
    const R1 = await addReport(tx, op, {
      kind: 'kejadian',
      type: silat,
      region: TANGGUL_DESA,
      priority: 'P1',
      reasons: harmed,
      hasVulnerable: true,
      occurred: '2026-07-10T21:00:00',
      ack: 10,
    });
    const R2 = await addReport(tx, op, {
      kind: 'kejadian',
      type: silat,
      region: TANGGUL_DESA,
      priority: 'P1',
      reasons: ['vulnerable_displaced:lansia'],
      hasVulnerable: true,
      occurred: '2026-08-20T20:00:00',
      ack: 20,
    });
    const R3 = await addReport(tx, op, {
      kind: 'kejadian',
      type: silat,
      region: SEMBORO_DESA,
      priority: 'P1',
      reasons: ['dead'],
      hasVulnerable: false,
      occurred: '2026-09-10T19:00:00',
      ack: 40,
    });
    const R4 = await addReport(tx, op, {
      kind: 'sinyal',
      type: silat,
      region: TANGGUL_DESA,
      priority: 'P2',
      reasons: ['vulnerable_at_risk:lansia'],
      hasVulnerable: true,
      occurred: '2026-07-05T10:00:00',
      ack: 60,
    });
    const R5 = await addReport(tx, op, {
      kind: 'sinyal',
      type: silat,
      region: SEMBORO_DESA,
      priority: 'P3',
      reasons: ['provocation'],
      hasVulnerable: false,
      occurred: '2026-09-12T09:00:00',
      ack: 600,
    });
    const R6 = await addReport(tx, op, {
      kind: 'sinyal',
      type: silat,
      region: TANGGUL_DESA,
      priority: 'P4',
      reasons: ['signal'],
      hasVulnerable: false,
      occurred: '2026-09-25T08:00:00',
    });
    const R7 = await addReport(tx, op, {
      kind: 'sinyal',
      type: 'antar_suporter',
      region: LUMAJANG_DESA,
      priority: 'P4',
      reasons: ['signal'],
      hasVulnerable: false,
      occurred: '2026-09-01T16:00:00',
      ack: 100,
    });
    const R9 = await addReport(tx, op, {
      kind: 'sinyal',
      type: 'lainnya',
      region: TANGGUL_DESA,
      priority: 'P4',
      reasons: ['signal'],
      hasVulnerable: false,
      occurred: '2026-09-30T20:00:00',
      delay: 21_110,
    });
    // The quarter before: R8 acknowledged late (50 > 30), R10 a signal 15 days before R1 in Tanggul.
    const R8 = await addReport(tx, op, {
      kind: 'kejadian',
      type: silat,
      region: TANGGUL_DESA,
      priority: 'P1',
      reasons: harmed,
      hasVulnerable: true,
      occurred: '2026-05-10T21:00:00',
      ack: 50,
    });
    const R10 = await addReport(tx, op, {
      kind: 'sinyal',
      type: silat,
      region: TANGGUL_DESA,
      priority: 'P3',
      reasons: ['provocation'],
      hasVulnerable: false,
      occurred: '2026-06-25T10:00:00',
      ack: 100,
    });
    // Outside Bakorwil V: never counted in its evaluation.
    const RS = await addReport(tx, op, {
      kind: 'kejadian',
      type: silat,
      region: '35.78.01.1001',
      priority: 'P1',
      reasons: harmed,
      hasVulnerable: true,
      occurred: '2026-08-01T20:00:00',
      ack: 5,
    });

    const C1 = await addCase(tx, op, {
      region: TANGGUL_DESA,
      type: silat,
      priority: 'P1',
      hasVulnerable: true,
      reports: [R1],
      phase: 'selesai',
      response: 60,
      closeAfter: 7200,
    });
    const C2 = await addCase(tx, op, {
      region: TANGGUL_DESA,
      type: silat,
      priority: 'P1',
      hasVulnerable: true,
      reports: [R2],
      phase: 'penghentian',
      response: 180,
    });
    const C3 = await addCase(tx, op, {
      region: SEMBORO_DESA,
      type: silat,
      priority: 'P1',
      hasVulnerable: false,
      reports: [R3],
      phase: 'selesai',
      closeAfter: 20_000,
    });
    const C4 = await addCase(tx, op, {
      region: LUMAJANG_DESA,
      type: 'antar_suporter',
      priority: 'P4',
      hasVulnerable: false,
      reports: [R7],
      phase: 'pencegahan',
      response: 1000,
    });

    const person = async (caseId: string, group: string) =>
      tx.insertReturningId(
        `INSERT INTO vulnerable_people (case_id, full_name, vulnerable_group, guardian_consent, created_by)
         VALUES ($1, $2, $3, true, $4) RETURNING id`,
        [caseId, group === 'anak' ? 'Dimas Pratama' : 'Mbah Sumini', group, op],
      );
    const referral = async (
      caseId: string,
      personId: string,
      created: string,
      due: string,
      status: string,
      completed?: string,
    ) =>
      tx.query(
        `INSERT INTO referrals (person_id, case_id, service, due_at, status, created_by, created_at, completed_at)
         VALUES ($1, $2, 'dukungan_psikososial', $3, $4, $5, $6, $7)`,
        [personId, caseId, at(due), status, op, at(created), completed ? at(completed) : null],
      );
    const anak1 = await person(C1, 'anak');
    const lansia1 = await person(C1, 'lansia');
    const anak2 = await person(C2, 'anak');
    await referral(C1, anak1, '2026-07-11T08:00:00', '2026-07-18T08:00:00', 'selesai', '2026-07-13T08:00:00');
    await referral(
      C1,
      lansia1,
      '2026-07-12T08:00:00',
      '2026-07-19T08:00:00',
      'selesai',
      '2026-07-12T14:00:00',
    );
    await referral(C2, anak2, '2026-08-21T08:00:00', '2026-08-28T08:00:00', 'dirujuk');
    await referral(C2, anak2, '2026-09-29T08:00:00', '2026-10-30T08:00:00', 'diterima');

    // Assignments: the tagana on C1 (checked in and out), the volunteer on C2 (checked in, never out).
    await tx.query(
      `INSERT INTO assignments (case_id, user_id, assigned_by, created_at) VALUES ($1, $2, $3, $4), ($5, $6, $3, $7)`,
      [
        C1,
        users.taganaUserId,
        op,
        at('2026-07-11T07:00:00'),
        C2,
        users.volunteerId,
        at('2026-08-21T07:00:00'),
      ],
    );
    const followUp = async (caseId: string, author: string, kind: string, when: string) =>
      tx.query(
        `INSERT INTO follow_ups (id, case_id, author_id, kind, action, occurred_at, content_hash)
         VALUES ($1, $2, $3, $4, 'uji', $5, 'x')`,
        [randomUUID(), caseId, author, kind, at(when)],
      );
    await followUp(C1, users.taganaUserId, 'check_in', '2026-07-11T09:00:00');
    await followUp(C1, users.taganaUserId, 'check_out', '2026-07-11T15:00:00');
    await followUp(C2, users.volunteerId, 'check_in', '2026-08-21T10:00:00');

    const hasAlerts = await tx.one<{ ok: boolean }>(`SELECT to_regclass('public.alerts') IS NOT NULL AS ok`);
    if (hasAlerts?.ok) {
      const alert = async (region: string, created: string, acknowledgedAfter?: number) =>
        tx.insertReturningId(
          `INSERT INTO alerts (region_code, kabkota_code, level, source, headline, due_acknowledge_at, acknowledged_at,
             created_at, updated_at)
           VALUES ($1, $2, 'siaga', 'otomatis', 'Uji', $3, $4, $5, $5) RETURNING id`,
          [
            region,
            kabkotaOf(region),
            plus(at(created), 120),
            acknowledgedAfter === undefined ? null : plus(at(created), acknowledgedAfter),
            at(created),
          ],
        );
      const a1 = await alert('35.09.06', '2026-07-08T12:00:00', 60);
      await alert('35.08.01', '2026-09-15T12:00:00');
      await tx.query(
        `INSERT INTO alert_actions (alert_id, kind, action, case_id, at) VALUES ($1, 'tindakan', 'Kasus pencegahan dibuka', $2, $3)`,
        [a1, C1, at('2026-07-08T14:00:00')],
      );
    }

    const hasPillars = await tx.one<{ ok: boolean }>(
      `SELECT to_regclass('public.pillars') IS NOT NULL AS ok`,
    );
    if (hasPillars?.ok) {
      const pillar = async (
        type: string,
        name: string,
        desa: string,
        created: string,
        userId: string | null,
      ) =>
        tx.query(
          `INSERT INTO pillars (pillar_type, name, name_key, home_region_code, user_id, created_at, updated_at)
           VALUES ($1, $2, lower($2), $3, $4, $5, $5)`,
          [type, name, desa, userId, at(created)],
        );
      await pillar('tagana', 'Budi Santoso', TANGGUL_DESA, '2026-01-10T09:00:00', users.taganaUserId);
      await pillar('tksk', 'Sri Wahyuni', TANGGUL_DESA, '2026-02-01T09:00:00', null);
      // Registered after the quarter: not counted at its end.
      await pillar('tksk', 'Agus Salim', SEMBORO_DESA, '2026-10-05T09:00:00', null);
    }

    return {
      reports: {
        R1: R1.id,
        R2: R2.id,
        R3: R3.id,
        R4: R4.id,
        R5: R5.id,
        R6: R6.id,
        R7: R7.id,
        R8: R8.id,
        R9: R9.id,
        R10: R10.id,
        RS: RS.id,
      },
      cases: { C1, C2, C3, C4 },
    };
  });
}
