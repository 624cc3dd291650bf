import { beforeAll, describe, expect, it } from 'vitest';
import { reportPayload } from '../../../../test/fixtures.ts';
import { people, type TestUser, testAppWith } from '../../../../test/harness.ts';
import { fakeClock } from '../../platform/clock.ts';

describe('the register of actor groups and the calendar of risky gatherings', () => {
  const clock = fakeClock(new Date('2026-06-05T09:00:00+07:00'));
  const { t, operator, banyuwangi, koordinator, admin, relawan } = testAppWith(
    {
      ...people('operator'),
      banyuwangi: { role: 'operator', region: '35.10' },
      ...people('koordinator', 'admin', 'relawan'),
    },
    { clock },
  );
  /** Registers an actor group as `user`. */
  const addGroup = (user: TestUser, kind: string, name: string, shortName: string) =>
    t.call(user, 'POST', '/api/actor-groups', { kind, name, shortName });
  let psht: { id: string };
  let pagarNusa: { id: string };

  beforeAll(async () => {
    psht = (await addGroup(admin, 'perguruan_silat', 'Persaudaraan Setia Hati Terate', 'PSHT')).json();
    pagarNusa = (await addGroup(admin, 'perguruan_silat', 'Pagar Nusa', 'Pagar Nusa')).json();
  });

  it('registers groups once by name, for staff only', async () => {
    const twice = await addGroup(operator, 'perguruan_silat', 'PAGAR  nusa', 'PN');
    expect(twice.statusCode).toBe(409);
    expect((await t.call(relawan, 'GET', '/api/actor-groups')).statusCode).toBe(403);
    const list = (await t.call(banyuwangi, 'GET', '/api/actor-groups?kind=perguruan_silat')).json().items;
    expect(list.map((g: { shortName: string }) => g.shortName)).toEqual(['Pagar Nusa', 'PSHT']);
    expect(
      (await t.call(operator, 'PATCH', `/api/actor-groups/${psht.id}`, { description: 'x' })).statusCode,
    ).toBe(403);
  });

  it("masks a branch's contact person except for its kab/kota operators, and logs each whole view", async () => {
    const created = await t.call(operator, 'POST', `/api/actor-groups/${psht.id}/branches`, {
      level: 'ranting',
      regionCode: '35.09.06',
      name: 'Ranting Tanggul',
      contactName: 'Ahmad Fauzi',
      contactPhone: '+6281234567890',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ contactName: 'A**** F****', isMasked: true });
    const id = created.json().id;
    const whole = (await t.call(operator, 'GET', `/api/actor-groups/branches/${id}`)).json();
    expect(whole).toMatchObject({
      contactName: 'Ahmad Fauzi',
      contactPhone: '+6281234567890',
      isMasked: false,
    });
    const masked = (await t.call(koordinator, 'GET', `/api/actor-groups/branches/${id}`)).json();
    expect(masked).toMatchObject({
      contactName: 'A**** F****',
      contactPhone: '+62********890',
      isMasked: true,
    });
    expect((await t.call(banyuwangi, 'GET', `/api/actor-groups/branches/${id}`)).statusCode).toBe(404);
    const outside = await t.call(banyuwangi, 'POST', `/api/actor-groups/${psht.id}/branches`, {
      level: 'ranting',
      regionCode: '35.09.07',
      name: 'Ranting Semboro',
    });
    expect(outside.statusCode).toBe(403);
    const logged = await t.accessLog({ subjectId: id });
    expect(logged.map((l) => l.userId)).toEqual([operator.id]);
  });

  it('records rivalries (koordinator and up) and peace agreements with their breaches', async () => {
    expect(
      (await t.call(operator, 'PUT', '/api/actor-groups/rivalries', { groupIds: [psht.id, pagarNusa.id] }))
        .statusCode,
    ).toBe(403);
    const rivalry = await t.call(koordinator, 'PUT', '/api/actor-groups/rivalries', {
      groupIds: [pagarNusa.id, psht.id],
      intensity: 'tinggi',
    });
    expect(rivalry.json()).toMatchObject({ intensity: 'tinggi', status: 'aktif' });
    const agreement = await t.call(operator, 'POST', '/api/peace-agreements', {
      title: 'Kesepakatan damai PSHT dan Pagar Nusa Kecamatan Tanggul',
      regionCode: '35.09.06',
      place: 'Pendopo Kecamatan Tanggul',
      signedOn: '2026-06-01',
      body: 'Kedua pihak sepakat menjaga ketertiban selama bulan Suro.',
      groupIds: [psht.id, pagarNusa.id],
    });
    expect(agreement.statusCode).toBe(201);
    const id = agreement.json().id;
    const pdf = Buffer.from('%PDF-1.4\n% kesepakatan\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const upload = await t.call(operator, 'PUT', `/api/peace-agreements/${id}/document`, pdf, {
      'content-type': 'application/pdf',
    });
    expect(upload.statusCode).toBe(200);
    expect(upload.json().hasDocument).toBe(true);
    const fake = await t.call(operator, 'PUT', `/api/peace-agreements/${id}/document`, pdf, {
      'content-type': 'image/png',
    });
    expect(fake.statusCode).toBe(415);
    const report = reportPayload();
    expect((await t.call(relawan, 'POST', '/api/reports', report)).statusCode).toBe(201);
    const breach = await t.call(operator, 'POST', `/api/peace-agreements/${id}/breaches`, {
      reportId: report.id,
      note: 'Bentrok setelah konvoi',
    });
    expect(breach.json().breaches).toHaveLength(1);
    const linked = await t.call(operator, 'PUT', `/api/reports/${report.id}/groups`, {
      groupIds: [psht.id, pagarNusa.id],
    });
    expect(linked.json().items).toHaveLength(2);
    const group = (await t.call(operator, 'GET', `/api/actor-groups/${psht.id}`)).json();
    expect(group.rivalries[0]).toMatchObject({ groupAName: expect.any(String), intensity: 'tinggi' });
    expect(group.agreements.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await t.call(banyuwangi, 'GET', `/api/peace-agreements/${id}`)).statusCode).toBe(404);
  });

  it('shows 1 Suro and the pengesahan season in the calendar, and lets only the admin correct a date', async () => {
    const june = (
      await t.call(operator, 'GET', '/api/early-warning/calendar?from=2026-06-01&to=2026-06-30')
    ).json();
    expect(june.recurring.find((e: { key: string }) => e.key === 'satu_suro').startDay).toBe('2026-06-16');
    const payload = { date: '2026-06-17', note: 'Keputusan sidang isbat' };
    expect(
      (await t.call(operator, 'PUT', '/api/early-warning/calendar/overrides/satu_suro/1448', payload))
        .statusCode,
    ).toBe(403);
    const moved = await t.call(admin, 'PUT', '/api/early-warning/calendar/overrides/satu_suro/1448', payload);
    expect(moved.statusCode).toBe(200);
    expect(moved.json().items.find((e: { key: string }) => e.key === 'malam_satu_suro').startDay).toBe(
      '2026-06-16',
    );
    const tooFar = await t.call(admin, 'PUT', '/api/early-warning/calendar/overrides/satu_suro/1448', {
      date: '2026-06-25',
    });
    expect(tooFar.statusCode).toBe(400);
    expect(
      (await t.call(admin, 'DELETE', '/api/early-warning/calendar/overrides/satu_suro/1448')).statusCode,
    ).toBe(204);
  });

  it('lists the kecamatan on a convoy route with their rival groups and history; checklist before, review after', async () => {
    const created = await t.call(operator, 'POST', '/api/early-warning/events', {
      kind: 'pengesahan_warga',
      title: 'Pengesahan warga baru Pagar Nusa',
      startsAt: '2026-06-15T19:00:00+07:00',
      regionCode: '35.09.09',
      routeRegionCodes: ['35.09.09', '35.09.06', '35.09.02'],
      expectedCrowd: 2000,
      groupIds: [pagarNusa.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json();
    expect(event.route.map((r: { regionName: string }) => r.regionName)).toEqual([
      'Bangsalsari',
      'Tanggul',
      'Kencong',
    ]);
    const tanggul = event.route[1];
    expect(tanggul).toMatchObject({ rivalsPresent: ['PSHT'], rivalReports: 1 });
    expect(event.checklistDone).toBe(0);
    const ticked = await t.call(operator, 'PUT', `/api/early-warning/events/${event.id}/checklist`, {
      version: event.version,
      items: [
        { key: 'koordinasi_aparat', isDone: true, note: 'Rapat dengan Polres 10 Juni' },
        { key: 'hubungi_pengurus', isDone: true },
      ],
    });
    expect(ticked.json().checklistDone).toBe(2);
    const stale = await t.call(operator, 'PUT', `/api/early-warning/events/${event.id}/checklist`, {
      version: event.version,
      items: [{ key: 'pilar_siaga', isDone: true }],
    });
    expect(stale.statusCode).toBe(409);
    const early = await t.call(operator, 'PUT', `/api/early-warning/events/${event.id}/review`, {
      summary: 'Aman',
      hadIncident: false,
    });
    expect(early.statusCode).toBe(409);
    clock.set(new Date('2026-06-16T08:00:00+07:00'));
    const reviewed = await t.call(operator, 'PUT', `/api/early-warning/events/${event.id}/review`, {
      summary: 'Konvoi berjalan tertib; satu kelompok dialihkan lewat jalur selatan.',
      actualCrowd: 1500,
      hadIncident: false,
    });
    expect(reviewed.json()).toMatchObject({
      status: 'selesai',
      review: { hadIncident: false, actualCrowd: 1500 },
    });
    // Banyuwangi sees neither the event nor its route.
    expect((await t.call(banyuwangi, 'GET', `/api/early-warning/events/${event.id}`)).statusCode).toBe(404);
    const listed = (
      await t.call(
        operator,
        'GET',
        '/api/early-warning/calendar?from=2026-06-01&to=2026-06-30&region=35.09.06',
      )
    ).json();
    expect(listed.events.map((e: { id: string }) => e.id)).toEqual([event.id]);
  });

  it('lets a koordinator edit only the groups that lie within their Bakorwil', async () => {
    const koordinatorI = await t.user({ role: 'koordinator', region: 'I' });
    const pacitan = await t.user({ role: 'operator', region: '35.01' });
    const local = (await addGroup(operator, 'suporter', 'Laskar Tanggul', 'LT')).json();
    expect(
      (
        await t.call(operator, 'POST', `/api/actor-groups/${local.id}/branches`, {
          level: 'ranting',
          regionCode: '35.09.06',
          name: 'Laskar Tanggul',
        })
      ).statusCode,
    ).toBe(201);
    const edit = (user: TestUser, description: string) =>
      t.call(user, 'PATCH', `/api/actor-groups/${local.id}`, { description });
    // Present only in Jember: Bakorwil V's koordinator edits it, Bakorwil I's may not.
    expect((await edit(koordinator, 'Suporter lokal Tanggul')).statusCode).toBe(200);
    const outside = await edit(koordinatorI, 'Diubah dari Madiun');
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('forbidden');
    // Once it has a branch in Pacitan, it is the province's to edit.
    expect(
      (
        await t.call(pacitan, 'POST', `/api/actor-groups/${local.id}/branches`, {
          level: 'cabang',
          regionCode: '35.01',
          name: 'Laskar Tanggul Pacitan',
        })
      ).statusCode,
    ).toBe(201);
    expect((await edit(koordinator, 'Diubah dari Jember')).statusCode).toBe(403);
    expect((await edit(admin, 'Suporter di Jember dan Pacitan')).statusCode).toBe(200);
    // The database refuses it too, whatever the service decides.
    const koordinatorActor = {
      userId: koordinator.id,
      role: 'koordinator',
      scope: ['35.08', '35.09', '35.10', '35.11', '35.12', '35.13', '35.74'],
      agencyId: null,
    };
    const updated = await t.db.asActor(koordinatorActor, (tx) =>
      tx.query("UPDATE actor_groups SET description = 'x' WHERE id = $1 RETURNING id", [local.id]),
    );
    expect(updated).toEqual([]);
  });
});
