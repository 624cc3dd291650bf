import { beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, people, type TestUser, testAppWith } from '../../../../test/harness.ts';

const JEMBER_LESSON = {
  title: 'Broadcast WA sebagai pemicu: hubungi pengurus ranting sebelum malam pengesahan',
  situation:
    'Tiga hari sebelum 1 Suro beredar broadcast WhatsApp yang mengajak anggota balas dendam. Konvoi pengesahan warga baru melewati Kecamatan Tanggul; Dimas, anak yang terluka, dirujuk ke LDP.',
  actionsTaken:
    'Operator menghubungi pengurus ranting kedua perguruan lewat nomor 0812-3456-7890 dan TKSK mengatur pertemuan di balai desa.',
  whatWorked: 'Pertemuan pengurus ranting sebelum malam pengesahan meredakan ketegangan; rute konvoi diubah.',
  whatToAvoid: 'Jangan menunggu konvoi berangkat; jangan menyebarkan ulang broadcast provokatif.',
  conflictType: 'antar_perguruan_silat',
  regionCode: '35.09.06',
  tags: ['1 Suro', 'broadcast WA'],
};

describe('lessons learned (praktik baik)', () => {
  const { t, operatorJember, operatorSitubondo, koordinatorV, koordinatorIV, provinsi, relawan } =
    testAppWith({
      ...people('operatorJember'),
      operatorSitubondo: { role: 'operator', region: '35.12' },
      koordinatorV: PEOPLE.koordinator,
      koordinatorIV: { role: 'koordinator', region: 'IV' },
      ...people('provinsi', 'relawan'),
    });
  let caseId: string;
  let lessonId: string;

  beforeAll(async () => {
    caseId = await t.db.asSystem(async (tx) => {
      const row = await tx.one<{ id: string }>(
        `INSERT INTO cases (title, region_code, kabkota_code, conflict_type, priority, created_by, due_response_at, due_resolve_at)
         VALUES ('Bentrok pengesahan', '35.09.06.2002', '35.09', 'antar_perguruan_silat', 'P1', $1, now(), now()) RETURNING id`,
        [operatorJember.id],
      );
      await tx.query(
        `INSERT INTO vulnerable_people (case_id, full_name, vulnerable_group, guardian_consent, created_by)
         VALUES ($1, 'Dimas Pratama', 'anak', true, $2)`,
        [row!.id, operatorJember.id],
      );
      return row!.id;
    });
  });

  it('lets the Jember operator write a draft linked to the case, warning of a phone number and a child’s name', async () => {
    const res = await t.call(operatorJember, 'POST', '/api/lessons', { ...JEMBER_LESSON, caseIds: [caseId] });
    expect(res.statusCode).toBe(201);
    const lesson = res.json();
    lessonId = lesson.id;
    expect(lesson).toMatchObject({ status: 'draf', kabkotaCode: '35.09', caseIds: [caseId] });
    expect(lesson.cases).toEqual([{ id: caseId, title: 'Bentrok pengesahan' }]);
    expect(lesson.warnings).toEqual(
      expect.arrayContaining([
        { field: 'actionsTaken', kind: 'phone', match: '0812-3456-7890' },
        { field: 'situation', kind: 'child_name', match: 'Dimas' },
      ]),
    );
  });

  it('warns about a child’s name only to a handler of the case: for anyone else it would be an oracle', async () => {
    const guesses = {
      ...JEMBER_LESSON,
      situation: 'Mungkin Dewi, Budi, Dimas atau Sari; siapa anaknya?',
      actionsTaken: 'Operator menghubungi pengurus ranting kedua perguruan.',
    };
    // The koordinator sees the case but does not handle it (not escalated): names are masked for them.
    const people = await t.call(koordinatorV, 'GET', `/api/cases/${caseId}/people`);
    expect(people.json().items[0].fullName).not.toContain('Dimas');
    for (const writer of [koordinatorV, provinsi]) {
      const res = await t.call(writer, 'POST', '/api/lessons', { ...guesses, caseIds: [caseId] });
      expect(res.statusCode).toBe(201);
      expect(res.json().warnings).toEqual([]);
      expect(res.body).not.toContain('child_name');
      // Editing the draft again and again tells nothing either.
      const again = await t.call(writer, 'PATCH', `/api/lessons/${res.json().id}`, {
        version: res.json().version,
        situation: 'Namanya Dimas Pratama',
      });
      expect(again.statusCode).toBe(200);
      expect(again.json().warnings).toEqual([]);
    }
    const handler = await t.call(operatorJember, 'POST', '/api/lessons', { ...guesses, caseIds: [caseId] });
    expect(handler.json().warnings).toEqual([{ field: 'situation', kind: 'child_name', match: 'Dimas' }]);
  });

  it('keeps a draft from other regions and from search until it is published', async () => {
    expect((await t.call(operatorSitubondo, 'GET', `/api/lessons/${lessonId}`)).statusCode).toBe(404);
    expect((await t.call(koordinatorIV, 'GET', `/api/lessons/${lessonId}`)).statusCode).toBe(404);
    const found = (await t.call(operatorSitubondo, 'GET', '/api/lessons?q=konvoi%20pengesahan')).json();
    expect(found.items).toEqual([]);
    expect((await t.call(koordinatorV, 'GET', `/api/lessons/${lessonId}`)).statusCode).toBe(200);
  });

  it('refuses writers without a region role, and the author publishing their own lesson', async () => {
    expect((await t.call(relawan, 'POST', '/api/lessons', JEMBER_LESSON)).statusCode).toBe(403);
    expect(
      (await t.call(operatorJember, 'POST', '/api/lessons', { ...JEMBER_LESSON, regionCode: '35.12' }))
        .statusCode,
    ).toBe(400);
    expect((await t.call(operatorJember, 'POST', `/api/lessons/${lessonId}/publish`, {})).statusCode).toBe(
      403,
    );
  });

  it('holds publishing back while the text looks like personal data, then publishes after the author fixes it', async () => {
    expect((await t.call(operatorJember, 'POST', `/api/lessons/${lessonId}/submit`)).json().status).toBe(
      'diajukan',
    );
    const refused = await t.call(koordinatorV, 'POST', `/api/lessons/${lessonId}/publish`, {});
    expect(refused.statusCode).toBe(409);
    expect(
      refused
        .json()
        .error.details.warnings.map((w: { kind: string }) => w.kind)
        .sort(),
    ).toEqual(['phone']);
    const current = (await t.call(operatorJember, 'GET', `/api/lessons/${lessonId}`)).json();
    const edited = await t.call(operatorJember, 'PATCH', `/api/lessons/${lessonId}`, {
      version: current.version,
      situation: JEMBER_LESSON.situation.replace('Dimas, anak', 'seorang anak'),
      actionsTaken: JEMBER_LESSON.actionsTaken.replace(' lewat nomor 0812-3456-7890', ''),
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().warnings).toEqual([]);
    // Fields the edit does not mention stay as they were: the tags and the linked case.
    expect(edited.json()).toMatchObject({ tags: JEMBER_LESSON.tags, caseIds: [caseId] });
    const stale = await t.call(operatorJember, 'PATCH', `/api/lessons/${lessonId}`, {
      version: current.version,
      title: 'Judul lain sekali',
    });
    expect(stale.statusCode).toBe(409);
    const published = await t.call(koordinatorV, 'POST', `/api/lessons/${lessonId}/publish`, {});
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'terbit' });
    expect(
      (
        await t.call(operatorJember, 'PATCH', `/api/lessons/${lessonId}`, {
          version: published.json().version,
          title: 'Judul baru sekali',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('lets an operator in Situbondo find it by searching "konvoi pengesahan", with the words highlighted', async () => {
    const res = await t.call(operatorSitubondo, 'GET', '/api/lessons?q=konvoi%20pengesahan');
    expect(res.statusCode).toBe(200);
    const [hit] = res.json().items;
    expect(hit.id).toBe(lessonId);
    expect(hit.excerpt).toMatch(/<mark>Konvoi<\/mark> <mark>pengesahan<\/mark>/i);
    expect(hit.titleHighlight).toContain('<mark>pengesahan</mark>');
    // The case behind it stays behind its own visibility: no title for Situbondo.
    const lesson = (await t.call(operatorSitubondo, 'GET', `/api/lessons/${lessonId}`)).json();
    expect(lesson.cases).toEqual([]);
    expect(lesson.warnings).toBeUndefined();
  });

  it('finds stemmed forms and ranks the better match first', async () => {
    const write = async (user: TestUser, fields: Record<string, unknown>) => {
      const created = (await t.call(user, 'POST', '/api/lessons', { ...JEMBER_LESSON, ...fields })).json();
      const res = await t.call(provinsi, 'POST', `/api/lessons/${created.id}/publish`, {
        confirmPersonalData: true,
      });
      expect(res.statusCode).toBe(200);
      return created.id as string;
    };
    const weak = await write(operatorSitubondo, {
      title: 'Dapur umum di balai desa',
      situation: 'Beberapa keluarga mengungsi semalam ke rumah kerabat setelah bentrok suporter.',
      actionsTaken: 'Tagana membuka dapur umum dan mencatat kebutuhan warga terdampak.',
      whatWorked: 'Pencatatan kebutuhan sejak malam pertama.',
      whatToAvoid: 'Jangan menunda distribusi makanan sampai pagi.',
      regionCode: '35.12',
      tags: ['dapur umum', 'lansia'],
    });
    const strong = await write(operatorJember, {
      title: 'Pengungsian lansia dan anak saat bentrok suporter',
      situation: 'Lansia dan anak-anak mengungsi ke masjid; pengungsian berlangsung tiga hari.',
      actionsTaken: 'TKSK mendata pengungsi rentan lebih dulu dan merujuk ke layanan kesehatan.',
      whatWorked: 'Daftar pengungsi rentan dibuat pada jam pertama.',
      whatToAvoid: 'Jangan mencampur pengungsi lansia dengan kerumunan.',
      tags: ['pengungsian', 'lansia'],
      caseIds: [],
    });
    const res = await t.call(operatorSitubondo, 'GET', '/api/lessons?q=pengungsian');
    const ids = res.json().items.map((i: { id: string }) => i.id);
    expect(ids).toEqual([strong, weak]);
    expect(res.json().items[1].excerpt).toContain('<mark>mengungsi</mark>');
    // Every word together finds nothing: any word is enough, and the answer says so.
    const any = (await t.call(relawan, 'GET', '/api/lessons?q=pengungsian%20karapan')).json();
    expect(any.matchedAllWords).toBe(false);
    expect(any.items.map((i: { id: string }) => i.id)).toContain(strong);
  });

  it('finds a lesson by a root word when it holds only derived forms, and by a derived form when it holds the root', async () => {
    const publish = async (fields: Record<string, unknown>) => {
      const created = (
        await t.call(operatorJember, 'POST', '/api/lessons', { ...JEMBER_LESSON, ...fields, caseIds: [] })
      ).json();
      expect(
        (await t.call(provinsi, 'POST', `/api/lessons/${created.id}/publish`, { confirmPersonalData: true }))
          .statusCode,
      ).toBe(200);
      return created.id as string;
    };
    const derived = await publish({
      title: 'Kedua perguruan berdamai di pendapa',
      situation: 'Perdamaian disepakati setelah dua malam bentrok.',
      actionsTaken: 'Tokoh agama mendamaikan pengurus ranting kedua pihak.',
      tags: ['rekonsiliasi'],
    });
    const root = await publish({
      title: 'Warga kembali hidup damai',
      situation: 'Pasar buka lagi setelah kesepakatan warga.',
      tags: ['pasar'],
    });
    const find = async (q: string) =>
      (await t.call(relawan, 'GET', `/api/lessons?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((i: { id: string }) => i.id);
    for (const q of ['damai', 'berdamai', 'perdamaian', 'mendamaikan']) {
      expect(await find(q)).toEqual(expect.arrayContaining([derived, root]));
    }
    const hit = (await t.call(relawan, 'GET', '/api/lessons?q=damai'))
      .json()
      .items.find((i: { id: string }) => i.id === derived);
    expect(hit.titleHighlight).toContain('<mark>berdamai</mark>');
  });

  it('lists the tags of published lessons, most used first, to every signed-in user', async () => {
    const res = await t.call(relawan, 'GET', '/api/lessons/tags');
    expect(res.statusCode).toBe(200);
    const tags = res.json().items as { tag: string; count: number }[];
    expect(tags[0]).toEqual({ tag: 'lansia', count: 2 });
    expect(tags).toEqual(
      expect.arrayContaining([
        { tag: '1 Suro', count: 1 },
        { tag: 'pengungsian', count: 1 },
      ]),
    );
  });

  it('shows published lessons to every signed-in user, and nothing to the signed-out', async () => {
    const list = (await t.call(relawan, 'GET', '/api/lessons')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(lessonId);
    expect((await t.app.inject({ url: '/api/lessons' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/lessons/tags' })).statusCode).toBe(401);
  });
});
