import { afterEach, describe, expect, it } from 'vitest';
import { checkInPayload } from '../../../../test/fixtures.ts';
import { buildTestApp, type TestApp, type TestUser } from '../../../../test/harness.ts';
import { fakeClock } from '../../platform/clock.ts';
import type { SigapEvent } from '../../platform/events.ts';
import { runEscalation } from './escalation-service.ts';

/** 21:35 WIB on the night of the clash. */
const START = new Date('2026-08-22T14:35:00Z');
const BAKORWIL_V = ['35.08', '35.09', '35.10', '35.11', '35.12', '35.13', '35.74'];

describe('escalation of missed deadlines', () => {
  let t: TestApp;
  let clock: ReturnType<typeof fakeClock>;
  let operator: TestUser;
  let relawan: TestUser;
  let koordinatorV: TestUser;
  let koordinatorIII: TestUser;
  let provinsi: TestUser;

  const inbox = async (user: TestUser) =>
    (await t.call(user, 'GET', '/api/notifications')).json().items as {
      kind: string;
      subjectId: string;
      title: string;
      body: string;
    }[];

  async function setUp(): Promise<void> {
    clock = fakeClock(START);
    t = await buildTestApp({}, clock);
    operator = await t.user({ role: 'operator', region: '35.09' });
    relawan = await t.user({ role: 'relawan', region: '35.09.06.2002' });
    koordinatorV = await t.user({ role: 'koordinator', region: 'V' });
    koordinatorIII = await t.user({ role: 'koordinator', region: 'III' });
    provinsi = await t.user({ role: 'provinsi', region: '35' });
  }

  /** A P1 report from Jember (3 children hurt), submitted now. */
  async function submitReport(): Promise<string> {
    return t.filedReport(relawan);
  }

  const openCase = async () => (await t.openCase(relawan, operator)).id;

  afterEach(async () => {
    await t?.close();
  });

  it('escalates an unacknowledged P1 report to Bakorwil after 30 minutes, then to the province', async () => {
    await setUp();
    const seenByV: SigapEvent[] = [];
    const seenByIII: SigapEvent[] = [];
    t.events.subscribe(
      { userId: koordinatorV.id, role: 'koordinator', scope: BAKORWIL_V, agencyId: null },
      (e) => seenByV.push(e),
    );
    t.events.subscribe(
      { userId: koordinatorIII.id, role: 'koordinator', scope: ['35.07'], agencyId: null },
      (e) => seenByIII.push(e),
    );
    const reportId = await submitReport();

    clock.advanceMinutes(30);
    expect(await runEscalation(t.db, clock)).toEqual({ reports: 0, cases: 0, provocation: 0, breaches: 0 });
    expect(await inbox(koordinatorV)).toEqual([]);

    clock.advanceMinutes(1);
    expect(await runEscalation(t.db, clock)).toEqual({ reports: 1, cases: 0, provocation: 0, breaches: 0 });
    const report = (await t.call(operator, 'GET', `/api/reports/${reportId}`)).json();
    expect(report).toMatchObject({
      handlingLevel: 'bakorwil',
      escalatedAt: '2026-08-22T22:06:00+07:00',
      dueAcknowledgeAt: '2026-08-22T22:36:00+07:00',
    });
    expect(await inbox(koordinatorV)).toEqual([
      expect.objectContaining({
        kind: 'report.escalated',
        subjectId: reportId,
        title: expect.stringMatching(/^Eskalasi ke Bakorwil: laporan P1 di /),
        body: 'Belum diterima operator kab/kota dalam 30 menit (P1)',
      }),
    ]);
    expect(await inbox(koordinatorIII)).toEqual([]);
    expect(await inbox(provinsi)).toEqual([]);
    await expect.poll(() => seenByV.map((e) => e.type)).toContain('report.escalated');
    expect(seenByIII).toEqual([]);

    // a fresh deadline at the new level: nothing more until it passes too
    expect(await runEscalation(t.db, clock)).toEqual({ reports: 0, cases: 0, provocation: 0, breaches: 0 });
    clock.advanceMinutes(31);
    expect(await runEscalation(t.db, clock)).toEqual({ reports: 1, cases: 0, provocation: 0, breaches: 0 });
    expect((await t.call(operator, 'GET', `/api/reports/${reportId}`)).json().handlingLevel).toBe('provinsi');
    expect(await inbox(provinsi)).toEqual([
      expect.objectContaining({
        subjectId: reportId,
        body: 'Belum diterima koordinator Bakorwil dalam 30 menit (P1)',
      }),
    ]);

    // the province is the top
    clock.advanceMinutes(120);
    expect(await runEscalation(t.db, clock)).toEqual({ reports: 0, cases: 0, provocation: 0, breaches: 0 });
    const audit = await t.audit({ subjectId: reportId, action: 'report.escalated' });
    expect(audit.map(({ action, actorLabel }) => ({ action, actorLabel }))).toEqual([
      { action: 'report.escalated', actorLabel: 'sistem' },
      { action: 'report.escalated', actorLabel: 'sistem' },
    ]);
  });

  it('leaves an acknowledged report where it is', async () => {
    await setUp();
    const reportId = await submitReport();
    clock.advanceMinutes(10);
    expect((await t.call(operator, 'POST', `/api/reports/${reportId}/acknowledgement`)).statusCode).toBe(200);
    clock.advanceMinutes(60);
    expect(await runEscalation(t.db, clock)).toEqual({ reports: 0, cases: 0, provocation: 0, breaches: 0 });
    expect((await t.call(operator, 'GET', `/api/reports/${reportId}`)).json().handlingLevel).toBe('kabkota');
    expect(await inbox(koordinatorV)).toEqual([]);
  });

  it('escalates a case without a field response to Bakorwil, whose koordinator then handles it', async () => {
    await setUp();
    const caseId = await openCase();
    const person = await t.call(operator, 'POST', `/api/cases/${caseId}/people`, {
      fullName: 'Sumarni Wati',
      age: 76,
      group: 'disabilitas',
    });
    expect(person.statusCode).toBe(201);
    expect((await t.call(koordinatorV, 'GET', `/api/cases/${caseId}`)).json().isHandler).toBe(false);
    expect((await t.call(koordinatorV, 'GET', `/api/cases/${caseId}/people`)).json().items[0].fullName).toBe(
      'S*** W***',
    );

    clock.advanceMinutes(120);
    expect(await runEscalation(t.db, clock)).toEqual({ reports: 0, cases: 0, provocation: 0, breaches: 0 });
    clock.advanceMinutes(1);
    expect(await runEscalation(t.db, clock)).toEqual({ reports: 0, cases: 1, provocation: 0, breaches: 0 });

    const seen = (await t.call(koordinatorV, 'GET', `/api/cases/${caseId}`)).json();
    expect(seen).toMatchObject({
      handlingLevel: 'bakorwil',
      isHandler: true,
      escalatedAt: '2026-08-22T23:36:00+07:00',
      escalationReason: 'Belum ada respons lapangan sampai 22 Agustus 2026 pukul 23.35 WIB (P1)',
      dueResponseAt: '2026-08-23T01:36:00+07:00',
    });
    expect((await t.call(koordinatorV, 'GET', `/api/cases/${caseId}/people`)).json().items[0].fullName).toBe(
      'Sumarni Wati',
    );
    expect(await inbox(koordinatorV)).toEqual([
      expect.objectContaining({ kind: 'case.escalated', subjectId: caseId, body: seen.escalationReason }),
    ]);
    const timeline = (await t.call(operator, 'GET', `/api/cases/${caseId}/timeline`)).json().items;
    expect(timeline.at(-1)).toMatchObject({
      kind: 'escalated',
      actorId: null,
      details: { from: 'kabkota', to: 'bakorwil' },
    });

    // the koordinator of another Bakorwil gets nothing and sees nothing
    expect(await inbox(koordinatorIII)).toEqual([]);
    expect((await t.call(koordinatorIII, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
  });

  it('escalates a case past its resolution deadline even after a field response', async () => {
    await setUp();
    const caseId = await openCase();
    await t.call(operator, 'POST', `/api/cases/${caseId}/assignments`, {
      userId: relawan.id,
      task: 'Mediasi',
    });
    const followUp = checkInPayload('2026-08-22T22:00:00+07:00');
    expect((await t.call(relawan, 'POST', `/api/cases/${caseId}/follow-ups`, followUp)).statusCode).toBe(201);

    clock.advanceMinutes(24 * 60);
    expect(await runEscalation(t.db, clock)).toEqual({ reports: 0, cases: 0, provocation: 0, breaches: 0 });
    clock.advanceMinutes(6 * 24 * 60 + 1);
    expect(await runEscalation(t.db, clock)).toEqual({ reports: 0, cases: 1, provocation: 0, breaches: 0 });
    expect((await t.call(koordinatorV, 'GET', `/api/cases/${caseId}`)).json()).toMatchObject({
      handlingLevel: 'bakorwil',
      escalationReason: 'Belum selesai sampai 29 Agustus 2026 pukul 21.35 WIB (P1)',
    });
  });
});
