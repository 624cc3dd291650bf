// The duplicate check's SQL: the suggestions a report is shown and the background job's one-statement check of many
// reports (decisions 0041, 0045).
import type { Tx } from '../../platform/db.ts';

/**
 * How many likely duplicates a report is shown, and how many a checked report records: the most similar first,
 * then the nearest in time. An operator reads a few; in a flood of one event reported hundreds of times, every
 * report alike with every other would otherwise cost hundreds of rows per report (decision 0041).
 */
export const DUPLICATE_SUGGESTIONS_MAX = 10;

export async function listDuplicateSuggestions(
  tx: Tx,
  reportId: string,
): Promise<{ candidateId: string; similarity: number }[]> {
  return tx.query(
    `SELECT s.candidate_id AS "candidateId", s.similarity FROM duplicate_suggestions s
     JOIN reports c ON c.id = s.candidate_id JOIN reports r ON r.id = s.report_id WHERE s.report_id = $1
     ORDER BY s.similarity DESC, abs(extract(epoch FROM c.occurred_at - r.occurred_at)), c.id LIMIT $2`,
    [reportId, DUPLICATE_SUGGESTIONS_MAX],
  );
}

/**
 * Finds likely duplicates of many reports in ONE statement (a flood is checked in a few rounds, not one
 * round per report): same kecamatan (or region), same type, within 48 hours, similar text, at most
 * DUPLICATE_SUGGESTIONS_MAX per checked report. Each report's candidates are the nearest by trigram distance
 * (then by time), walked in the index reports_alike_idx and cut at the maximum before the similarity threshold is
 * applied, so a check costs about the same however many reports its place holds (decision 0045); the most alike
 * are the same as comparing with every report of the place. System use (the background job): records each pair
 * for both of its reports (markDuplicatesChecked then marks the batch checked). Returns how many pairs were found.
 */
export async function computeDuplicateSuggestions(
  tx: Tx,
  reportIds: readonly string[],
  minSimilarity = 0.3,
): Promise<number> {
  if (reportIds.length === 0) return 0;
  const rows = await tx.query(
    `WITH found AS (
       SELECT me.id AS report, o.id AS candidate, o.sim
       FROM reports me CROSS JOIN LATERAL (
         SELECT c.id, similarity(c.description, me.description) AS sim FROM reports c
         WHERE coalesce(c.kecamatan_code, c.region_code) = coalesce(me.kecamatan_code, me.region_code)
           AND c.conflict_type = me.conflict_type
           AND c.occurred_at BETWEEN me.occurred_at - interval '48 hours' AND me.occurred_at + interval '48 hours'
           AND c.id <> me.id
         ORDER BY c.description <-> me.description, c.occurred_at <-> me.occurred_at
         LIMIT $3
       ) o
       WHERE me.id = ANY($1::uuid[]) AND o.sim >= $2
     ),
     pairs AS (
       SELECT report AS report_id, candidate AS candidate_id, sim FROM found
       UNION ALL SELECT candidate, report, sim FROM found
     )
     INSERT INTO duplicate_suggestions (report_id, candidate_id, similarity)
     SELECT DISTINCT ON (report_id, candidate_id) report_id, candidate_id, sim FROM pairs
     ON CONFLICT (report_id, candidate_id) DO UPDATE SET similarity = excluded.similarity
     RETURNING report_id = ANY($1::uuid[]) AS mine`,
    [reportIds, minSimilarity, DUPLICATE_SUGGESTIONS_MAX],
  );
  return rows.length / 2;
}

/**
 * Marks checked those of `reportIds` that no other transaction holds, and returns the ids still unmarked. It never
 * waits for a row: an intake's link trigger updates the earlier signals of its place in its own order, and a
 * marking that waited could close a deadlock with it (the intake would fail). The caller retries the rest.
 */
export async function markDuplicatesChecked(tx: Tx, reportIds: readonly string[]): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `WITH marked AS (
       UPDATE reports SET dedup_checked_at = now() WHERE id IN (
         SELECT id FROM reports WHERE id = ANY($1::uuid[]) AND dedup_checked_at IS NULL
         FOR NO KEY UPDATE SKIP LOCKED)
       RETURNING id)
     SELECT id FROM reports WHERE id = ANY($1::uuid[]) AND dedup_checked_at IS NULL
       AND id NOT IN (SELECT id FROM marked)`,
    [reportIds],
  );
  return rows.map((row) => row.id);
}

/** Reports not yet checked for duplicates (after a crash between intake and the job). */
export async function listUncheckedReports(tx: Tx, limit: number): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    'SELECT id FROM reports WHERE dedup_checked_at IS NULL ORDER BY created_at LIMIT $1',
    [limit],
  );
  return rows.map((row) => row.id);
}
