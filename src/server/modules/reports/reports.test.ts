import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CHAIN_MESSAGE_SIGNAL, reportPayload } from '../../../../test/fixtures.ts';
import { people, type TestUser, testAppWith } from '../../../../test/harness.ts';
import { findDuplicatesForUnchecked } from './reports-service.ts';

describe('report intake and handling', () => {
  const { t, relawan, operatorJember, operatorBanyuwangi, mitra } = testAppWith({
    relawan: { role: 'relawan', region: '35.10.01.2001' }, // home in Banyuwangi
    ...people('operatorJember'),
    operatorBanyuwangi: { role: 'operator', region: '35.10' },
    mitra: { partner: 'polres-jember', agencyName: 'Polres Jember', region: '35.09' },
  });

  const post = (user: TestUser, payload: Record<string, unknown>) =>
    t.call(user, 'POST', '/api/reports', payload);

  it('takes a report, triages it P1 with its reasons and sets the acknowledgement deadline', async () => {
    const payload = reportPayload();
    const res = await post(relawan, payload);
    expect(res.statusCode).toBe(201);
    const report = res.json();
    expect(report).toMatchObject({
      id: payload.id,
      status: 'baru',
      priority: 'P1',
      priorityReasons: ['vulnerable_harmed:anak'],
      version: 1,
      regionName: 'Tanggulwetan',
      kabkotaCode: '35.09',
    });
    expect(report.occurredAt).toBe('2026-08-22T21:30:00+07:00');
    const due = new Date(report.dueAcknowledgeAt).getTime() - new Date(report.createdAt).getTime();
    expect(due).toBe(30 * 60_000);
  });

  it('answers a retry with the stored report and keeps one record; a different body with the same id is a conflict', async () => {
    const payload = reportPayload({ kind: 'sinyal', injured: 0, vulnerable: {} });
    expect((await post(relawan, payload)).statusCode).toBe(201);
    const retry = await post(relawan, payload);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(payload.id);
    const count = await t.db.asSystem((tx) =>
      tx.one<{ n: number }>('SELECT count(*)::int AS n FROM reports WHERE id = $1', [payload.id]),
    );
    expect(count?.n).toBe(1);
    const clash = await post(relawan, {
      ...payload,
      description: 'Isi yang lain sama sekali dari sebelumnya.',
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('conflict');
    const otherUser = await post(operatorJember, payload);
    expect(otherUser.statusCode).toBe(409);
  });

  it('names every invalid field', async () => {
    const res = await post(
      relawan,
      reportPayload({
        id: 'bukan-uuid',
        kind: 'gosip',
        regionCode: '33.01',
        injured: -1,
        latitude: -7.2,
        occurredAt: 'kemarin',
        vulnerable: { anak: { harmed: 'tiga' } },
      }),
    );
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['id', 'kind', 'regionCode', 'injured', 'occurredAt', 'vulnerable.anak.harmed']),
    );
  });

  it('refuses a GPS point outside East Java and an unknown region', async () => {
    const far = await post(relawan, reportPayload({ latitude: -6.2, longitude: 106.8 }));
    expect(far.statusCode).toBe(400);
    expect(far.json().error.details.fields.map((f: { path: string }) => f.path)).toContain('longitude');
    const unknown = await post(relawan, reportPayload({ regionCode: '35.09.99.2999' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields[0].path).toBe('regionCode');
  });

  it('refuses the province itself as the place, on intake and on correction, with a 400 naming regionCode', async () => {
    const atProvince = reportPayload({ regionCode: '35' });
    const res = await post(relawan, atProvince);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({ path: 'regionCode' });
    expect((await t.call(operatorJember, 'GET', `/api/reports/${atProvince.id}`)).statusCode).toBe(404);

    const filed = reportPayload({
      ...CHAIN_MESSAGE_SIGNAL,
      regionCode: '35.10.01.2001',
      description: 'Spanduk berisi ejekan dipasang di pertigaan pasar pagi ini.',
    });
    expect((await post(relawan, filed)).statusCode).toBe(201);
    const moved = await t.call(relawan, 'PATCH', `/api/reports/${filed.id}`, {
      version: 1,
      regionCode: '35',
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.details.fields[0]).toMatchObject({ path: 'regionCode' });
    expect((await t.call(relawan, 'GET', `/api/reports/${filed.id}`)).json()).toMatchObject({
      version: 1,
      regionCode: filed.regionCode,
    });
  });

  it('refuses a time in the year 0000, which the database cannot store, with a 400 naming occurredAt', async () => {
    const res = await post(relawan, reportPayload({ occurredAt: '0000-08-22T21:30:00+07:00' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({ path: 'occurredAt' });
  });

  it('lets a relawan report outside their home area and see only their own reports', async () => {
    const mine = reportPayload({ regionCode: '35.09.06.2002' });
    await post(relawan, mine);
    const someoneElses = reportPayload();
    await post(operatorJember, someoneElses);
    const list = (await t.call(relawan, 'GET', '/api/reports')).json();
    const reporterIds = new Set(list.items.map((r: { reporterId: string }) => r.reporterId));
    expect([...reporterIds]).toEqual([relawan.id]);
    expect((await t.call(relawan, 'GET', `/api/reports/${someoneElses.id}`)).statusCode).toBe(404);
  });

  it('puts the report in the inbox of its region, not of the reporter home region', async () => {
    const payload = reportPayload();
    await post(relawan, payload);
    const jember = (await t.call(operatorJember, 'GET', '/api/reports?status=baru&limit=100')).json();
    expect(jember.items.map((r: { id: string }) => r.id)).toContain(payload.id);
    const res = await t.call(operatorBanyuwangi, 'GET', `/api/reports/${payload.id}`);
    expect(res.statusCode).toBe(404);
    expect((await t.call(mitra, 'GET', `/api/reports/${payload.id}`)).statusCode).toBe(404);
  });

  it('sorts by priority then time, pages with a cursor and filters', async () => {
    const low = reportPayload({ kind: 'sinyal', injured: 0, vulnerable: {}, regionCode: '35.09.01.2001' });
    await post(operatorJember, low);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/reports?region=35.09&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.call(operatorJember, 'GET', url)).json();
      seen.push(...page.items.map((r: { priority: string }) => r.priority));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(seen.at(-1)).toBe('P4');
    const vulnerable = (await t.call(operatorJember, 'GET', '/api/reports?vulnerable=true&limit=100')).json();
    expect(vulnerable.items.every((r: { priority: string }) => r.priority !== 'P4')).toBe(true);
    const search = (
      await t.call(operatorJember, 'GET', `/api/reports?q=${encodeURIComponent('bentrok perguruan')}`)
    ).json();
    expect(search.items.length).toBeGreaterThan(0);
  });

  it('finds a report by the root of a word it carries in a derived form, and the other way round', async () => {
    const derived = reportPayload({
      description: 'Dua kelompok pemuda akhirnya berdamai setelah mediasi di balai desa.',
    });
    const root = reportPayload({
      description: 'Suasana kembali damai setelah tokoh agama turun tangan di pasar.',
    });
    await post(operatorJember, derived);
    await post(operatorJember, root);
    const ids = async (q: string) =>
      (await t.call(operatorJember, 'GET', `/api/reports?q=${encodeURIComponent(q)}&limit=100`))
        .json()
        .items.map((r: { id: string }) => r.id);
    expect(await ids('damai')).toEqual(expect.arrayContaining([derived.id, root.id]));
    expect(await ids('perdamaian')).toEqual(expect.arrayContaining([derived.id, root.id]));
    expect(await ids('damai pasar')).toEqual([root.id]);
  });

  it('refuses an amendment from a stale version and keeps the history', async () => {
    const payload = reportPayload({ kind: 'sinyal', injured: 0, vulnerable: {} });
    await post(relawan, payload);
    const first = await t.call(relawan, 'PATCH', `/api/reports/${payload.id}`, {
      version: 1,
      violenceOngoing: true,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, priority: 'P1', priorityReasons: ['violence_ongoing'] });
    const stale = await t.call(operatorJember, 'PATCH', `/api/reports/${payload.id}`, {
      version: 1,
      injured: 4,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const history = (await t.call(relawan, 'GET', `/api/reports/${payload.id}/amendments`)).json();
    expect(history.items).toEqual([
      expect.objectContaining({ version: 2, changes: { violenceOngoing: { before: false, after: true } } }),
    ]);
  });

  it('lets an operator acknowledge and verify; rejection needs a reason; a relawan may not verify', async () => {
    const payload = reportPayload();
    await post(relawan, payload);
    const byRelawan = await t.call(relawan, 'POST', `/api/reports/${payload.id}/verification`, {
      status: 'terverifikasi',
    });
    expect(byRelawan.statusCode).toBe(403);
    const ack = await t.call(operatorJember, 'POST', `/api/reports/${payload.id}/acknowledgement`);
    expect(ack.statusCode).toBe(200);
    expect(ack.json().acknowledgedAt).toBeTruthy();
    const noReason = await t.call(operatorJember, 'POST', `/api/reports/${payload.id}/verification`, {
      status: 'ditolak',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields[0].path).toBe('reason');
    const verified = await t.call(operatorJember, 'POST', `/api/reports/${payload.id}/verification`, {
      status: 'terverifikasi',
    });
    expect(verified.json()).toMatchObject({ status: 'terverifikasi' });
    const outOfScope = await t.call(operatorBanyuwangi, 'POST', `/api/reports/${payload.id}/acknowledgement`);
    expect(outOfScope.statusCode).toBe(404);
  });

  it('marks a duplicate of another report', async () => {
    const original = reportPayload();
    const copy = reportPayload();
    await post(relawan, original);
    await post(relawan, copy);
    const res = await t.call(operatorJember, 'POST', `/api/reports/${copy.id}/verification`, {
      status: 'duplikat',
      duplicateOf: original.id,
    });
    expect(res.json()).toMatchObject({ status: 'duplikat', duplicateOf: original.id });
  });

  it('suggests duplicates in the background job, not in the intake request', async () => {
    const first = reportPayload({ regionCode: '35.09.06.2001', occurredAt: '2026-08-22T20:00:00+07:00' });
    const second = reportPayload({
      regionCode: '35.09.06.2003',
      occurredAt: '2026-08-23T01:00:00+07:00',
      description: 'Bentrok dua kelompok perguruan silat dekat balai desa sesudah konvoi malam.',
    });
    const elsewhere = reportPayload({ regionCode: '35.09.01.2001' });
    for (const p of [first, second, elsewhere]) await post(relawan, p);
    const unchecked = await t.db.asSystem((tx) =>
      tx.one<{ n: number }>(
        'SELECT count(*)::int AS n FROM reports WHERE id = $1 AND dedup_checked_at IS NULL',
        [second.id],
      ),
    );
    expect(unchecked?.n).toBe(1);
    expect(await findDuplicatesForUnchecked(t.db)).toBeGreaterThanOrEqual(3); // what the job runs
    const res = await t.call(operatorJember, 'GET', `/api/reports/${second.id}/duplicates`);
    const candidates = res.json().items.map((s: { candidateId: string }) => s.candidateId);
    expect(candidates).toContain(first.id);
    expect(candidates).not.toContain(elsewhere.id);
  });

  it('records an audit entry for each change', async () => {
    const payload = reportPayload();
    await post(relawan, payload);
    await t.call(operatorJember, 'POST', `/api/reports/${payload.id}/acknowledgement`);
    const actions = await t.audit({ subjectId: payload.id as string });
    expect(actions.map((a) => a.action)).toEqual(['report.created', 'report.acknowledged']);
  });

  describe('photos', () => {
    const putPhoto = (
      user: TestUser,
      reportId: string,
      photoId: string,
      bytes: Buffer,
      type = 'image/jpeg',
    ) => t.call(user, 'PUT', `/api/reports/${reportId}/photos/${photoId}`, bytes, { 'content-type': type });
    const jpeg = () =>
      sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
        .withMetadata({ exif: { IFD0: { Make: 'Ponsel', Software: 'Kamera 1.0' } } })
        .jpeg()
        .toBuffer();

    it('re-encodes a photo: HTML appended to a JPEG and its EXIF are gone, the image remains', async () => {
      const payload = reportPayload();
      expect((await post(relawan, payload)).statusCode).toBe(201);
      const original = await jpeg();
      expect(original.includes('Ponsel')).toBe(true);
      const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
      const photoId = randomUUID();
      const res = await putPhoto(relawan, payload.id as string, photoId, Buffer.concat([original, html]));
      expect(res.statusCode).toBe(201);
      const stored = await t.call(operatorJember, 'GET', `/api/reports/${payload.id}/photos/${photoId}`);
      expect(stored.statusCode).toBe(200);
      expect(stored.headers['content-type']).toBe('image/jpeg');
      expect(stored.rawPayload.includes('<script>')).toBe(false);
      expect(stored.rawPayload.includes('Ponsel')).toBe(false);
      expect(await sharp(stored.rawPayload).metadata()).toMatchObject({
        format: 'jpeg',
        width: 64,
        height: 48,
      });
      // The same upload again is recognised: one photo.
      const retried = await putPhoto(relawan, payload.id as string, photoId, Buffer.concat([original, html]));
      expect(retried.statusCode).toBe(200);
    });

    it('refuses a file that only starts like an image: a 9-byte "PNG", a truncated JPEG, text', async () => {
      const payload = reportPayload();
      expect((await post(relawan, payload)).statusCode).toBe(201);
      const png9 = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
      const tiny = await putPhoto(relawan, payload.id as string, randomUUID(), png9, 'image/png');
      expect(tiny.statusCode).toBe(400);
      expect(tiny.json().error.code).toBe('validation_failed');
      const whole = await jpeg();
      const truncated = await putPhoto(relawan, payload.id as string, randomUUID(), whole.subarray(0, 200));
      expect(truncated.statusCode).toBe(400);
      const text = await putPhoto(relawan, payload.id as string, randomUUID(), Buffer.from('<html></html>'));
      expect(text.statusCode).toBe(415);
      expect(text.json().error.code).toBe('unsupported_media_type');
    });

    it('answers a photo id used by a report one cannot see as any new id: no 500, nothing revealed', async () => {
      const jember = reportPayload();
      expect((await post(relawan, jember)).statusCode).toBe(201);
      const banyuwangi = reportPayload({ regionCode: '35.10.01.2001' });
      expect((await post(operatorBanyuwangi, banyuwangi)).statusCode).toBe(201);
      const photoId = randomUUID();
      const first = await putPhoto(operatorBanyuwangi, banyuwangi.id as string, photoId, await jpeg());
      expect(first.statusCode).toBe(201);
      const other = await putPhoto(operatorJember, jember.id as string, photoId, await jpeg());
      expect(other.statusCode).toBe(201);
      expect(other.json()).toMatchObject({ id: photoId, created: true });
      // Each report keeps its own photo under that id.
      const seen = await t.call(operatorJember, 'GET', `/api/reports/${banyuwangi.id}/photos/${photoId}`);
      expect(seen.statusCode).toBe(404);
    });
  });
});
