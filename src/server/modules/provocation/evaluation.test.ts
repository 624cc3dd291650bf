import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEVEL_PEOPLE, seedReports } from '../../../../test/early-warning-helpers.ts';
import { testAppWith } from '../../../../test/harness.ts';
import { fakeClock } from '../../platform/clock.ts';

const at = (text: string) => new Date(`2026-07-${text}+07:00`);

// A hand-made set of four items in Jember, with answers and incidents placed by hand:
//   A  whatsapp  provokasi  Tanggul   seen 01 08:00, counter approved +6 h;          incident 02 12:00 (after: answered)
//   B  facebook  hoaks      Kencong   seen 01 09:00, taken down +10 h, counter +24 h; incident 01 12:00 (before any answer)
//   C  whatsapp  ancaman    Semboro   seen 01 10:00, counter approved +2 h;          no incident
//   D  tiktok    (none)     Tanggul   seen 01 10:30, no answer;                      incident 02 12:00
describe('the provocation watch evaluation', () => {
  const clock = fakeClock(new Date('2026-07-03T09:00:00+07:00'));
  const { t, operator, provinsi, relawan } = testAppWith(LEVEL_PEOPLE, { clock });

  const item = async (
    platform: string,
    text: string,
    seenAt: string,
    regionCode: string,
    assessment?: string,
  ): Promise<string> => {
    const res = await t.call(operator, 'POST', '/api/provocation/sightings', {
      id: randomUUID(),
      platform,
      text,
      seenAt,
      regionCodes: [regionCode],
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().itemId as string;
    if (assessment) {
      const assessed = await t.call(operator, 'POST', `/api/provocation/items/${id}/assessment`, {
        assessment,
      });
      expect(assessed.statusCode).toBe(200);
    }
    return id;
  };
  const answer = (id: string, counter: Date | null, takedown: Date | null) =>
    t.db.asSystem((tx) =>
      tx.query('UPDATE provocation_items SET counter_approved_at = $2, taken_down_at = $3 WHERE id = $1', [
        id,
        counter,
        takedown,
      ]),
    );
  const incident = (regionCode: string, when: Date) =>
    seedReports(t.db, {
      regionCode,
      reporterId: relawan.id,
      count: 1,
      kind: 'kejadian',
      from: when,
      to: when,
    });

  beforeAll(async () => {
    const a = await item(
      'whatsapp',
      'Malam ini kampung sebelah akan diserang, siapkan bambu runcing dan kumpul di balai desa',
      '2026-07-01T08:00:00+07:00',
      '35.09.06.2002',
      'provokasi',
    );
    const b = await item(
      'facebook',
      'Hoaks: jembatan ditutup warga perguruan, semua kendaraan dilarang lewat sampai besok pagi',
      '2026-07-01T09:00:00+07:00',
      '35.09.02.2001',
      'hoaks',
    );
    const c = await item(
      'whatsapp',
      'Ancaman: siapa pun yang lewat perempatan Semboro malam ini akan dihadang dan dipukuli',
      '2026-07-01T10:00:00+07:00',
      '35.09.07.2001',
      'ancaman',
    );
    await item(
      'tiktok',
      'Video lama bentrokan tahun lalu diunggah ulang dengan keterangan kejadian hari Minggu kemarin',
      '2026-07-01T10:30:00+07:00',
      '35.09.06.2001',
    );
    await answer(a, at('01T14:00:00'), null);
    await answer(b, at('02T09:00:00'), at('01T19:00:00'));
    await answer(c, at('01T12:00:00'), null);
    await incident('35.09.06.2001', at('02T12:00:00'));
    await incident('35.09.02.2002', at('01T12:00:00'));
    // An incident before C was first seen does not follow it.
    await incident('35.09.07.2002', at('01T06:00:00'));
  });

  it('counts items by assessment and platform, the median hours to an answer, and answers before incidents', async () => {
    const res = await t.call(provinsi, 'GET', '/api/provocation/evaluation');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: 4,
      byAssessment: { provokasi: 1, hoaks: 1, ancaman: 1, belum_dinilai: 1 },
      byPlatform: { whatsapp: 2, facebook: 1, tiktok: 1 },
      medianHoursToCounter: 6,
      medianHoursToTakedown: 10,
      itemsWithIncident: 3,
      answeredBeforeIncident: 1 / 3,
    });
  });

  it('narrows to one kab/kota, and refuses an operator', async () => {
    const other = await t.call(provinsi, 'GET', '/api/provocation/evaluation?kabkota=35.10');
    expect(other.json()).toMatchObject({
      items: 0,
      medianHoursToCounter: null,
      answeredBeforeIncident: null,
    });
    const refused = await t.call(operator, 'GET', '/api/provocation/evaluation');
    expect(refused.statusCode).toBe(403);
  });
});
