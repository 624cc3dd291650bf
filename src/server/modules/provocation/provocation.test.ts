import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { people, type TestUser, testAppWith } from '../../../../test/harness.ts';
import { fakeClock } from '../../platform/clock.ts';
import { runEscalation } from '../escalation/escalation-service.ts';

const MESSAGE =
  'AWAS!!! Malam ini warga perguruan sebelah akan menyerang Desa Tanggul Kulon, siapkan diri dan balas dendam untuk saudara kita yang dipukuli kemarin';

/** A screenshot-like picture: bands and a block whose place depends on `seed`. */
async function picture(seed: number, width = 360, height = 640): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 360 640">
    <rect width="360" height="640" fill="#eee"/>
    <rect x="${20 + seed * 37}" y="${60 + seed * 53}" width="200" height="160" fill="#222"/>
    <rect x="0" y="${400 - seed * 90}" width="360" height="60" fill="#777"/>
    <circle cx="${300 - seed * 70}" cy="${540 - seed * 40}" r="50" fill="#444"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe('provocation watch', () => {
  const clock = fakeClock(new Date('2026-07-01T01:00:00Z'));
  const { t, operator, operatorSitubondo, koordinator, polres } = testAppWith(
    {
      ...people('operator'),
      operatorSitubondo: { role: 'operator', region: '35.12' },
      ...people('koordinator'),
      polres: { partner: 'polres-jember', agencyName: 'Polres Jember', region: '35.09' },
    },
    { clock },
  );
  let itemId: string;
  let caseId: string;
  let groupId: string;

  const sighting = (user: TestUser, fields: Record<string, unknown>) =>
    t.call(user, 'POST', '/api/provocation/sightings', {
      id: randomUUID(),
      platform: 'whatsapp',
      seenAt: '2026-07-01T08:00:00+07:00',
      regionCodes: ['35.09.06.2002'],
      ...fields,
    });
  const upload = (user: TestUser, id: string, bytes: Buffer, type = 'image/png') =>
    t.call(user, 'PUT', `/api/provocation/sightings/${id}/screenshot`, bytes, { 'content-type': type });

  beforeAll(async () => {
    ({ caseId, groupId } = await t.db.asSystem(async (tx) => {
      const c = await tx.one<{ id: string }>(
        `INSERT INTO cases (title, region_code, kabkota_code, conflict_type, priority, created_by, due_response_at, due_resolve_at)
         VALUES ('Ketegangan pascabentrok', '35.09.06.2002', '35.09', 'antar_perguruan_silat', 'P2', $1, now() + interval '1 day', now() + interval '7 days') RETURNING id`,
        [operator.id],
      );
      const a = await tx.one<{ id: string }>(
        `INSERT INTO actor_groups (kind, name, short_name, name_key) VALUES ('perguruan_silat', 'Perguruan Uji A', 'PUA', 'perguruanujia') RETURNING id`,
      );
      const b = await tx.one<{ id: string }>(
        `INSERT INTO actor_groups (kind, name, short_name, name_key) VALUES ('perguruan_silat', 'Perguruan Uji B', 'PUB', 'perguruanujib') RETURNING id`,
      );
      const [ga, gb] = [a!.id, b!.id].sort();
      await tx.query('INSERT INTO actor_group_rivalries (group_a, group_b, status) VALUES ($1, $2, $3)', [
        ga,
        gb,
        'aktif',
      ]);
      return { caseId: c!.id, groupId: a!.id };
    }));
  });

  it('merges three forwarded variants of one message into one item; a different message stays apart', async () => {
    const first = await sighting(operator, { text: MESSAGE, posterAccount: '@pendekar_tanggul' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ merged: false });
    itemId = first.json().itemId;
    const variants = [
      `Diteruskan\n🔥🔥 ${MESSAGE.toLowerCase()} 🔥🔥`,
      `[Forwarded many times]\n${MESSAGE.replace(/ /g, '   ')} !!! 🙏`,
      `${MESSAGE.replace('warga perguruan sebelah', 'warga prguruan sebelah')} SEBARKAN`,
    ];
    for (const [i, text] of variants.entries()) {
      const res = await sighting(operator, {
        text,
        regionCodes: [i === 2 ? '35.09.07.2001' : '35.09.06.2002'],
        seenAt: `2026-07-01T${10 + i}:00:00+07:00`,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ itemId, merged: true });
    }
    const other = await sighting(operator, {
      text: 'Jadwal pengajian akbar di alun-alun Jember hari Minggu pagi, semua warga diundang hadir bersama keluarga',
    });
    expect(other.json()).toMatchObject({ merged: false });
    expect(other.json().itemId).not.toBe(itemId);

    const item = (await t.call(operator, 'GET', `/api/provocation/items/${itemId}`)).json();
    expect(item.sightings).toHaveLength(4);
    expect(item.spread).toMatchObject({ sightings: 4, within48h: 4, hoursSpan: 4 });
    expect(item.spread.kecamatan.map((k: { code: string }) => k.code)).toEqual(['35.09.06', '35.09.07']);
    expect(item.sightings[0].posterAccount).toBe('@pendekar_tanggul');
  });

  it('joins by normalised link and answers a retry with the first result, never twice', async () => {
    const id = randomUUID();
    const payload = {
      id,
      platform: 'facebook',
      seenAt: '2026-07-01T09:00:00+07:00',
      regionCodes: ['35.09.06'],
      links: ['https://m.facebook.com/story.php?story_fbid=9&id=7&mibextid=abc'],
    };
    const first = await t.call(operator, 'POST', '/api/provocation/sightings', payload);
    const again = await t.call(operator, 'POST', '/api/provocation/sightings', payload);
    expect(again.json()).toEqual(first.json());
    const byLink = await sighting(operator, {
      platform: 'facebook',
      links: ['HTTPS://www.facebook.com/story.php?id=7&story_fbid=9&fbclid=IwAR'],
    });
    expect(byLink.json()).toMatchObject({ itemId: first.json().itemId, merged: true });
    const changed = await t.call(operator, 'POST', '/api/provocation/sightings', {
      ...payload,
      text: 'lain',
    });
    expect(changed.statusCode).toBe(409);
  });

  it('answers a sighting sent twice at once with one result for both, kept once', async () => {
    const payload = {
      id: randomUUID(),
      platform: 'tiktok',
      seenAt: '2026-07-01T09:30:00+07:00',
      regionCodes: ['35.09.06'],
      text: 'Video ajakan konvoi tengah malam ke perbatasan kecamatan, bawa atribut lengkap dan jangan takut aparat',
    };
    const both = await Promise.all([
      t.call(operator, 'POST', '/api/provocation/sightings', payload),
      t.call(operator, 'POST', '/api/provocation/sightings', payload),
    ]);
    expect(both.map((res) => res.statusCode)).toEqual([201, 201]);
    expect(both[1].json()).toEqual(both[0].json());
    const { itemId: kept } = both[0].json();
    expect(await t.audit({ subjectId: kept, action: 'provocation.sighting_recorded' })).toHaveLength(1);
    const items = await t.db.asSystem((tx) =>
      tx.query('SELECT id FROM provocation_items WHERE title LIKE $1', ['Video ajakan konvoi%']),
    );
    expect(items).toHaveLength(1);
  });

  it('merges two screenshots of one image and keeps a different image apart, metadata stripped', async () => {
    const original = await picture(0);
    const resized = await sharp(original).resize(300, 533).jpeg({ quality: 60 }).withMetadata().toBuffer();
    const a = (
      await sighting(operator, { links: ['https://tiktok.com/@a/video/1'], platform: 'tiktok' })
    ).json();
    expect((await upload(operator, a.id, original)).json()).toMatchObject({
      merged: false,
      itemId: a.itemId,
    });
    const b = (
      await sighting(operator, { links: ['https://tiktok.com/@b/video/2'], platform: 'tiktok' })
    ).json();
    const joined = await upload(operator, b.id, resized, 'image/jpeg');
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toMatchObject({ merged: true, itemId: a.itemId });
    const c = (
      await sighting(operator, { links: ['https://tiktok.com/@c/video/3'], platform: 'tiktok' })
    ).json();
    expect((await upload(operator, c.id, await picture(3))).json()).toMatchObject({
      merged: false,
      itemId: c.itemId,
    });

    const shot = await t.call(operator, 'GET', `/api/provocation/sightings/${b.id}/screenshot`);
    expect(shot.statusCode).toBe(200);
    expect((await sharp(shot.rawPayload).metadata()).exif).toBeUndefined();
    expect(
      (await t.call(operatorSitubondo, 'GET', `/api/provocation/sightings/${b.id}/screenshot`)).statusCode,
    ).toBe(404);
    const merged = (await t.call(operator, 'GET', `/api/provocation/items/${a.itemId}`)).json();
    expect(merged.sightings).toHaveLength(2);
    expect((await t.call(operator, 'GET', `/api/provocation/items/${b.itemId}`)).statusCode).toBe(404);
  });

  it('shows an item only in the regions where it circulates, and masks posters for a koordinator', async () => {
    expect((await t.call(operatorSitubondo, 'GET', `/api/provocation/items/${itemId}`)).statusCode).toBe(404);
    const list = (await t.call(operatorSitubondo, 'GET', '/api/provocation/items')).json();
    expect(list.items).toEqual([]);
    const seen = (await t.call(koordinator, 'GET', `/api/provocation/items/${itemId}`)).json();
    expect(seen.sightings[0].posterAccount).toBe('@•••l');
    const outside = await sighting(operator, { text: MESSAGE, regionCodes: ['35.12.01'] });
    expect(outside.statusCode).toBe(400);
  });

  it('starts a shorter deadline for a group in an active rivalry and escalates it when missed', async () => {
    const assessed = await t.call(operator, 'POST', `/api/provocation/items/${itemId}/assessment`, {
      assessment: 'provokasi',
      note: 'Ajakan balas dendam',
      groupIds: [groupId],
    });
    expect(assessed.statusCode).toBe(200);
    // 12 hours for provocation, halved for a group in an active rivalry: 08:00 WIB + 6 h
    expect(assessed.json()).toMatchObject({ dueAt: '2026-07-01T14:00:00+07:00', handlingLevel: 'kabkota' });
    clock.advanceMinutes(5 * 60);
    expect((await runEscalation(t.db, clock)).provocation).toBe(0);
    clock.advanceMinutes(61);
    expect((await runEscalation(t.db, clock)).provocation).toBe(1);
    const after = (await t.call(operator, 'GET', `/api/provocation/items/${itemId}`)).json();
    expect(after.handlingLevel).toBe('bakorwil');
    const inbox = (await t.call(koordinator, 'GET', '/api/notifications')).json();
    const escalated = inbox.items.find((n: { kind: string }) => n.kind === 'provocation.escalated');
    expect(escalated?.body).toBe('Tenggat tanggapan terlewat; kini ditangani Bakorwil.');
  });

  it('has a counter-message reviewed by someone else, which meets the deadline', async () => {
    const drafted = await t.call(operator, 'POST', `/api/provocation/items/${itemId}/counter-messages`, {
      body: 'Kabar penyerangan malam ini tidak benar. Polres dan pengurus kedua perguruan sudah bertemu.',
      carrier: 'pengurus_perguruan',
      carrierName: 'Ketua cabang',
    });
    expect(drafted.statusCode).toBe(201);
    const counterId = drafted.json().response.counterMessages[0].id;
    expect(
      (await t.call(operator, 'POST', `/api/provocation/counter-messages/${counterId}/approve`, {}))
        .statusCode,
    ).toBe(403);
    await t.call(operator, 'POST', `/api/provocation/counter-messages/${counterId}/submit`, {});
    const approved = await t.call(
      koordinator,
      'POST',
      `/api/provocation/counter-messages/${counterId}/approve`,
      {},
    );
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ dueAt: null, answered: true });
    expect(approved.json().response.counterMessages[0]).toMatchObject({ status: 'disetujui' });
    const posted = await t.call(operator, 'POST', `/api/provocation/counter-messages/${counterId}/post`, {
      postedWhere: 'Grup WA warga Tanggul Kulon',
    });
    expect(posted.json().response.counterMessages[0]).toMatchObject({ status: 'dipublikasikan' });
  });

  it('sends a takedown request as a disposition, answered by the mitra', async () => {
    // The same request, refused until the item is linked to the case it names.
    const sendTakedown = () =>
      t.call(operator, 'POST', `/api/provocation/items/${itemId}/takedowns`, {
        kind: 'takedown',
        agencyId: 'polres-jember',
        caseId,
        instruction: 'Mohon penurunan pesan berantai ajakan penyerangan',
      });
    const unlinked = await sendTakedown();
    expect(unlinked.statusCode).toBe(400);
    await t.call(operator, 'POST', `/api/provocation/items/${itemId}/links`, { caseId });
    const sent = await sendTakedown();
    expect(sent.statusCode).toBe(201);
    const takedown = sent.json().response.takedowns[0];
    expect(takedown).toMatchObject({ status: 'terkirim', agencyId: 'polres-jember' });
    const answered = await t.call(polres, 'POST', `/api/dispositions/${takedown.dispositionId}/answer`, {
      status: 'selesai',
      answer: 'Diteruskan ke Ditsiber; akun diblokir',
    });
    expect(answered.statusCode).toBe(200);
    const item = (await t.call(operator, 'GET', `/api/provocation/items/${itemId}`)).json();
    expect(item.response.takedowns[0]).toMatchObject({
      status: 'selesai',
      answer: 'Diteruskan ke Ditsiber; akun diblokir',
    });
    expect(item.cases).toEqual([{ id: caseId, title: 'Ketegangan pascabentrok' }]);
    expect((await t.call(polres, 'GET', `/api/provocation/items/${itemId}`)).statusCode).toBe(403);
  });
});
