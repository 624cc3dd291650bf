// SQL of lessons learned: rows, linked cases, the names to check for, and the search in Indonesian.
import type {
  LessonHit as Hit,
  Lesson,
  LessonStatus,
  LessonWriting,
} from '../../../shared/lessons/lesson-rules.ts';
import { toWibIsoOrNull } from '../../../shared/time.ts';
import type { Tx } from '../../platform/db.ts';
import { sqlWhere } from '../../platform/sql-where.ts';

/** A lesson as stored, with the ids of its linked cases. */
export type LessonRecord = Lesson;

const SELECT = `
  SELECT l.id, l.title, l.situation, l.actions_taken AS "actionsTaken", l.what_worked AS "whatWorked",
    l.what_to_avoid AS "whatToAvoid", l.conflict_type AS "conflictType", l.region_code AS "regionCode",
    g.name AS "regionName", l.kabkota_code AS "kabkotaCode", l.tags, l.status, l.review_note AS "reviewNote",
    l.version, l.author_id AS "authorId", u.display_name AS "authorName", l.created_at AS "createdAt",
    l.updated_at AS "updatedAt", l.submitted_at AS "submittedAt", l.published_at AS "publishedAt",
    coalesce((SELECT array_agg(lc.case_id::text ORDER BY lc.case_id) FROM lesson_cases lc WHERE lc.lesson_id = l.id), '{}') AS "caseIds"
  FROM lessons l JOIN regions g ON g.code = l.region_code JOIN users u ON u.id = l.author_id`;

function toLesson(row: Record<string, unknown>): LessonRecord {
  const out = { ...row } as Record<string, unknown>;
  for (const key of ['createdAt', 'updatedAt', 'submittedAt', 'publishedAt']) {
    out[key] = toWibIsoOrNull(row[key] as Date);
  }
  return out as LessonRecord;
}

export type LessonRow = LessonWriting;

/** A lesson's written columns, in the order the INSERT and the UPDATE below name them. */
function lessonValues(row: LessonRow): unknown[] {
  return [
    row.title,
    row.situation,
    row.actionsTaken,
    row.whatWorked,
    row.whatToAvoid,
    row.conflictType,
    row.regionCode,
    row.tags,
  ];
}

export async function insertLesson(
  tx: Tx,
  row: LessonRow & { authorId: string; now: Date },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO lessons (title, situation, actions_taken, what_worked, what_to_avoid, conflict_type, region_code,
       kabkota_code, tags, author_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, left($7, 5), $8, $9, $10, $10) RETURNING id`,
    [...lessonValues(row), row.authorId, row.now],
  );
}

/** Writes the fields when the stored version is still `version`; false when it moved on. */
export async function updateLesson(
  tx: Tx,
  id: string,
  version: number,
  row: LessonRow,
  now: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE lessons SET title = $3, situation = $4, actions_taken = $5, what_worked = $6, what_to_avoid = $7,
       conflict_type = $8, region_code = $9, kabkota_code = left($9, 5), tags = $10, version = version + 1,
       updated_at = $11
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, ...lessonValues(row), now],
  );
  return rows.length === 1;
}

export async function setStatus(
  tx: Tx,
  id: string,
  change: { status: LessonStatus; reviewNote?: string | null; by: string; now: Date },
): Promise<void> {
  await tx.query(
    `UPDATE lessons SET status = $2, review_note = coalesce($3, review_note), version = version + 1, updated_at = $5,
       submitted_at = CASE WHEN $2 = 'diajukan' THEN $5 ELSE submitted_at END,
       published_at = CASE WHEN $2 = 'terbit' THEN $5 ELSE published_at END,
       published_by = CASE WHEN $2 = 'terbit' THEN $4::uuid ELSE published_by END
     WHERE id = $1`,
    [id, change.status, change.reviewNote ?? null, change.by, change.now],
  );
}

export async function findLesson(tx: Tx, id: string): Promise<LessonRecord | undefined> {
  const row = await tx.one(`${SELECT} WHERE l.id = $1`, [id]);
  return row ? toLesson(row) : undefined;
}

/** Replaces the linked cases; returns the ids the actor could not see (nothing is linked then). */
export async function setLessonCases(
  tx: Tx,
  lessonId: string,
  caseIds: readonly string[],
): Promise<string[]> {
  const visible = await tx.query<{ id: string }>('SELECT id FROM cases WHERE id = ANY($1::uuid[])', [
    caseIds,
  ]);
  const missing = caseIds.filter((id) => !visible.some((c) => c.id === id));
  if (missing.length > 0) return missing;
  await tx.query('DELETE FROM lesson_cases WHERE lesson_id = $1', [lessonId]);
  await tx.query(
    'INSERT INTO lesson_cases (lesson_id, case_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING',
    [lessonId, caseIds],
  );
  return [];
}

/** The linked cases the actor may see: id and title only. */
export async function listVisibleCases(tx: Tx, lessonId: string): Promise<{ id: string; title: string }[]> {
  return tx.query(
    `SELECT c.id, c.title FROM lesson_cases lc JOIN cases c ON c.id = lc.case_id WHERE lc.lesson_id = $1 ORDER BY c.created_at`,
    [lessonId],
  );
}

/** Names of the children recorded in the given cases (as far as the actor may see them). */
export async function listChildNames(tx: Tx, caseIds: readonly string[]): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const rows = await tx.query<{ name: string }>(
    `SELECT DISTINCT full_name AS name FROM vulnerable_people WHERE case_id = ANY($1::uuid[]) AND vulnerable_group = 'anak'`,
    [caseIds],
  );
  return rows.map((row) => row.name);
}

export type LessonFilter = {
  status?: LessonStatus;
  authorId?: string;
  conflictType?: string;
  regionCode?: string;
  tag?: string;
  limit: number;
};

function filterSql(filter: LessonFilter, params: unknown[]): string[] {
  const where = sqlWhere(params);
  const { add } = where;
  if (filter.status) add((p) => `l.status = ${p}`, filter.status);
  if (filter.authorId) add((p) => `l.author_id = ${p}`, filter.authorId);
  if (filter.conflictType) add((p) => `l.conflict_type = ${p}`, filter.conflictType);
  if (filter.regionCode)
    add((p) => `(l.region_code = ${p} OR l.region_code LIKE ${p} || '.%')`, filter.regionCode);
  if (filter.tag) add((p) => `${p} = ANY(l.tags)`, filter.tag);
  return where.conditions;
}

/** Lessons the actor may see, newest first. */
export async function listLessons(tx: Tx, filter: LessonFilter): Promise<LessonRecord[]> {
  const params: unknown[] = [];
  const where = filterSql(filter, params);
  params.push(filter.limit);
  const rows = await tx.query(
    `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY coalesce(l.published_at, l.updated_at) DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toLesson);
}

/** A found lesson: its rank and the passages that matched, HTML-escaped with <mark> around the words. */
export type LessonHit = Hit;

const escapeHtml = (column: string) =>
  `replace(replace(replace(${column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;

/**
 * Searches in Indonesian (a root finds its derived forms and back: 'damai' finds 'berdamai', 'pengungsian'
 * finds 'mengungsi'; migrations/0010_case_closing.sql): websearch syntax, all words by default,
 * any word when `anyWord`; ranked by ts_rank_cd with title and tags weighing more than the body.
 */
export async function searchLessons(
  tx: Tx,
  query: string,
  filter: LessonFilter,
  anyWord: boolean,
): Promise<LessonHit[]> {
  const params: unknown[] = [anyWord ? query.trim().split(/\s+/).join(' or ') : query];
  const where = ['l.search @@ q.query', ...filterSql(filter, params)];
  params.push(filter.limit);
  const body = `l.situation || ' ' || l.actions_taken || ' ' || l.what_worked || ' ' || l.what_to_avoid`;
  const rows = await tx.query(
    `WITH q AS (SELECT sigap_search_query($1) AS query)
     SELECT s.*, ts_rank_cd(l.search, q.query) AS rank,
       ts_headline('indonesian', ${escapeHtml('l.title')}, q.query, 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true') AS "titleHighlight",
       ts_headline('indonesian', ${escapeHtml(body)}, q.query,
         'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter=" … "') AS excerpt
     FROM lessons l CROSS JOIN q JOIN (${SELECT}) s ON s.id = l.id
     WHERE ${where.join(' AND ')}
     ORDER BY rank DESC, l.published_at DESC NULLS LAST, l.id LIMIT $${params.length}`,
    params,
  );
  return rows.map((row) => ({
    ...toLesson(row),
    rank: Number(row.rank),
    titleHighlight: row.titleHighlight as string,
    excerpt: row.excerpt as string,
  }));
}

/** The tags of the lessons the actor sees (published ones unless `status` says otherwise), most used first. */
export async function listTags(
  tx: Tx,
  status: LessonStatus | undefined,
  limit: number,
): Promise<{ tag: string; count: number }[]> {
  const rows = await tx.query<{ tag: string; count: string | number }>(
    `SELECT t.tag, count(*) AS count FROM lessons l CROSS JOIN LATERAL unnest(l.tags) AS t(tag)
     WHERE ($1::text IS NULL OR l.status = $1) GROUP BY t.tag ORDER BY count(*) DESC, t.tag LIMIT $2`,
    [status ?? null, limit],
  );
  return rows.map((row) => ({ tag: row.tag, count: Number(row.count) }));
}
