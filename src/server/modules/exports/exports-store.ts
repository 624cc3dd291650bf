// The export's reads: one SELECT per kind giving the columns of src/shared/exports/export-columns.ts, in
// (created_at, id) order so it can be read in keyset pages or through one server-side cursor. Row-level security
// decides which rows; the filters are the lists' own.
import { EXPORT_COLUMNS, type ExportColumn } from '../../../shared/exports/export-columns.ts';
import type { ExportKind } from '../../../shared/exports/export-schema.ts';
import { inlineParams, type Tx } from '../../platform/db.ts';
import { sqlWhere } from '../../platform/sql-where.ts';
import { addReportFacets, type ReportFacets } from '../reports/report-filter-rules.ts';

/** The pillar columns the data map masks: read only for a personal export (constants, never input). */
const PILLAR_PERSONAL = EXPORT_COLUMNS.pillars.flatMap((c) =>
  c.personal && c.source?.startsWith('pillars.') ? [c.source.slice('pillars.'.length)] : [],
);

/** The lists read here (the evaluation's records are read by the evaluation module). */
export type ListKind = Exclude<ExportKind, 'evaluation'>;

/**
 * A page of rows as read: each row an array of values in the order `fields` names them: the columns' keys plus
 * the keyset key `_k`, `id`, `regionCode` and, as the kind has them, GPS and a case's handlers. One small array
 * per row, not an object keyed by column: a million rows make that much less garbage (decision 0042).
 */
export type ExportPage = { fields: string[]; rows: unknown[][] };

/** The filters of every kind, already turned into times and codes by the service (those of reports also mean
 * "when it was created" for the other kinds, and their status). */
export type ExportFilter = ReportFacets & {
  regionCode?: string;
  phase?: string;
  open?: boolean;
  pillarType?: string;
  /** Read what a handler check needs (cases) and the personal columns (pillars). */
  personal?: boolean;
};

/** The place columns at each level from one region code column. */
function place(code: string): { select: string; joins: string } {
  return {
    select: `'35' AS "adm1Code", 'Jawa Timur' AS "adm1Name",
      left(${code}, 5) AS "adm2Code", pk.name AS "adm2Name",
      CASE WHEN length(${code}) >= 8 THEN left(${code}, 8) END AS "adm3Code", pc.name AS "adm3Name",
      CASE WHEN length(${code}) >= 13 THEN ${code} END AS "adm4Code",
      CASE WHEN length(${code}) >= 13 THEN pg.name END AS "adm4Name", ${code} AS "regionCode"`,
    joins: `JOIN regions pg ON pg.code = ${code}
      LEFT JOIN regions pk ON pk.code = left(${code}, 5)
      LEFT JOIN regions pc ON length(${code}) >= 8 AND pc.code = left(${code}, 8)`,
  };
}

const key = (alias: string) =>
  `to_char(${alias}.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "_k"`;

/**
 * A time column as WIB text to the millisecond (`2026-08-22T21:30:00.123+07:00`), named `name`: the writers
 * format it with a string rule (exports-rules.ts `textOf`) and the driver makes no Date of it, one fewer object
 * and parse per time per row (decision 0042).
 */
const wib = (column: string, name: string) =>
  `to_char(${column} AT TIME ZONE 'UTC' + interval '7 hours', 'YYYY-MM-DD"T"HH24:MI:SS.MS"+07:00"') AS "${name}"`;

type Query = { text: string; params: unknown[] };

/**
 * Rows as CSV lines written by the database (CSV and HXL of the lists, decision 0047): each row read as one text
 * `_line` (with its CRLF) instead of a value per column, so a million rows make a million strings in Node, not
 * thirty million. `withKey` adds the keyset key `_k` and `id` (PGlite's pages), `withId` the id alone (the access
 * log of pillars' names).
 */
export type LineRows = {
  columns: readonly ExportColumn[];
  delimiter: ',' | ';';
  withKey?: boolean;
  withId?: boolean;
};

/** The name of a page's column holding a row's CSV line. */
export const LINE_FIELD = '_line';

/** A time as the inner SELECT reads it (WIB text to the millisecond), cut to the second as `textOf` does. */
const lineDatetime = (value: string) => `coalesce(left(${value}, 19) || '+07:00', '')`;

/**
 * One CSV field of a text value in SQL, as `csvField` (exports-rules.ts) writes it: nothing for null; an apostrophe
 * before a value a spreadsheet would run as a formula (=, +, -, @, tab or CR first) unless it is a number; quoted,
 * with quotes doubled, when it holds the separator, a quote or a line break. `value` is read more than once: a
 * column of the inner SELECT, or a cheap expression over one.
 */
function lineField(value: string, delimiter: string): string {
  const quoted = `strpos(${value}, '"') > 0 OR strpos(${value}, chr(10)) > 0 OR strpos(${value}, chr(13)) > 0 OR strpos(${value}, '${delimiter}') > 0`;
  const formula = `left(${value}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) AND ${value} !~ '^[+-]?[0-9]+([.][0-9]+)?$'`;
  return `CASE WHEN ${value} IS NULL THEN ''
    WHEN ${formula} THEN CASE WHEN ${quoted} THEN '"''' || replace(${value}, '"', '""') || '"' ELSE '''' || ${value} END
    WHEN ${quoted} THEN '"' || replace(${value}, '"', '""') || '"'
    ELSE ${value} END`;
}

/**
 * A column's CSV field in SQL, as `textOf` then `csvField` write it: times cut to the second, yes/no in
 * Indonesian, lists joined with ", " (a null element as nothing), integers as they are (digits and a sign never
 * need quoting nor count as a formula). Numbers (GPS) are PostgreSQL's shortest text of the double, the same
 * digits as JavaScript's for the coordinates the reports' CHECK allows (exponents differ only below 1e-4).
 */
function lineColumn(column: ExportColumn, delimiter: string): string {
  const value = `x."${column.key}"`;
  switch (column.type) {
    case 'datetime':
      return lineDatetime(value);
    case 'boolean':
      return `CASE WHEN ${value} THEN 'ya' WHEN NOT ${value} THEN 'tidak' ELSE '' END`;
    case 'integer':
      return `coalesce(${value}::text, '')`;
    case 'list':
      return lineField(`array_to_string(${value}, ', ', '')`, delimiter);
    default:
      return lineField(`${value}::text`, delimiter);
  }
}

/** The SELECT of CSV lines over the kind's SELECT `inner` (named x), in the same order. */
function lineQuery(inner: Query, lines: LineRows): Query {
  if (lines.delimiter !== ',' && lines.delimiter !== ';') throw new Error('CSV separator must be , or ;');
  const fields = lines.columns.map((column) => lineColumn(column, lines.delimiter));
  const extra = `${lines.withKey ? 'x."_k", ' : ''}${lines.withKey || lines.withId ? 'x.id, ' : ''}`;
  return {
    text: `SELECT ${extra}concat_ws('${lines.delimiter}', ${fields.join(',\n')}) || chr(13) || chr(10) AS "${LINE_FIELD}"
      FROM (${inner.text}) x ORDER BY x."_at", x.id`,
    params: inner.params,
  };
}

/**
 * The SELECT of one kind with its filters, rows after `after` (the keyset), in export order; `sortColumns` adds
 * the raw creation time `_at` (for an outer query's ORDER BY, which the planner sees is already met).
 */
function buildQuery(
  kind: ListKind,
  filter: ExportFilter,
  after?: { k: string; id: string },
  sortColumns = false,
): Query {
  const where = sqlWhere();
  const { add, params } = where;
  const alias = { reports: 'r', cases: 'c', alerts: 'a', pillars: 'p' }[kind];
  const keyOf = (a: string) => `${key(a)}${sortColumns ? `, ${a}.created_at AS "_at"` : ''}`;
  const within = (column: string) =>
    add((p) => `(${column} = ${p} OR ${column} LIKE ${p} || '.%')`, filter.regionCode);
  let select: string;
  if (kind === 'reports') {
    const at = place('r.region_code');
    select = `SELECT r.id, ${keyOf('r')}, ${wib('r.occurred_at', 'occurredAt')}, ${wib('r.created_at', 'createdAt')}, r.kind,
      r.conflict_type AS "conflictType", r.triggers, ${at.select}, r.latitude, r.longitude,
      r.groups_involved AS "groupsInvolved", r.description, r.involved, r.injured, r.dead, r.displaced,
      r.houses_damaged AS "housesDamaged",
      coalesce((r.vulnerable->'anak'->>'harmed')::int, 0) + coalesce((r.vulnerable->'anak'->>'displaced')::int, 0)
        AS children,
      (SELECT coalesce(sum(coalesce((e.value->>'harmed')::int, 0) + coalesce((e.value->>'displaced')::int, 0)), 0)
         FROM jsonb_each(r.vulnerable) e)::int AS "vulnerableAffected",
      r.channel, r.status, r.priority, ${wib('r.verified_at', 'verifiedAt')}, r.case_id AS "caseId"
      FROM reports r ${at.joins}`;
    if (filter.regionCode) within('r.region_code');
    addReportFacets(where, filter);
  } else if (kind === 'cases') {
    const at = place('c.region_code');
    const handling = filter.personal
      ? `, c.kabkota_code AS "kabkotaCode",
        coalesce((SELECT array_agg(gr.grantee) FROM grants gr WHERE gr.subject_type = 'case' AND gr.subject_id = c.id
                  AND gr.grantee_kind = 'region'), '{}') AS "sharedWith",
        coalesce((SELECT array_agg(a.user_id::text) FROM assignments a WHERE a.case_id = c.id
                  AND a.status <> 'dibatalkan'), '{}') AS "assigneeIds"`
      : '';
    select = `SELECT c.id, ${keyOf('c')}, c.title, c.conflict_type AS "conflictType", ${at.select}, c.phase, c.priority,
      c.has_vulnerable AS "hasVulnerable", c.handling_level AS "handlingLevel", ${wib('c.created_at', 'createdAt')},
      ${wib('c.due_response_at', 'dueResponseAt')}, ${wib('c.first_response_at', 'firstResponseAt')},
      CASE WHEN c.first_response_at IS NOT NULL THEN c.first_response_at <= c.due_response_at END AS "responseOnTime",
      ${wib('c.due_resolve_at', 'dueResolveAt')}, ${wib('c.closed_at', 'closedAt')},
      CASE WHEN c.closed_at IS NOT NULL THEN c.closed_at <= c.due_resolve_at END AS "resolvedOnTime",
      c.outcome, ${wib('c.escalated_at', 'escalatedAt')},
      (SELECT count(*) FROM reports r WHERE r.case_id = c.id)::int AS "reportCount"${handling}
      FROM cases c ${at.joins}`;
    if (filter.regionCode) within('c.region_code');
    if (filter.phase) add((p) => `c.phase = ${p}`, filter.phase);
    if (filter.open) where.conditions.push('c.closed_at IS NULL');
    if (filter.from) add((p) => `c.created_at >= ${p}`, filter.from);
    if (filter.to) add((p) => `c.created_at < ${p}`, filter.to);
  } else if (kind === 'alerts') {
    const at = place('a.region_code');
    select = `SELECT a.id, ${keyOf('a')}, ${wib('a.created_at', 'createdAt')}, a.level, a.source, a.status, a.headline,
      ${at.select}, a.handling_level AS "handlingLevel", ${wib('a.due_acknowledge_at', 'dueAcknowledgeAt')},
      ${wib('a.acknowledged_at', 'acknowledgedAt')},
      CASE WHEN a.acknowledged_at IS NOT NULL THEN a.acknowledged_at <= a.due_acknowledge_at END AS "acknowledgedOnTime",
      ${wib('a.closed_at', 'closedAt')}
      FROM alerts a ${at.joins}`;
    if (filter.regionCode) within('a.region_code');
    if (filter.status) add((p) => `a.status = ${p}`, filter.status);
    if (filter.open) where.conditions.push(`a.status IN ('aktif', 'diterima')`);
    if (filter.from) add((p) => `a.created_at >= ${p}`, filter.from);
    if (filter.to) add((p) => `a.created_at < ${p}`, filter.to);
  } else {
    const at = place('p.home_region_code');
    const personal = filter.personal ? PILLAR_PERSONAL.map((column) => `, p.${column}`).join('') : '';
    select = `SELECT p.id, ${keyOf('p')}, p.pillar_type AS "pillarType", ${at.select}, p.skills,
      jsonb_array_length(p.trainings) AS trainings, p.status, p.availability, ${wib('p.created_at', 'createdAt')}${personal}
      FROM pillars p ${at.joins}`;
    if (filter.regionCode) within('p.home_region_code');
    if (filter.pillarType) add((p) => `p.pillar_type = ${p}`, filter.pillarType);
    if (filter.status) add((p) => `p.status = ${p}`, filter.status);
  }
  if (after) {
    params.push(after.k, after.id);
    const [k, id] = [params.length - 1, params.length];
    where.conditions.push(
      `(${alias}.created_at, ${alias}.id) > (($${k})::timestamp AT TIME ZONE 'UTC', $${id}::uuid)`,
    );
  }
  return {
    text: `${select} ${where.text()} ORDER BY ${alias}.created_at, ${alias}.id`,
    params,
  };
}

/** One keyset page: at most `limit` rows after `after`; with `lines`, each row as its CSV line, `_k` and `id`. */
export async function readPage(
  tx: Tx,
  kind: ListKind,
  filter: ExportFilter,
  after: { k: string; id: string } | undefined,
  limit: number,
  lines?: LineRows,
): Promise<ExportPage> {
  const inner = buildQuery(kind, filter, after, Boolean(lines));
  // The LIMIT goes inside: the page is planned as a page, and the lines' ORDER BY finds it already in order.
  const page = { ...inner, text: `${inner.text} LIMIT ${Math.trunc(limit)}` };
  const query = lines ? lineQuery(page, { ...lines, withKey: true }) : page;
  return tx.queryArrays(query.text, query.params);
}

/**
 * Opens a server-side cursor over the whole export in this transaction (PostgreSQL: one snapshot); with `lines`,
 * it gives each row as its CSV line.
 */
export async function openCursor(
  tx: Tx,
  kind: ListKind,
  filter: ExportFilter,
  name: string,
  lines?: LineRows,
): Promise<void> {
  const query = lines
    ? lineQuery(buildQuery(kind, filter, undefined, true), lines)
    : buildQuery(kind, filter);
  await tx.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${inlineParams(query.text, query.params)}`);
}

/** The next rows of the cursor; fewer than `count` at the end. */
export async function fetchCursor(tx: Tx, name: string, count: number): Promise<ExportPage> {
  return tx.queryArrays(`FETCH FORWARD ${Math.trunc(count)} FROM ${name}`);
}

/** How many rows the export will hold (for a background export's progress). */
export async function countRows(tx: Tx, kind: ListKind, filter: ExportFilter): Promise<number> {
  const query = buildQuery(kind, filter);
  const row = await tx.one<{ n: number }>(`SELECT count(*)::int AS n FROM (${query.text}) x`, query.params);
  return row?.n ?? 0;
}

/** Names and groups of the vulnerable people of these cases (personal data: the service checks handlers). */
export async function listPeopleOfCases(
  tx: Tx,
  caseIds: readonly string[],
): Promise<{ caseId: string; fullName: string; group: string }[]> {
  if (caseIds.length === 0) return [];
  return tx.query(
    `SELECT case_id AS "caseId", full_name AS "fullName", vulnerable_group AS "group" FROM vulnerable_people
     WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, created_at`,
    [caseIds],
  );
}
