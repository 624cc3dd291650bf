import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkInPayload } from '../../../../test/fixtures.ts';
import { type TestUser, testAppWith } from '../../../../test/harness.ts';
import { fakeClock } from '../../platform/clock.ts';
import { runSafetyCheck } from './safety-service.ts';

const DATA_KEY = Buffer.alloc(32, 7).toString('base64');

describe('dispatch and field safety', () => {
  const clock = fakeClock(new Date('2026-08-22T14:00:00Z'));
  const { t, operator } = testAppWith(
    { operator: { role: 'operator', region: '35.09' } },
    { env: { SIGAP_DATA_KEY: DATA_KEY }, clock },
  );
  const pillarUsers: Record<string, TestUser> = {};
  let caseId: string;

  beforeAll(async () => {
    const people = [
      { name: 'Desa Tanpa Keahlian', home: '35.09.06.2002', skills: [] },
      { name: 'Kecamatan Mediator', home: '35.09.06.2003', skills: ['mediasi', 'pertolongan_pertama'] },
      { name: 'Kabupaten Mediator', home: '35.09.01.2001', skills: ['mediasi'] },
      { name: 'Sedang Libur', home: '35.09.06.2002', skills: ['mediasi'], availability: 'libur' },
    ];
    for (const p of people) {
      const user = await t.user({ role: 'relawan', region: p.home });
      pillarUsers[p.name] = user;
      const res = await t.call(operator, 'POST', '/api/pillars', {
        pillarType: 'tagana',
        name: p.name,
        homeRegionCode: p.home,
        skills: p.skills,
        availability: p.availability ?? 'siaga',
        userId: user.id,
      });
      expect(res.statusCode).toBe(201);
    }
    caseId = (await t.openCase(pillarUsers['Desa Tanpa Keahlian'], operator)).id;
  });

  it('ranks available pillars by proximity, skills and workload, with reasons, leaving out those off duty', async () => {
    const res = await t.call(operator, 'GET', `/api/cases/${caseId}/dispatch-suggestions`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((s: { name: string }) => s.name)).toEqual([
      'Desa Tanpa Keahlian',
      'Kecamatan Mediator',
      'Kabupaten Mediator',
    ]);
    expect(items[1].reasons).toEqual([
      'tinggal di kecamatan kejadian',
      'keahlian sesuai: mediasi, pertolongan_pertama',
      'tidak sedang bertugas',
    ]);
  });

  it('assigns a suggested pillar: they see the case and get it in their inbox; a relawan cannot ask for suggestions', async () => {
    const suggestion = (await t.call(operator, 'GET', `/api/cases/${caseId}/dispatch-suggestions`)).json()
      .items[1];
    const res = await t.call(operator, 'POST', `/api/cases/${caseId}/dispatch`, {
      pillarId: suggestion.pillarId,
      task: 'Mediasi',
    });
    expect(res.statusCode).toBe(201);
    const mediator = pillarUsers['Kecamatan Mediator'];
    expect((await t.call(mediator, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(200);
    const inbox = (await t.call(mediator, 'GET', '/api/notifications')).json().items;
    expect(inbox.map((n: { kind: string }) => n.kind)).toContain('case.assigned');
    expect((await t.call(mediator, 'GET', `/api/cases/${caseId}/dispatch-suggestions`)).statusCode).toBe(403);
  });

  it('alerts the operators when a check-in has no check-out after 6 hours, once, and not when checked out', async () => {
    const mediator = pillarUsers['Kecamatan Mediator'];
    const checkIn = checkInPayload('2026-08-22T21:00:00+07:00');
    expect((await t.call(mediator, 'POST', `/api/cases/${caseId}/follow-ups`, checkIn)).statusCode).toBe(201);
    clock.set(new Date('2026-08-23T02:59:00+07:00'));
    expect(await runSafetyCheck(t.db, clock)).toBe(0);
    clock.set(new Date('2026-08-23T03:01:00+07:00'));
    expect(await runSafetyCheck(t.db, clock)).toBe(1);
    expect(await runSafetyCheck(t.db, clock)).toBe(0);
    const inbox = (await t.call(operator, 'GET', '/api/notifications')).json().items;
    expect(inbox.find((n: { kind: string }) => n.kind === 'safety.no_checkout')?.title).toMatch(
      /Kecamatan Mediator.*21:00 WIB/,
    );

    const other = pillarUsers['Kabupaten Mediator'];
    await t.call(operator, 'POST', `/api/cases/${caseId}/assignments`, {
      userId: other.id,
      task: 'Pendataan',
    });
    await t.call(other, 'POST', `/api/cases/${caseId}/follow-ups`, { ...checkIn, id: randomUUID() });
    await t.call(other, 'POST', `/api/cases/${caseId}/follow-ups`, {
      id: randomUUID(),
      kind: 'check_out',
      action: 'Pulang',
      occurredAt: '2026-08-22T23:00:00+07:00',
    });
    clock.set(new Date('2026-08-23T12:00:00+07:00'));
    expect(await runSafetyCheck(t.db, clock)).toBe(0);
  });
});
