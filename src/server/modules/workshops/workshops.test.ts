import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, people, type TestUser, testAppWith } from '../../../../test/harness.ts';
import { fakeClock } from '../../platform/clock.ts';
import { runWorkshopReminders } from './workshops-service.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('workshops (rapat koordinasi / workshop evaluasi)', () => {
  const clock = fakeClock(new Date('2026-03-01T09:00:00+07:00'));
  const { t, koordinatorV, koordinatorIII, koordinatorIV, provinsi, operatorJember, operatorLumajang } =
    testAppWith(
      {
        koordinatorV: PEOPLE.koordinator,
        koordinatorIII: { role: 'koordinator', region: 'III' },
        koordinatorIV: { role: 'koordinator', region: 'IV' },
        ...people('provinsi'),
        operatorJember: { role: 'operator', region: '35.09', displayName: 'Operator Jember' },
        operatorLumajang: { role: 'operator', region: '35.08' },
      },
      { clock },
    );
  let workshop: { id: string; version: number };
  let hasPillars: boolean;

  const notifications = async (user: TestUser, kind: string) =>
    (
      await t.db.asSystem((tx) =>
        tx.query<{ title: string }>('SELECT title FROM notifications WHERE user_id = $1 AND kind = $2', [
          user.id,
          kind,
        ]),
      )
    ).map((n) => n.title);

  /** Uploads a material of the workshop as its koordinator. */
  const upload = (name: string, contentType: string, payload: Buffer | string) =>
    t.call(
      koordinatorV,
      'POST',
      `/api/workshops/${workshop.id}/materials?name=${encodeURIComponent(name)}`,
      payload,
      { 'content-type': contentType },
    );
  /** Plans a workshop as `user`; it starts on 20 March at 09:00 unless `fields` say otherwise. */
  const plan = (user: TestUser, fields: Record<string, unknown>) =>
    t.call(user, 'POST', '/api/workshops', { startsAt: '2026-03-20T09:00:00+07:00', ...fields });
  /** Downloads a material of the workshop as an operator of Jember. */
  const download = (id: string) =>
    t.call(operatorJember, 'GET', `/api/workshops/${workshop.id}/materials/${id}`);

  beforeAll(async () => {
    hasPillars = (await t.db.asSystem((tx) =>
      tx.one<{ ok: boolean }>(`SELECT to_regclass('public.pillars') IS NOT NULL AS ok`),
    ))!.ok;
  });

  it('lets the koordinator plan the Bakorwil V workshop, linked to the evaluation it discusses', async () => {
    const res = await plan(koordinatorV, {
      topic: 'Workshop Pencegahan Konflik Sosial bagi Kelompok Rentan',
      startsAt: '2026-03-08T09:00:00+07:00',
      place: 'Aula Bakorwil V Jember',
      bakorwilId: 'V',
      facilitators: ['Kepala Bakorwil V', 'Bidang Penanganan Bencana Dinsos Jatim'],
      evaluation: { scope: 'V', from: '2025-10-01', to: '2025-12-31' },
    });
    expect(res.statusCode).toBe(201);
    workshop = res.json();
    expect(res.json()).toMatchObject({
      areaName: 'Bakorwil V Jember',
      status: 'direncanakan',
      startsAt: '2026-03-08T09:00:00+07:00',
      evaluationLink: '/api/evaluations/summary?scope=V&from=2025-10-01&to=2025-12-31',
      canManage: true,
    });
  });

  it("shows it to the Bakorwil's operators but lets only its koordinator run it; other Bakorwil do not see it", async () => {
    const seen = await t.call(operatorJember, 'GET', `/api/workshops/${workshop.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().canManage).toBe(false);
    expect(
      (
        await t.call(operatorJember, 'PATCH', `/api/workshops/${workshop.id}`, {
          version: 1,
          place: 'Pendopo',
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.call(koordinatorIII, 'GET', `/api/workshops/${workshop.id}`)).statusCode).toBe(404);
    // An operator plans for their own kab/kota, not for the Bakorwil.
    const jemberPlans = [
      { topic: 'Rapat koordinasi pilar Jember', area: { kabkotaCode: '35.09' }, status: 201 },
      { topic: 'Rapat koordinasi Bakorwil', area: { bakorwilId: 'V' }, status: 403 },
    ];
    for (const { topic, area, status } of jemberPlans) {
      const res = await plan(operatorJember, { topic, place: 'Dinsos Jember', ...area });
      expect({ topic, status: res.statusCode }).toEqual({ topic, status });
    }
  });

  it('lets its koordinator change one detail, keeping the others, and unlink the evaluation with a null', async () => {
    const moved = await t.call(koordinatorV, 'PATCH', `/api/workshops/${workshop.id}`, {
      version: 1,
      place: 'Pendopo Bakorwil V',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      topic: 'Workshop Pencegahan Konflik Sosial bagi Kelompok Rentan',
      place: 'Pendopo Bakorwil V',
      startsAt: '2026-03-08T09:00:00+07:00',
      facilitators: ['Kepala Bakorwil V', 'Bidang Penanganan Bencana Dinsos Jatim'],
      status: 'direncanakan',
      evaluationLink: '/api/evaluations/summary?scope=V&from=2025-10-01&to=2025-12-31',
      version: 2,
    });
    const unlinked = await t.call(koordinatorV, 'PATCH', `/api/workshops/${workshop.id}`, {
      version: 2,
      evaluation: null,
    });
    expect(unlinked.statusCode, unlinked.body).toBe(200);
    expect(unlinked.json()).toMatchObject({ place: 'Pendopo Bakorwil V', evaluationLink: null, version: 3 });
    workshop = unlinked.json();
  });

  it('invites operators of the area and pillars from the registry, and records attendance', async () => {
    if (hasPillars) {
      await t.db.asSystem((tx) =>
        tx.query(
          `INSERT INTO pillars (pillar_type, name, name_key, home_region_code) VALUES
             ('tksk', 'Budi Hartono', 'budi hartono', '35.09.06.2002'), ('tksk', 'Wati', 'wati', '35.78.01.1001')`,
        ),
      );
    }
    const res = await t.call(koordinatorV, 'POST', `/api/workshops/${workshop.id}/participants`, {
      users: { role: 'operator' },
      ...(hasPillars ? { pillars: { pillarType: 'tksk' } } : {}),
    });
    expect(res.statusCode).toBe(200);
    const names = res.json().participants.map((p: { name: string }) => p.name);
    expect(names).toContain('Operator Jember');
    expect(res.json().participants.some((p: { userId: string }) => p.userId === operatorLumajang.id)).toBe(
      true,
    );
    if (hasPillars) {
      expect(names).toContain('Budi Hartono');
      expect(names).not.toContain('Wati'); // Surabaya is not in Bakorwil V
    }
    expect(await notifications(operatorJember, 'workshop.invited')).toEqual([
      'Undangan: Workshop Pencegahan Konflik Sosial bagi Kelompok Rentan',
    ]);
    const again = await t.call(koordinatorV, 'POST', `/api/workshops/${workshop.id}/participants`, {
      userIds: [operatorJember.id],
    });
    expect(
      again.json().participants.filter((p: { userId: string }) => p.userId === operatorJember.id),
    ).toHaveLength(1);
    const jember = again.json().participants.find((p: { userId: string }) => p.userId === operatorJember.id);
    const present = await t.call(
      koordinatorV,
      'PUT',
      `/api/workshops/${workshop.id}/participants/${jember.id}/attendance`,
      {
        attendance: 'hadir',
      },
    );
    expect(present.json().participants.find((p: { id: string }) => p.id === jember.id)).toMatchObject({
      attendance: 'hadir',
      attendanceAt: '2026-03-01T09:00:00+07:00',
    });
    const outsider = await t.call(koordinatorV, 'POST', `/api/workshops/${workshop.id}/participants`, {
      users: { role: 'operator', region: '35.78' },
    });
    expect(outsider.statusCode).toBe(400);
  });

  it('keeps materials up to 10 MB and hands them back unchanged', async () => {
    const up = await upload('Optimalisasi Sinergitas.pdf', 'application/pdf', PDF);
    expect(up.statusCode).toBe(201);
    const down = await download(up.json().id);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PDF)).toBe(true);
    expect((await upload('a.txt', 'text/plain', 'catatan')).statusCode).toBe(415);
    const big = await upload('besar.pdf', 'application/pdf', Buffer.alloc(10 * 1024 * 1024 + 1, 1));
    expect(big.statusCode).toBe(413);
  });

  it('checks materials by their content: HTML sent as a PDF and a renamed file are refused', async () => {
    const html = await upload('undangan.pdf', 'application/pdf', '<html><script>alert(1)</script></html>');
    expect(html.statusCode).toBe(415);
    expect(html.json().error.code).toBe('unsupported_media_type');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Peserta').addRow(['Nama', 'Instansi']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect((await upload('peserta.xlsx', XLSX, xlsx)).statusCode).toBe(201);
    expect((await upload('peserta.docx', DOCX, xlsx)).statusCode).toBe(415);
    expect((await upload('gambar.png', 'image/png', PDF)).statusCode).toBe(415);
  });

  it('downloads a material with a non-ASCII name under a valid Content-Disposition', async () => {
    const name = 'Материал "rapat" Ä.pdf';
    const up = await upload(name, 'application/pdf', PDF);
    expect(up.statusCode).toBe(201);
    const down = await download(up.json().id);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PDF)).toBe(true);
    const disposition = String(down.headers['content-disposition']);
    expect(disposition).toMatch(
      /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/,
    );
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe(up.json().fileName);
    expect(up.json().fileName).toContain('Материал');
  });

  it('tracks outcomes as action items with an owner and a due date until done', async () => {
    const res = await t.call(koordinatorV, 'POST', `/api/workshops/${workshop.id}/actions`, {
      description: 'Petakan kecamatan tanpa TKSK dan usulkan penambahan',
      ownerUserId: operatorJember.id,
      dueOn: '2026-04-30',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ ownerName: 'Operator Jember', status: 'terbuka', isOverdue: false });
    expect(await notifications(operatorJember, 'workshop.action_assigned')).toHaveLength(1);
    clock.set(new Date('2026-05-02T08:00:00+07:00'));
    const mine = (await t.call(operatorJember, 'GET', '/api/workshop-actions?mine=true')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0].isOverdue).toBe(true);
    expect(
      (await t.call(operatorLumajang, 'POST', `/api/workshop-actions/${mine[0].id}/done`, {})).statusCode,
    ).toBe(403);
    const done = await t.call(operatorJember, 'POST', `/api/workshop-actions/${mine[0].id}/done`, {
      note: 'Usulan dikirim',
    });
    expect(done.json()).toMatchObject({ status: 'selesai', doneNote: 'Usulan dikirim', isOverdue: false });
    expect((await t.call(operatorJember, 'GET', '/api/workshop-actions?mine=true')).json().items).toEqual([]);
    clock.set(new Date('2026-03-01T09:00:00+07:00'));
  });

  it('lists workshops with attendance and open action items, and every open item with its workshop', async () => {
    const late = await t.call(koordinatorV, 'POST', `/api/workshops/${workshop.id}/actions`, {
      description: 'Kirim notulen workshop ke semua peserta',
      ownerName: 'Sekretariat Bakorwil V',
      dueOn: '2026-02-20',
    });
    expect(late.statusCode).toBe(201);
    expect(late.json().isOverdue).toBe(true);
    const list = await t.call(operatorJember, 'GET', '/api/workshops');
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((w: { id: string }) => w.id === workshop.id);
    expect(item).toMatchObject({ attendedCount: 1, openActionCount: 1, overdueActionCount: 1 });
    expect(item.participantCount).toBeGreaterThanOrEqual(2);
    const open = (await t.call(koordinatorV, 'GET', '/api/workshop-actions')).json().items;
    expect(open).toEqual([
      expect.objectContaining({
        id: late.json().id,
        workshopTopic: 'Workshop Pencegahan Konflik Sosial bagi Kelompok Rentan',
        workshopStartsAt: '2026-03-08T09:00:00+07:00',
      }),
    ]);
    const dropped = await t.call(koordinatorV, 'POST', `/api/workshop-actions/${late.json().id}/done`, {
      status: 'batal',
      note: 'Notulen dibagikan saat rapat',
    });
    expect(dropped.json()).toMatchObject({ status: 'batal', isOverdue: false });
  });

  it('reminds the koordinator and the province when a Bakorwil had no workshop for a quarter, once', async () => {
    // Bakorwil III has one planned for the new quarter: no reminder for it.
    const planned = await plan(koordinatorIII, {
      topic: 'Workshop evaluasi triwulan I Bakorwil III',
      startsAt: '2026-05-20T09:00:00+07:00',
      place: 'Bakorwil III Malang',
      bakorwilId: 'III',
    });
    expect(planned.statusCode).toBe(201);
    const reminderClock = fakeClock(new Date('2026-04-02T07:00:00+07:00'));
    const first = await runWorkshopReminders(t.db, reminderClock);
    expect(first).toEqual({ quarter: '2026-Q1', reminded: ['I', 'II', 'IV'] });
    expect(await notifications(koordinatorIV, 'workshop.reminder')).toEqual([
      'Bakorwil IV Pamekasan: belum ada workshop evaluasi Triwulan I 2026',
    ]);
    expect(await notifications(provinsi, 'workshop.reminder')).toHaveLength(3);
    expect(await notifications(koordinatorV, 'workshop.reminder')).toEqual([]);
    reminderClock.advanceMinutes(24 * 60);
    expect((await runWorkshopReminders(t.db, reminderClock)).reminded).toEqual([]);
    expect(await notifications(provinsi, 'workshop.reminder')).toHaveLength(3);
  });

  it("shows each Bakorwil's quarterly routine: workshops this quarter, and the reminder sent for the last", async () => {
    const own = (await t.call(koordinatorV, 'GET', '/api/workshops/routine')).json();
    expect(own).toEqual({
      quarter: { from: '2026-01-01', to: '2026-03-31' },
      previousQuarter: { from: '2025-10-01', to: '2025-12-31' },
      areas: [
        {
          bakorwilId: 'V',
          name: 'Bakorwil V Jember',
          workshopsThisQuarter: 1,
          canPlan: true,
          reminder: null,
        },
      ],
    });
    const seenByOperator = (await t.call(operatorJember, 'GET', '/api/workshops/routine')).json().areas;
    expect(seenByOperator).toEqual([expect.objectContaining({ bakorwilId: 'V', canPlan: false })]);
    clock.set(new Date('2026-04-03T08:00:00+07:00'));
    const province = (await t.call(provinsi, 'GET', '/api/workshops/routine')).json();
    expect(province.quarter).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(province.areas.map((a: { bakorwilId: string }) => a.bakorwilId)).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
    ]);
    const iv = province.areas.find((a: { bakorwilId: string }) => a.bakorwilId === 'IV');
    expect(iv).toMatchObject({
      workshopsThisQuarter: 0,
      canPlan: true,
      reminder: { quarter: '2026-Q1', sentAt: '2026-04-02T07:00:00+07:00' },
    });
    expect(province.areas.find((a: { bakorwilId: string }) => a.bakorwilId === 'III')).toMatchObject({
      workshopsThisQuarter: 1,
      reminder: null,
    });
    clock.set(new Date('2026-03-01T09:00:00+07:00'));
  });

  it('refuses field volunteers and mitra', async () => {
    const relawan = await t.user({ role: 'relawan', region: '35.09.06.2002' });
    const res = await plan(relawan, {
      topic: 'Rapat relawan desa',
      place: 'Balai desa',
      kabkotaCode: '35.09',
    });
    expect(res.statusCode).toBe(403);
    expect((await t.call(relawan, 'GET', `/api/workshops/${workshop.id}`)).statusCode).toBe(404);
    // No region scope, no Bakorwil routine to see.
    expect((await t.call(relawan, 'GET', '/api/workshops/routine')).json().areas).toEqual([]);
    expect((await t.app.inject({ url: '/api/workshops/routine' })).statusCode).toBe(401);
  });
});
