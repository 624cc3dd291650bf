// The backtest's reads of the past: reports per kecamatan, WIB day and the features the model weighs, and the
// days the reports (and the imported history) span. SQL only; backtest.ts runs the model over them.
import type { Tx } from '../../platform/db.ts';

export type DailyRow = {
  kecamatanCode: string;
  day: string;
  kind: 'sinyal' | 'kejadian';
  isVerified: boolean;
  isProvocation: boolean;
  harm: 0 | 1 | 2;
  n: number;
};

/** New and verified reports of [start, end] (WIB days), counted per kecamatan, day, kind and harm. */
export function listDailyReports(tx: Tx, start: string, end: string): Promise<DailyRow[]> {
  return tx.query<DailyRow>(
    `SELECT r.kecamatan_code AS "kecamatanCode", to_char((r.occurred_at AT TIME ZONE 'Asia/Jakarta')::date, 'YYYY-MM-DD') AS day,
       r.kind, r.status = 'terverifikasi' AS "isVerified", 'informasi_provokatif' = ANY (r.triggers) AS "isProvocation",
       (CASE WHEN r.dead > 0 OR r.violence_ongoing THEN 2
             WHEN r.injured > 0 OR r.displaced > 0 OR r.houses_damaged > 0 THEN 1 ELSE 0 END)::int AS harm,
       count(*)::int AS n
     FROM reports r
     WHERE r.kecamatan_code IS NOT NULL AND r.status IN ('baru', 'terverifikasi')
       AND r.occurred_at >= ($1::date::timestamp AT TIME ZONE 'Asia/Jakarta')
       AND r.occurred_at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')
     GROUP BY 1, 2, 3, 4, 5, 6`,
    [start, end],
  );
}

/** The first and last WIB day of the reports, or of the imported past incidents only, if there are any. */
export async function findReportDays(
  tx: Tx,
  which: 'all' | 'historical',
): Promise<{ first: string; last: string } | undefined> {
  const row = await tx.one<{ first: string | null; last: string | null }>(
    `SELECT to_char((min(occurred_at) AT TIME ZONE 'Asia/Jakarta')::date, 'YYYY-MM-DD') AS first,
            to_char((max(occurred_at) AT TIME ZONE 'Asia/Jakarta')::date, 'YYYY-MM-DD') AS last
     FROM reports WHERE $1 OR historical`,
    [which === 'all'],
  );
  return row?.first && row.last ? { first: row.first, last: row.last } : undefined;
}
