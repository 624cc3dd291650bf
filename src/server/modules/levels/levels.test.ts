import { beforeAll, describe, expect, it } from 'vitest';
import {
  daysBefore,
  LEVEL_PEOPLE,
  seedReports,
  seedThreeSignals,
} from '../../../../test/early-warning-helpers.ts';
import { testAppWith } from '../../../../test/harness.ts';
import type { LevelItem } from '../../../shared/early-warning/early-warning-schema.ts';
import { fakeClock } from '../../platform/clock.ts';
import { recomputeLevels } from './levels-service.ts';

// Jember: Tanggul (35.09.06) has no history, Kencong (35.09.02) reports twice a week all year.
const TANGGUL = '35.09.06';
const KENCONG = '35.09.02';
const SEMBORO = '35.09.07';

describe('early-warning levels', () => {
  const clock = fakeClock(new Date('2026-08-20T10:00:00+07:00'));
  const { t, provinsi, operator, relawan } = testAppWith(LEVEL_PEOPLE, { clock });

  const recompute = () => recomputeLevels({ db: t.db, clock, config: t.config }, { kabkotaCodes: ['35.09'] });
  const levelsOf = async (parent: string, user = operator): Promise<LevelItem[]> => {
    const res = await t.call(user, 'GET', `/api/early-warning/levels?parent=${parent}`);
    expect(res.statusCode).toBe(200);
    return res.json().items;
  };
  const find = (items: LevelItem[], code: string) => items.find((i) => i.regionCode === code) as LevelItem;
  const alertsOf = () =>
    t.db.asSystem((tx) =>
      tx.query<{ regionCode: string; level: string; source: string; headline: string }>(
        `SELECT region_code AS "regionCode", level, source, headline FROM alerts ORDER BY created_at`,
      ),
    );

  beforeAll(async () => {
    const now = clock.now();
    await seedReports(t.db, {
      regionCode: '35.09.02.2001',
      reporterId: relawan.id,
      count: 100,
      from: daysBefore(now, 365),
      to: daysBefore(now, 20),
    });
  });

  it('sets every level on the first computation without raising alerts', async () => {
    const result = await recompute();
    expect(result).toMatchObject({ regions: 32, changed: 32, alerts: 0 });
    const items = await levelsOf('35.09');
    expect(items).toHaveLength(31);
    expect(items.every((i) => i.level === 'normal')).toBe(true);
    expect(await alertsOf()).toEqual([]);
  });

  it('raises a quiet kecamatan on three signals in five days, but not a noisy one; the reply says why', async () => {
    const now = clock.now();
    for (const kecamatan of [TANGGUL, KENCONG]) {
      await seedThreeSignals(t.db, kecamatan, relawan.id, now);
    }
    // One stray signal elsewhere moves nothing.
    await seedReports(t.db, { regionCode: SEMBORO, reporterId: relawan.id, count: 1, from: now, to: now });
    await recompute();
    const items = await levelsOf('35.09');
    const tanggul = find(items, TANGGUL);
    expect(tanggul.level).toBe('waspada');
    expect(tanggul.score).toBeGreaterThanOrEqual(1.5);
    expect(tanggul.factors[0].code).toBe('aktivitas');
    expect(tanggul.factors[0].text).toMatch(/^3 sinyal \(1 provokasi\) dalam 5 hari, \d+× di atas biasanya$/);
    expect(find(items, KENCONG).level).toBe('normal');
    expect(find(items, SEMBORO).level).toBe('normal');
    // The province's map sees Jember at its highest kecamatan's level.
    const jember = find(await levelsOf('35', provinsi), '35.09');
    expect(jember.level).toBe('waspada');
    // Its own aggregate (7 signals against Jember's usual) rises as far, so it names its own activity.
    expect(jember.factors[0].text).toMatch(/^7 sinyal \(2 provokasi\) dalam 5 hari/);
  });

  it('raises an alert for the rise, addressed to the kab/kota, and none for the kab/kota itself', async () => {
    const alerts = await alertsOf();
    expect(alerts).toEqual([
      {
        regionCode: TANGGUL,
        level: 'waspada',
        source: 'otomatis',
        headline: 'Waspada kerawanan konflik sosial: Kecamatan Tanggul, Kabupaten Jember',
      },
    ]);
    const inbox = await t.db.asSystem((tx) =>
      tx.query<{ kind: string }>('SELECT kind FROM notifications WHERE user_id = $1', [operator.id]),
    );
    expect(inbox.map((n) => n.kind)).toEqual(['alert.raised']);
  });

  it('adds a convoy through the kecamatan and a rival present there: Siaga, a new alert replaces the old', async () => {
    const admin = await t.user({ role: 'admin', region: '35' });
    const post = async (url: string, payload: Record<string, unknown>, user = admin) => {
      const res = await t.call(user, url.includes('rivalries') ? 'PUT' : 'POST', url, payload);
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    const psht = await post('/api/actor-groups', {
      kind: 'perguruan_silat',
      name: 'Persaudaraan Setia Hati Terate',
      shortName: 'PSHT',
    });
    const pagarNusa = await post('/api/actor-groups', {
      kind: 'perguruan_silat',
      name: 'Pagar Nusa',
      shortName: 'Pagar Nusa',
    });
    await post(
      `/api/actor-groups/${pagarNusa.id}/branches`,
      { level: 'ranting', regionCode: TANGGUL, name: 'Ranting Tanggul' },
      operator,
    );
    await post('/api/actor-groups/rivalries', { groupIds: [psht.id, pagarNusa.id], intensity: 'tinggi' });
    await post(
      '/api/early-warning/events',
      {
        kind: 'pengesahan_warga',
        title: 'Konvoi pengesahan warga PSHT',
        startsAt: '2026-08-24T19:00:00+07:00',
        regionCode: '35.09.09',
        routeRegionCodes: ['35.09.09', TANGGUL, KENCONG],
        groupIds: [psht.id],
      },
      operator,
    );
    await recompute();
    const tanggul = find(await levelsOf('35.09'), TANGGUL);
    expect(tanggul.level).toBe('siaga');
    expect(tanggul.factors.map((f) => f.text)).toContain(
      'Konvoi pengesahan warga PSHT 24 Agustus melewati kecamatan ini; rival Pagar Nusa hadir di sini',
    );
    const open = await t.db.asSystem((tx) =>
      tx.query<{ level: string; status: string }>(
        `SELECT level, status FROM alerts WHERE region_code = $1
         ORDER BY array_position(ARRAY['waspada', 'siaga', 'awas'], level)`,
        [TANGGUL],
      ),
    );
    expect(open).toEqual([
      { level: 'waspada', status: 'diganti' },
      { level: 'siaga', status: 'aktif' },
    ]);
  });

  it('holds the level while the score sits between the fall and rise thresholds, then falls back', async () => {
    clock.set(new Date('2026-08-23T10:00:00+07:00'));
    await recompute();
    const held = find(await levelsOf('35.09'), TANGGUL);
    expect(held.score).toBeLessThan(3);
    expect(held.level).toBe('siaga');
    clock.set(new Date('2026-09-20T10:00:00+07:00'));
    await recompute();
    expect(find(await levelsOf('35.09'), TANGGUL).level).toBe('normal');
    const detail = await t.call(operator, 'GET', `/api/early-warning/levels/${TANGGUL}`);
    expect(detail.json().changes.map((c: { toLevel: string }) => c.toLevel)).toEqual([
      'normal',
      'siaga',
      'waspada',
      'normal',
    ]);
  });

  it('answers levels to staff only, and only for the province or a kab/kota as parent', async () => {
    const refused = await t.call(relawan, 'GET', '/api/early-warning/levels?parent=35.09');
    expect(refused.statusCode).toBe(403);
    const wrongParent = await t.call(operator, 'GET', '/api/early-warning/levels?parent=35.09.06');
    expect(wrongParent.statusCode).toBe(400);
    const recomputeRefused = await t.call(operator, 'POST', '/api/early-warning/recompute');
    expect(recomputeRefused.statusCode).toBe(403);
  });

  it('lets the admin change the thresholds, refusing fall thresholds above rise', async () => {
    const admin = await t.user({ role: 'admin', region: '35' });
    const bad = await t.call(admin, 'PUT', '/api/early-warning/settings', {
      rise: { waspada: 1, siaga: 3, awas: 5 },
      fall: { waspada: 1.2, siaga: 2, awas: 4 },
    });
    expect(bad.statusCode).toBe(400);
    const byOperator = await t.call(operator, 'PUT', '/api/early-warning/settings', {});
    expect(byOperator.statusCode).toBe(403);
    const ok = await t.call(admin, 'PUT', '/api/early-warning/settings', {
      rise: { waspada: 2, siaga: 3.5, awas: 6 },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      rise: { waspada: 2, siaga: 3.5, awas: 6 },
      fall: { waspada: 1 },
      windowDays: 14,
    });
  });
});
