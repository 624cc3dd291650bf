import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, testAppWith } from '../../../test/harness.ts';
import { verifyAudit } from '../platform/audit.ts';
import { systemClock } from '../platform/clock.ts';
import { DEMO_KABKOTA } from './demo-data.ts';
import { type DemoSummary, loadDemoData } from './demo-service.ts';

const PASSWORD = 'sigap-demo-2026';
const DAY = 86_400_000;

describe('demo data on an empty database', () => {
  const { t } = testAppWith({});
  let summary: DemoSummary;
  const started = Date.now();

  beforeAll(async () => {
    summary = await loadDemoData(
      t.db,
      { id: null, label: 'uji' },
      { scale: 0.2, seed: 'uji-demo', password: PASSWORD },
      systemClock,
    );
  });

  const sql = <T>(text: string) => t.db.asSystem((tx) => tx.query<T>(text));

  it('creates users of every role, and each signs in with the one demo password', async () => {
    const roles = ['operator', 'koordinator', 'provinsi', 'relawan', 'mitra'];
    for (const role of roles) {
      const user = summary.users.find((u) => u.role === role)!;
      const session = await signIn(t.app, user.username, PASSWORD);
      const me = await t.app.inject({ url: '/api/me', headers: { cookie: session.cookie } });
      expect(me.json()).toMatchObject({ username: user.username, role });
    }
    expect(summary.users.map((u) => u.username)).toEqual(
      expect.arrayContaining([
        'op.jember',
        'koord.v',
        'prov.jatim',
        'polres-jember',
        'kesbangpol-jember',
        'bpbd-jember',
        'fkub-jember',
      ]),
    );
    const mitra = await sql<{ agencies: number }>(
      "SELECT count(DISTINCT agency_id)::int AS agencies FROM users WHERE role = 'mitra'",
    );
    expect(mitra[0].agencies).toBe(28); // Polres, Kesbangpol, BPBD and FKUB in each of the 7 kab/kota
  });

  it('places reports in all seven kab/kota of Bakorwil V, spread over the past twelve months', async () => {
    const places = await sql<{ code: string }>(
      'SELECT DISTINCT kabkota_code AS code FROM reports ORDER BY 1',
    );
    expect(places.map((p) => p.code)).toEqual([...DEMO_KABKOTA].sort());
    const unknown = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM reports r LEFT JOIN regions g ON g.code = r.region_code AND g.level = 'desa'
       WHERE g.code IS NULL`,
    );
    expect(unknown[0].n).toBe(0); // every report names a real desa or kelurahan
    const span = await sql<{ first: Date; last: Date; months: number }>(
      `SELECT min(occurred_at) AS first, max(created_at) AS last,
              count(DISTINCT date_trunc('month', occurred_at AT TIME ZONE 'Asia/Jakarta'))::int AS months
       FROM reports`,
    );
    expect(span[0].first.getTime()).toBeGreaterThan(started - 366 * DAY);
    expect(span[0].first.getTime()).toBeLessThan(started - 330 * DAY);
    expect(span[0].last.getTime()).toBeLessThanOrEqual(Date.now());
    expect(span[0].months).toBeGreaterThanOrEqual(12);
  });

  it('has P1 reports with vulnerable people, most reports verified and some rejected or duplicate', async () => {
    const byStatus = await sql<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM reports GROUP BY 1',
    );
    const counts = Object.fromEntries(byStatus.map((r) => [r.status, r.n]));
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(90);
    expect(counts.terverifikasi / total).toBeGreaterThan(0.7);
    expect(counts.ditolak).toBeGreaterThan(0);
    expect(counts.duplikat).toBeGreaterThan(0);
    const urgent = await sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM reports WHERE priority = 'P1' AND has_vulnerable AND priority_reasons[1] LIKE 'vulnerable_%'",
    );
    expect(urgent[0].n).toBeGreaterThan(0);
    const orphans = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM reports d JOIN reports o ON o.id = d.duplicate_of
       WHERE d.status = 'duplikat' AND o.created_at > d.created_at`,
    );
    expect(orphans[0].n).toBe(0);
  });

  it('has cases in all four phases, with assignments, dispositions, follow-ups and referrals', async () => {
    const phases = await sql<{ phase: string }>('SELECT DISTINCT phase FROM cases ORDER BY 1');
    expect(phases.map((p) => p.phase)).toEqual(['pemulihan', 'pencegahan', 'penghentian', 'selesai']);
    const [work] = await sql<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM assignments) AS assignments,
              (SELECT count(*)::int FROM dispositions) AS dispositions,
              (SELECT count(*)::int FROM follow_ups) AS "followUps",
              (SELECT count(*)::int FROM referrals) AS referrals,
              (SELECT count(*)::int FROM reports WHERE case_id IS NOT NULL AND status <> 'terverifikasi') AS "unfitInCases",
              (SELECT count(*)::int FROM cases WHERE phase = 'selesai' AND (closed_at IS NULL OR outcome IS NULL)) AS "closedWithout"`,
    );
    expect(work).toMatchObject({ unfitInCases: 0, closedWithout: 0 });
    for (const key of ['assignments', 'dispositions', 'followUps', 'referrals'])
      expect(work[key]).toBeGreaterThan(0);
  });

  it('fills every part of Sigap: groups, calendar, workshops, lessons and an alert for each raised level', async () => {
    const [n] = await sql<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM actor_groups) AS groups,
              (SELECT count(*)::int FROM actor_group_branches WHERE level = 'ranting') AS ranting,
              (SELECT count(*)::int FROM actor_group_rivalries WHERE status = 'aktif') AS rivalries,
              (SELECT count(*)::int FROM peace_agreements a
                 WHERE (SELECT count(*) FROM peace_agreement_parties p WHERE p.agreement_id = a.id) = 2) AS agreements,
              (SELECT count(*)::int FROM calendar_events WHERE kind IN ('pengesahan_warga', 'konvoi')) AS "suroEvents",
              (SELECT count(*)::int FROM calendar_events WHERE starts_at > now()) AS "comingEvents",
              (SELECT count(*)::int FROM lessons WHERE status = 'terbit') AS lessons,
              (SELECT count(*)::int FROM workshop_actions) AS actions,
              (SELECT count(*)::int FROM workshop_participants WHERE attendance = 'hadir') AS attended,
              (SELECT count(*)::int FROM provocation_items) AS "provocationItems",
              (SELECT count(*)::int FROM provocation_sightings WHERE merged) AS "mergedSightings"`,
    );
    expect(n.groups).toBeGreaterThanOrEqual(6);
    expect(n.ranting).toBeGreaterThan(0);
    expect(n.rivalries).toBeGreaterThanOrEqual(1);
    expect(n.agreements).toBeGreaterThanOrEqual(1);
    expect(n.suroEvents).toBeGreaterThanOrEqual(4);
    expect(n.comingEvents).toBeGreaterThan(0);
    expect(n.lessons).toBe(12);
    expect(n.actions).toBeGreaterThanOrEqual(12);
    expect(n.attended).toBeGreaterThan(0);
    expect(summary.extras).toMatchObject({ lessons: 12, workshops: 5 });
    expect(n.provocationItems).toBe(3);
    expect(n.mergedSightings).toBe(4);

    // Around 1 Suro: a pengesahan warga within the two weeks after the season's 1 Suro.
    const suro = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM calendar_events WHERE kind = 'pengesahan_warga'
       AND (starts_at AT TIME ZONE 'Asia/Jakarta')::date BETWEEN '${summary.seasons.suro}'::date AND '${summary.seasons.suro}'::date + 14`,
    );
    expect(suro[0].n).toBeGreaterThan(0);

    // One workshop per quarter of Bakorwil V, each held one with action items.
    const quarters = await sql<{ quarter: string; n: number; actions: number; status: string }>(
      `SELECT to_char(starts_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-Q') AS quarter, count(*)::int AS n,
              min(status) AS status, (SELECT count(*)::int FROM workshop_actions a WHERE a.workshop_id = min(w.id::text)::uuid) AS actions
       FROM workshops w WHERE bakorwil_id = 'V' GROUP BY 1 ORDER BY 1`,
    );
    expect(quarters.length).toBe(5);
    for (const q of quarters) expect(q.n).toBe(1);
    for (const q of quarters.filter((row) => row.status === 'terlaksana'))
      expect(q.actions).toBeGreaterThan(0);

    // No level above normal without an open alert in its region or under it.
    const bare = await sql<{ code: string; level: string }>(
      `SELECT l.region_code AS code, l.level FROM region_levels l WHERE l.level <> 'normal'
       AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.status IN ('aktif', 'diterima')
         AND (a.region_code = l.region_code OR a.region_code LIKE l.region_code || '.%'))`,
    );
    expect(bare).toEqual([]);
    const levels = await sql<{ n: number }>('SELECT count(*)::int AS n FROM region_levels');
    expect(levels[0].n).toBeGreaterThan(7);
    const raised = await sql<{ n: number }>("SELECT count(*)::int AS n FROM alerts WHERE status = 'aktif'");
    expect(raised[0].n).toBe(summary.extras.alerts);
  });

  it('shows the demo parts to the office through the API', async () => {
    const session = await signIn(t.app, 'koord.v', PASSWORD);
    const get = (url: string) => t.app.inject({ url, headers: { cookie: session.cookie } });
    const lessons = await get('/api/lessons?q=perdamaian');
    expect(lessons.statusCode).toBe(200);
    expect(JSON.stringify(lessons.json())).toContain('Mendamaikan dua perguruan');
    const groups = await get('/api/actor-groups');
    expect(groups.statusCode).toBe(200);
    expect(JSON.stringify(groups.json())).toContain('Lintang Abang');
  });

  it('shows an operator the reports of their own kab/kota only, through the API', async () => {
    const session = await signIn(t.app, 'op.jember', PASSWORD);
    const list = await t.app.inject({ url: '/api/reports?limit=100', headers: { cookie: session.cookie } });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { kabkotaCode: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((r) => r.kabkotaCode))).toEqual(new Set(['35.09']));
  });

  it('keeps the audit chain whole, with one demo.loaded entry per chunk written', async () => {
    const entries = await sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'demo.loaded'",
    );
    expect(entries[0].n).toBe(summary.chunks);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('refuses a second run, and a weak password, without writing anything', async () => {
    const before = await sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    await expect(
      loadDemoData(
        t.db,
        { id: null, label: 'uji' },
        { scale: 0.2, seed: 'lagi', password: PASSWORD },
        systemClock,
      ),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('basis data kosong') });
    await expect(
      loadDemoData(
        t.db,
        { id: null, label: 'uji' },
        { scale: 0.2, seed: 'lagi', password: 'password123' },
        systemClock,
      ),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const after = await sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(after[0].n).toBe(before[0].n);
  });
});
