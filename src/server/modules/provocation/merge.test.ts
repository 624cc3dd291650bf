import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, people, type TestUser, testAppWith } from '../../../../test/harness.ts';
import { fakeClock } from '../../platform/clock.ts';

const ONE = 'Malam ini kampung sebelah akan diserang, siapkan bambu runcing dan kumpul di balai desa Tanggul';
const TWO = 'Video lama bentrokan tahun lalu diunggah ulang dengan keterangan kejadian hari Minggu kemarin';

describe('merging two items that both have several sightings', () => {
  const clock = fakeClock(new Date('2026-07-02T09:00:00+07:00'));
  const { t, operator, colleague, outsider, relawan } = testAppWith(
    {
      ...people('operator'),
      colleague: PEOPLE.operator,
      outsider: { role: 'operator', region: '35.12' },
      ...people('relawan'),
    },
    { clock },
  );
  let keep: string;
  let merged: string;

  const sight = async (user: TestUser, text: string, seenAt: string, regionCode: string) => {
    const res = await t.call(user, 'POST', '/api/provocation/sightings', {
      id: randomUUID(),
      platform: 'whatsapp',
      text,
      seenAt,
      regionCodes: [regionCode],
    });
    expect(res.statusCode).toBe(201);
    return res.json().itemId as string;
  };

  beforeAll(async () => {
    // Two items the matching keeps apart, each seen three times by two people.
    keep = await sight(operator, ONE, '2026-07-01T08:00:00+07:00', '35.09.06.2002');
    await sight(colleague, `Diteruskan\n${ONE}`, '2026-07-01T09:00:00+07:00', '35.09.06.2001');
    await sight(operator, `${ONE} 🙏`, '2026-07-01T10:00:00+07:00', '35.09.02.2001');
    merged = await sight(colleague, TWO, '2026-07-01T06:00:00+07:00', '35.09.07.2001');
    await sight(operator, `Forwarded many times\n${TWO}`, '2026-07-01T11:00:00+07:00', '35.09.07.2002');
    await sight(colleague, `${TWO}!!`, '2026-07-01T12:00:00+07:00', '35.09.06.2002');
    expect(merged).not.toBe(keep);
    const assessed = await t.call(colleague, 'POST', `/api/provocation/items/${merged}/assessment`, {
      assessment: 'hoaks',
    });
    expect(assessed.statusCode).toBe(200);
    const drafted = await t.call(colleague, 'POST', `/api/provocation/items/${merged}/counter-messages`, {
      body: 'Video ini kejadian lama, bukan kemarin. Mohon tidak disebarkan.',
      carrier: 'tokoh_masyarakat',
    });
    expect(drafted.statusCode).toBe(201);
  });

  it('moves every sighting, whoever recorded it, and the response, and widens the item', async () => {
    const res = await t.call(operator, 'POST', `/api/provocation/items/${merged}/merge`, { intoId: keep });
    expect(res.statusCode).toBe(200);
    const item = res.json();
    expect(item.id).toBe(keep);
    expect(item.sightingCount).toBe(6);
    expect(item.sightings).toHaveLength(6);
    expect(item.kecamatanCount).toBe(3);
    expect(item.firstSeenAt).toBe('2026-07-01T06:00:00+07:00');
    // The item it joined had no assessment: it takes the merged one's, and its counter-message.
    expect(item.assessment).toBe('hoaks');
    expect(item.response.counterMessages).toHaveLength(1);
  });

  it('leads the merged item’s address to the item it joined, and lists it no more', async () => {
    const res = await t.call(colleague, 'GET', `/api/provocation/items/${merged}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(keep);
    const list = await t.call(operator, 'GET', '/api/provocation/items');
    const ids = list.json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(keep);
    expect(ids).not.toContain(merged);
  });

  it('records the merge in the audit log, and a repeated request changes nothing', async () => {
    const again = await t.call(operator, 'POST', `/api/provocation/items/${merged}/merge`, { intoId: keep });
    expect(again.statusCode).toBe(200);
    expect(again.json().sightingCount).toBe(6);
    const audit = await t.audit({ action: 'provocation.items_merged', subjectId: keep });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ from: merged, sightingsMoved: 3 });
  });

  it('refuses a merge into itself, a volunteer, and another region’s office', async () => {
    expect(
      (await t.call(operator, 'POST', `/api/provocation/items/${keep}/merge`, { intoId: keep })).statusCode,
    ).toBe(400);
    expect(
      (await t.call(relawan, 'POST', `/api/provocation/items/${keep}/merge`, { intoId: merged })).statusCode,
    ).toBe(403);
    const other = await sight(
      operator,
      'Seruan boikot warung milik anggota kelompok tertentu di jalan raya',
      '2026-07-02T08:00:00+07:00',
      '35.09.06.2002',
    );
    expect(
      (await t.call(outsider, 'POST', `/api/provocation/items/${other}/merge`, { intoId: keep })).statusCode,
    ).toBe(404);
    // Into an item that was itself merged away: a conflict, not a chain.
    expect(
      (await t.call(operator, 'POST', `/api/provocation/items/${other}/merge`, { intoId: merged }))
        .statusCode,
    ).toBe(409);
  });
});
