import type { Database } from '../src/server/platform/db.ts';

// Large volumes of reports for the list benchmark, written by the database itself (INSERT … SELECT over
// generate_series), not through the API: spread over every desa of the 38 kab/kota and the past year, with a
// priority mix like the field's (few P1, mostly signals), most verified.

const SEED_SQL = `
WITH d AS (SELECT code, (row_number() OVER (ORDER BY code))::int AS n FROM regions WHERE level = 'desa'),
c AS (SELECT count(*)::int AS total FROM d),
g AS (
  SELECT i, random() AS p, random() AS s, 1 + floor(random() * c.total)::int AS n,
         now() - random() * interval '365 days' AS t
  FROM generate_series($1::int, $2::int) AS i, c
),
r AS (
  SELECT g.*, d.code,
         CASE WHEN p < 0.05 THEN 1 WHEN p < 0.20 THEN 2 WHEN p < 0.50 THEN 3 ELSE 4 END AS rank,
         CASE WHEN s < 0.08 THEN 'baru' WHEN s < 0.15 THEN 'ditolak' WHEN s < 0.20 THEN 'duplikat'
              ELSE 'terverifikasi' END AS status
  FROM g JOIN d USING (n)
)
INSERT INTO reports (id, kind, conflict_type, triggers, groups_involved, region_code, kabkota_code, kecamatan_code,
  occurred_at, description, involved, injured, vulnerable, has_vulnerable, channel, reporter_id, status,
  priority, priority_rank, priority_reasons, content_hash, created_at, updated_at, acknowledged_at,
  acknowledged_by, verified_at, verified_by, due_acknowledge_at, dedup_checked_at)
SELECT gen_random_uuid(),
  CASE WHEN rank < 4 THEN 'kejadian' ELSE 'sinyal' END,
  (ARRAY['antar_perguruan_silat', 'perguruan_silat_vs_warga', 'antar_suporter', 'pilkades_pemilu',
         'sengketa_lahan_sda', 'sara_agama', 'antarwarga', 'batas_wilayah', 'lainnya'])[1 + i % 9],
  CASE WHEN i % 3 = 0 THEN '{informasi_provokatif}'::text[] ELSE '{perbedaan_kepentingan}'::text[] END,
  'Kelompok A; kelompok B',
  code, left(code, 5), left(code, 8),
  t - interval '40 minutes',
  (ARRAY['Ada broadcast di grup WA ajakan kumpul anggota perguruan malam ini di balai desa, pemuda mulai ngumpul.',
         'Bentrok dua kelompok pemuda setelah acara orkes, saling lempar batu, beberapa orang luka.',
         'Warga protes lahan garapan yang diklaim perkebunan, rencana patok ulang besok pagi.',
         'Pendukung cakades yang kalah tidak terima hasil, rencana demo ke kantor kecamatan.',
         'Usai pertandingan sepak bola suporter saling lempar botol di dekat stadion, motor dirusak.',
         'Sengketa tanah warisan antar dua keluarga memanas, tokoh masyarakat sudah menengahi.'])[1 + i % 6]
    || ' Laporan ' || i,
  CASE WHEN rank < 4 THEN 10 + i % 90 ELSE 0 END,
  CASE WHEN rank = 2 THEN 1 + i % 4 ELSE 0 END,
  CASE WHEN rank = 1 THEN '{"anak": {"harmed": 2, "displaced": 0, "atRisk": 0}}'::jsonb ELSE '{}'::jsonb END,
  rank = 1,
  (ARRAY['web', 'web', 'sms', 'odk'])[1 + i % 4],
  $3::uuid, status,
  'P' || rank, rank,
  CASE rank WHEN 1 THEN '{vulnerable_harmed:anak}'::text[] WHEN 2 THEN '{injured}'::text[]
            WHEN 3 THEN '{incident}'::text[] ELSE '{signal}'::text[] END,
  md5(i::text), t, t,
  CASE WHEN status = 'baru' THEN NULL ELSE t + interval '20 minutes' END,
  CASE WHEN status = 'baru' THEN NULL ELSE $3::uuid END,
  CASE WHEN status = 'baru' THEN NULL ELSE t + interval '1 hour' END,
  CASE WHEN status = 'baru' THEN NULL ELSE $3::uuid END,
  t + (ARRAY[30, 120, 480, 1440])[rank] * interval '1 minute',
  t
FROM r`;

/**
 * Runs a bulk load of reports without the per-row trigger that links each report to the signal before and
 * the incident after it (migrations/0009_report_links.sql), then links every report in one pass: what the
 * trigger would have stored, at a fraction of the cost for a million rows.
 */
export async function withoutLinkTrigger<T>(db: Database, load: () => Promise<T>): Promise<T> {
  await db.asSystem((tx) => tx.query('ALTER TABLE reports DISABLE TRIGGER reports_link_new'));
  try {
    return await load();
  } finally {
    await db.asSystem((tx) => tx.query('ALTER TABLE reports ENABLE TRIGGER reports_link_new'));
    await db.asSystem(async (tx) => {
      await tx.query("SET LOCAL work_mem = '256MB'");
      await tx.query('SELECT sigap_relink_reports(NULL)');
    });
  }
}

/**
 * Runs a bulk load of reports (and their links, withoutLinkTrigger) with the table's indexes (all but the
 * primary key) dropped, then builds them again from their own definitions and vacuums the table: a bulk
 * load is much faster that way and the table ends with the same indexes.
 */
export async function bulkLoadReports<T>(db: Database, load: () => Promise<T>): Promise<T> {
  const indexes = await db.asSystem((tx) =>
    tx.query<{ name: string; definition: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       WHERE i.indrelid = 'reports'::regclass
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    ),
  );
  await db.asSystem(async (tx) => {
    for (const index of indexes) await tx.query(`DROP INDEX ${index.name}`);
  });
  try {
    return await withoutLinkTrigger(db, load);
  } finally {
    for (const index of indexes) {
      await db.asSystem(async (tx) => {
        await tx.query("SET LOCAL maintenance_work_mem = '256MB'");
        await tx.query(index.definition);
      });
    }
    // VACUUM as autovacuum soon would: it sets the visibility map that index-only scans rely on.
    await db.systemPool.query('VACUUM ANALYZE reports');
  }
}

/**
 * Adds reports numbered from+1 … to, in statements of at most `chunk` rows, each its own transaction;
 * `reporterId` must be a user. Calls `onChunk` with the count written so far. A bulk load: bulkLoadReports.
 */
export async function seedReports(
  db: Database,
  range: { from: number; to: number },
  reporterId: string,
  chunk: number,
  onChunk: (written: number) => void = () => undefined,
): Promise<void> {
  await bulkLoadReports(db, async () => {
    for (let start = range.from; start < range.to; start += chunk) {
      const end = Math.min(start + chunk, range.to);
      await db.asSystem((tx) => tx.query(SEED_SQL, [start + 1, end, reporterId]));
      onChunk(end);
    }
  });
}

// Cases over the seeded reports, for the dashboard's case figures: one case a sample of verified reports opened
// two hours after the report, in its desa; seven in ten closed within a month, the rest open in a phase, each
// with the deadlines of its priority (a day to respond, thirty to resolve) and a fifth of them past them.
const SEED_CASES_SQL = `
WITH s AS (
  SELECT r.region_code, r.kabkota_code, r.conflict_type, r.priority, r.has_vulnerable,
         r.created_at + interval '2 hours' AS opened, random() AS c, random() AS late
  FROM reports r TABLESAMPLE BERNOULLI ($1) REPEATABLE (7)
  WHERE r.status = 'terverifikasi' AND r.case_id IS NULL
  LIMIT $2
)
INSERT INTO cases (title, region_code, kabkota_code, conflict_type, phase, priority, has_vulnerable, created_by,
  created_at, updated_at, closed_at, due_response_at, due_resolve_at, first_response_at)
SELECT 'Kasus ' || conflict_type || ' ' || region_code, region_code, kabkota_code, conflict_type,
  CASE WHEN c < 0.7 THEN 'selesai' WHEN c < 0.8 THEN 'pencegahan' WHEN c < 0.9 THEN 'penghentian' ELSE 'pemulihan' END,
  priority, has_vulnerable, $3::uuid, opened, opened,
  CASE WHEN c < 0.7 THEN least(now(), opened + (1 + c * 40) * interval '1 day') END,
  opened + interval '1 day', opened + interval '30 days',
  CASE WHEN late < 0.2 THEN NULL ELSE opened + late * interval '20 hours' END
FROM s
RETURNING id`;

/**
 * Adds `count` cases over a random sample of the verified reports (seedReports first), written by the database
 * with the case trigger keeping the open-case figures; `createdBy` must be a user. Returns how many were added.
 */
export async function seedCases(db: Database, count: number, createdBy: string): Promise<number> {
  const verified = await db.systemQuery<{ n: number }>(
    "SELECT count(*)::int AS n FROM reports WHERE status = 'terverifikasi' AND case_id IS NULL",
  );
  const percent = Math.min(100, ((count * 1.2) / Math.max(1, verified[0]?.n ?? 1)) * 100);
  const added = await db.asSystem((tx) => tx.query(SEED_CASES_SQL, [percent, count, createdBy]));
  await db.systemPool.query('VACUUM ANALYZE cases');
  return added.length;
}
