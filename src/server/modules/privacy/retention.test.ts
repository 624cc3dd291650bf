// The retention job with a fake clock: the dry run lists what a run would anonymise (ids, no values), the run
// anonymises it and the evaluation's figures stay; records under a legal hold or in an open case are kept as they
// are, and a second run finds nothing more.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { people, type TestUser, testAppWith } from '../../../../test/harness.ts';
import { fakeClock } from '../../platform/clock.ts';
import { runRetention } from './retention-service.ts';

const clock = fakeClock(new Date('2026-09-01T03:00:00Z'));
const { t, operator, relawan, ppdp, provinsi } = testAppWith(
  {
    ...people('operator', 'relawan', 'ppdp', 'provinsi'),
  },
  { clock },
);

type Opened = { caseId: string; reportId: string; personId: string };

/** A case opened from a verified report, with one vulnerable person; closed when asked. */
async function openCase(name: string, close: boolean): Promise<Opened> {
  const description = `Warga bernama ${name} terjebak saat bentrokan.`;
  const { id: caseId, reportId } = await t.openCase(relawan, operator, { description });
  const added = await t.call(operator, 'POST', `/api/cases/${caseId}/people`, {
    fullName: name,
    age: 70,
    group: 'lansia',
    needs: ['obat'],
  });
  expect(added.statusCode).toBe(201);
  if (close) {
    const closed = await t.closeCase(operator, caseId, 'Kedua pihak berdamai.');
    expect(closed.phase).toBe('selesai');
  }
  return { caseId, reportId, personId: added.json().id };
}

/** A WhatsApp message of a citizen reporter received at `at`, optionally of a report. */
async function citizenMessage(at: string, reportId: string | null = null): Promise<string> {
  const rows = await t.db.asSystem((tx) =>
    tx.query<{ id: string }>(
      `INSERT INTO channel_messages (channel, provider_id, sender, trust, area_code, message_type, body, latitude,
         longitude, received_at, status, report_id)
       VALUES ('whatsapp', $1, '+6281234500001', 'warga', '35.09', 'text', 'Ada bentrok di desa kami', -8.1, 113.7,
         $2, 'dilaporkan', $3) RETURNING id::text AS id`,
      [randomUUID(), at, reportId],
    ),
  );
  return rows[0].id;
}

async function pillar(status: 'aktif' | 'nonaktif', updatedAt: string): Promise<string> {
  const rows = await t.db.asSystem((tx) =>
    tx.query<{ id: string }>(
      `INSERT INTO pillars (pillar_type, name, name_key, phone, home_region_code, status, updated_at)
       VALUES ('tagana', 'Bambang Sutejo', 'bambang sutejo', '+6281299900001', '35.09.06.2002', $1, $2)
       RETURNING id::text AS id`,
      [status, updatedAt],
    ),
  );
  return rows[0].id;
}

const nameOf = async (id: string) =>
  (
    await t.db.asSystem((tx) =>
      tx.query<{ name: string }>('SELECT full_name AS name FROM vulnerable_people WHERE id = $1', [id]),
    )
  )[0].name;
const senderOf = async (id: string) =>
  (
    await t.db.asSystem((tx) =>
      tx.query<{ sender: string }>('SELECT sender FROM channel_messages WHERE id = $1', [id]),
    )
  )[0].sender;

async function evaluationFigures() {
  const res = await t.call(provinsi, 'GET', '/api/evaluations/summary?from=2026-01-01&to=2026-12-31');
  expect(res.statusCode).toBe(200);
  const { generatedAt: _made, ...figures } = res.json();
  return figures;
}

let closedCase: Opened;
let openCaseRecords: Opened;
let heldCase: Opened;
const ids: Record<string, string> = {};

beforeAll(async () => {
  closedCase = await openCase('Sumarni Wati', true);
  openCaseRecords = await openCase('Paidi Santoso', false);
  heldCase = await openCase('Kasiyem Rahayu', true);
  const hold = await t.call(ppdp, 'POST', '/api/privacy/holds', {
    table: 'cases',
    id: heldCase.caseId,
    reason: 'Bukti perkara di Pengadilan Negeri Jember',
  });
  expect(hold.statusCode).toBe(200);
  ids.oldCitizen = await citizenMessage('2030-06-01T10:00:00+07:00');
  ids.recentCitizen = await citizenMessage('2031-03-01T10:00:00+07:00');
  ids.openCaseCitizen = await citizenMessage('2030-01-01T10:00:00+07:00', openCaseRecords.reportId);
  ids.oldPillar = await pillar('nonaktif', '2027-01-01T00:00:00Z');
  ids.recentPillar = await pillar('nonaktif', '2030-01-01T00:00:00Z');
  ids.activePillar = await pillar('aktif', '2026-01-01T00:00:00Z');
  // Five years and a day after the cases closed.
  clock.set(new Date('2031-09-02T03:00:00Z'));
}, 240_000);

describe('the retention job', () => {
  it('lists in a dry run what it would anonymise, by id and count only, for the privacy office only', async () => {
    expect((await t.call(operator, 'GET', '/api/privacy/retention')).statusCode).toBe(403);
    const res = await t.call(ppdp, 'GET', '/api/privacy/retention');
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    const byTable = Object.fromEntries(
      plan.tables.map((row: { table: string; ids: string[]; count: number }) => [row.table, row]),
    );
    expect(byTable.vulnerable_people).toMatchObject({ count: 1, ids: [closedCase.personId] });
    expect(byTable.reports).toMatchObject({ count: 1, ids: [closedCase.reportId] });
    expect(byTable.channel_messages).toMatchObject({ count: 1, ids: [ids.oldCitizen] });
    expect(byTable.pillars).toMatchObject({ count: 1, ids: [ids.oldPillar] });
    // The held case's person and report, and the message of the open case's report.
    expect(plan.kept).toBe(3);
    expect(plan.cutoffs.caseClosedBefore).toBe('2026-09-02T10:00:00+07:00');
    expect(JSON.stringify(plan)).not.toMatch(/Sumarni|\+62812|Bambang/);
    expect(await nameOf(closedCase.personId)).toBe('Sumarni Wati');
  });

  it('anonymises what the dry run listed, keeps held and open records, and leaves the evaluation as it was', async () => {
    const before = await evaluationFigures();
    const plan = await runRetention({ db: t.db, clock });
    expect(plan.tables.map((row) => [row.table, row.count])).toEqual([
      ['vulnerable_people', 1],
      ['reports', 1],
      ['channel_messages', 1],
      ['pillars', 1],
    ]);
    expect(await evaluationFigures()).toEqual(before);
    expect(await nameOf(closedCase.personId)).toBe('Dianonimkan');
    expect(await nameOf(heldCase.personId)).toBe('Kasiyem Rahayu');
    expect(await nameOf(openCaseRecords.personId)).toBe('Paidi Santoso');
    expect(await senderOf(ids.oldCitizen)).toBe('');
    expect(await senderOf(ids.recentCitizen)).toBe('+6281234500001');
    expect(await senderOf(ids.openCaseCitizen)).toBe('+6281234500001');
    const pillars = await t.db.asSystem((tx) =>
      tx.query<{ id: string; name: string; phone: string | null }>(
        'SELECT id::text AS id, name, phone FROM pillars WHERE id = ANY($1::uuid[]) ORDER BY name',
        [[ids.oldPillar, ids.recentPillar, ids.activePillar]],
      ),
    );
    expect(pillars.find((p) => p.id === ids.oldPillar)).toMatchObject({ phone: null });
    expect(pillars.find((p) => p.id === ids.oldPillar)?.name).not.toBe('Bambang Sutejo');
    expect(pillars.filter((p) => p.name === 'Bambang Sutejo')).toHaveLength(2);

    const audit = await t.audit({ action: 'privacy.retention_run' });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].details)).toMatchObject({
      anonymised: { vulnerable_people: 1, reports: 1, channel_messages: 1, pillars: 1 },
      kept: 3,
    });
    expect(audit[0].details).not.toMatch(/Sumarni|\+62812|Bambang/);
  });

  it('finds nothing more on the next run, and takes the held case once its hold is lifted', async () => {
    const again = await t.call(ppdp, 'GET', '/api/privacy/retention');
    expect(again.json().tables.every((row: { count: number }) => row.count === 0)).toBe(true);
    await t.call(ppdp, 'POST', '/api/privacy/holds', {
      table: 'cases',
      id: heldCase.caseId,
      reason: 'Perkara selesai',
      active: false,
    });
    const plan = await runRetention({ db: t.db, clock });
    expect(plan.tables.find((row) => row.table === 'vulnerable_people')?.ids).toEqual([heldCase.personId]);
    expect(await nameOf(heldCase.personId)).toBe('Dianonimkan');
  });

  it('follows the retention settings, which only the privacy office may change, within their bounds', async () => {
    const settings = await t.call(ppdp, 'GET', '/api/settings/privacy');
    expect(settings.json()).toMatchObject({ caseClosedYears: 5, reporterMonths: 12, pillarInactiveYears: 3 });
    const changed = { ...settings.json(), reporterMonths: 6 };
    const put = (user: TestUser, body: unknown) =>
      t.call(user, 'PUT', '/api/settings/privacy', body as object);
    expect((await put(operator, changed)).statusCode).toBe(403);
    expect((await put(ppdp, { ...changed, reporterMonths: 0 })).statusCode).toBe(400);
    expect((await put(ppdp, changed)).statusCode).toBe(200);
    const plan = (await t.call(ppdp, 'GET', '/api/privacy/retention')).json();
    expect(plan.tables.find((row: { table: string }) => row.table === 'channel_messages').ids).toEqual([
      ids.recentCitizen,
    ]);
  });
});
