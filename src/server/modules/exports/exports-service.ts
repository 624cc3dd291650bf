// Exports: the lists' rows, as the actor sees them, streamed page by page into one of four formats and audited
// with their filters and row count. PostgreSQL reads through one server-side cursor (one snapshot, one pooled
// connection); PGlite, whose single connection every request shares, reads in keyset pages, one short
// transaction each, and writes each page out between them.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { isCaseHandler } from '../../../shared/cases/case-rules.ts';
import { EXPORT_TITLES, exportColumns } from '../../../shared/exports/export-columns.ts';
import type {
  EvaluationExportQuery,
  ExportFormat,
  ExportKind,
  ExportQuery,
} from '../../../shared/exports/export-schema.ts';
import { startOfWibDay } from '../../../shared/time.ts';
import { appendAudit, logAccessMany } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { type FigureRecords, openFigureRecords } from '../evaluation/evaluation-records-service.ts';
import { exportInWorker } from './exports-in-worker.ts';
import { type Centroids, CONTENT_TYPES, centroidOf, evaluationRow, fileName } from './exports-rules.ts';
import * as store from './exports-store.ts';
import { openWriter, passedOn } from './exports-writers.ts';

export type ExportDeps = { db: Database; clock: Clock; config: { geoDir: string | undefined } };

/** Rows per keyset page (PGlite: one short transaction each). */
export const PAGE_ROWS = 1000;
/**
 * Rows per FETCH of PostgreSQL's cursor (and the evaluation's): fewer rows in flight at once keep V8's working
 * size for a million-row export below what 1,000 gave, at no cost in CPU time (decision 0042).
 */
export const FETCH_ROWS = 250;

/** An export ready to run: what the reply says about it, and the function that writes it. */
export type PreparedExport = {
  fileName: string;
  contentType: string;
  /** Writes the whole file to `out` and audits it; resolves with the row count. */
  write(out: Writable, progress?: (rows: number) => void): Promise<number>;
};

const centroidCache = new Map<string, Promise<Centroids>>();

/** Centroids of the shipped kab/kota and kecamatan boundaries, read once per folder. */
function loadCentroids(geoDir: string | undefined): Promise<Centroids> {
  if (!geoDir) return Promise.resolve(new Map());
  let cached = centroidCache.get(geoDir);
  if (!cached) {
    cached = (async () => {
      const out = new Map<string, [number, number]>();
      for (const file of ['jatim-kabkota.geojson', 'jatim-kecamatan.geojson']) {
        const text = await readFile(path.join(geoDir, file), 'utf8').catch(() => undefined);
        if (!text) continue;
        const collection = JSON.parse(text) as {
          features: { properties: { code?: string }; geometry: Parameters<typeof centroidOf>[0] }[];
        };
        for (const feature of collection.features) {
          const point = feature.geometry ? centroidOf(feature.geometry) : undefined;
          if (feature.properties.code && point) out.set(feature.properties.code, point);
        }
      }
      return out;
    })();
    centroidCache.set(geoDir, cached);
  }
  return cached;
}

/** The list filters of a query as the store takes them (WIB days to instants). */
export function filterOf(kind: ExportKind, query: ExportQuery, personal: boolean): store.ExportFilter {
  const q = query as Record<string, string | undefined>;
  const to = q.to ? new Date(startOfWibDay(q.to).getTime() + 86_400_000) : undefined;
  return {
    regionCode: q.region,
    kind: kind === 'reports' ? q.kind : undefined,
    conflictType: q.type && kind === 'reports' ? q.type : undefined,
    pillarType: q.type && kind === 'pillars' ? q.type : undefined,
    status: q.status,
    priority: q.priority,
    channel: q.channel,
    vulnerableOnly: q.vulnerable === 'true',
    phase: q.phase,
    open: q.open === 'true',
    from: q.from ? startOfWibDay(q.from) : undefined,
    to,
    q: q.q,
    personal,
  };
}

/** The filters as the audit keeps them: values, except free text (it may name someone). */
function auditedFilters(query: ExportQuery): Record<string, unknown> {
  const {
    format: _format,
    delimiter: _delimiter,
    personal: _personal,
    ...filters
  } = query as Record<string, unknown>;
  if (typeof filters.q === 'string') filters.q = '(teks)';
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
}

/**
 * Whether this export carries personal data: only when asked for, and then refused (403) to a role that may
 * not have it. Cases then fill names only for the cases the asker handles; pillars' names go to their managers.
 */
export function includesPersonal(principal: Principal, kind: ExportKind, query: ExportQuery): boolean {
  if (query.personal !== 'true') return false;
  const refusal = 'Peran Anda tidak dapat mengekspor data pribadi';
  authorize(principal, 'export.personal', refusal);
  if (kind === 'pillars') authorize(principal, 'pillar.manage', refusal);
  return kind === 'cases' || kind === 'pillars';
}

/** A row's value by field name (for the few reads by name: keys, handlers, personal data). */
function fieldOf(page: store.ExportPage, row: readonly unknown[], name: string): unknown {
  const at = page.fields.indexOf(name);
  return at < 0 ? undefined : row[at];
}

/**
 * Adds the personal columns to a page inside its transaction: the names of vulnerable people of the cases the
 * asker handles (others stay empty), each case so shown access-logged; pillars' names are access-logged too.
 */
async function addPersonal(tx: Tx, principal: Principal, kind: ExportKind, page: store.ExportPage) {
  const idOf = (row: readonly unknown[]) => fieldOf(page, row, 'id') as string;
  if (kind === 'cases') {
    const handled = page.rows.filter((row) =>
      isCaseHandler(principal.actor, {
        kabkotaCode: (fieldOf(page, row, 'kabkotaCode') as string | undefined) ?? '',
        handlingLevel: ((fieldOf(page, row, 'handlingLevel') as string | undefined) ??
          'kabkota') as 'kabkota',
        sharedWith: (fieldOf(page, row, 'sharedWith') as string[] | undefined) ?? [],
        assigneeIds: (fieldOf(page, row, 'assigneeIds') as string[] | undefined) ?? [],
      }),
    );
    const ids = handled.map(idOf);
    const people = await store.listPeopleOfCases(tx, ids);
    const byCase = new Map<string, string[]>();
    for (const p of people)
      byCase.set(p.caseId, [...(byCase.get(p.caseId) ?? []), `${p.fullName} (${p.group})`]);
    const handledSet = new Set(handled);
    page.fields.push('people');
    for (const row of page.rows) row.push(handledSet.has(row) ? (byCase.get(idOf(row)) ?? []) : undefined);
    await logAccessMany(
      tx,
      principal.user.id,
      'case',
      ids.filter((id) => byCase.has(id)),
      'ekspor',
    );
  } else if (kind === 'pillars') {
    await logAccessMany(tx, principal.user.id, 'pillar', page.rows.map(idOf), 'ekspor');
  }
}

/** The records behind an evaluation figure, checked as their list is (its scope within the asker's region). */
function evaluationRecords(deps: ExportDeps, principal: Principal, kind: ExportKind, query: ExportQuery) {
  return kind === 'evaluation'
    ? openFigureRecords(deps, principal, query as EvaluationExportQuery)
    : Promise.resolve(undefined);
}

/**
 * Checks who asks and prepares the export; nothing is read until `write`. Refuses (403) a role the permission
 * table does not let export this kind; which rows it gets is row-level security's answer, as for the list (the
 * evaluation's records: the list's own check of the scope asked for against the asker's region).
 */
export async function prepareExport(
  deps: ExportDeps,
  principal: Principal,
  kind: ExportKind,
  query: ExportQuery,
  options: ExportOptions = {},
): Promise<PreparedExport> {
  authorize(principal, `export.${kind}`, 'Peran Anda tidak dapat mengekspor data ini');
  includesPersonal(principal, kind, query); // refuses (403) here, before anything is read or sent
  const figure: FigureRecords | undefined = await evaluationRecords(deps, principal, kind, query);
  const server = deps.db.server;
  return {
    fileName: fileName(kind, query.format, deps.clock.now()),
    contentType: CONTENT_TYPES[query.format],
    // A CSV or HXL list read from PostgreSQL is written by a worker thread whose heap is capped, so a million rows
    // cannot grow this process (decision 0052). PGlite lives in this thread; an evaluation's records are few; XLSX
    // and GeoJSON build far more objects per row, which a capped heap turns into collections back to back.
    write: (out, progress) =>
      server && !figure && (query.format === 'csv' || query.format === 'hxl')
        ? exportInWorker(
            { server, principal, kind, query, geoDir: deps.config.geoDir, pageRows: options.pageRows },
            out,
            { progress, onPage: options.onPage },
          )
        : writeExport(deps, principal, kind, query, out, progress, { ...options, figure }),
  };
}

export type ExportOptions = {
  pageRows?: number;
  onPage?: (rowsRead: number) => void;
  /**
   * Read the next page only once `out` has taken every chunk of the last one. The worker thread sets it: its `out`
   * holds one chunk at a time until the parent has written it, so the worker never reads ahead of the download.
   */
  paced?: boolean;
};

/**
 * Writes the whole file to `out` in this thread and audits it; resolves with the row count. Who may export was
 * checked by `prepareExport`; the worker thread calls this with its own connection (exports-worker.ts).
 */
export async function writeExport(
  deps: ExportDeps,
  principal: Principal,
  kind: ExportKind,
  query: ExportQuery,
  out: Writable,
  progress?: (rows: number) => void,
  options: ExportOptions & { figure?: FigureRecords } = {},
): Promise<number> {
  const format: ExportFormat = query.format;
  const personal = includesPersonal(principal, kind, query);
  const figure = options.figure;
  /** Every kind but the evaluation's records is read here, by the store. */
  const listKind = kind as store.ListKind;
  const filter = filterOf(kind, query, personal);
  const columns = exportColumns(kind, personal);
  const pageRows = options.pageRows ?? (deps.db.kind === 'postgresql' ? FETCH_ROWS : PAGE_ROWS);
  // CSV and HXL of a list are written line by line by the database, except a cases export with names, whose
  // names are filled here for the cases the asker handles (decision 0047).
  const lines: store.LineRows | undefined =
    (format === 'csv' || format === 'hxl') && !figure && !(personal && kind === 'cases')
      ? { columns, delimiter: query.delimiter, withId: personal }
      : undefined;
  // The file goes through `file` into `out`, which ends only after the audit entry is committed: whoever
  // has the whole file can find it audited.
  const file = new PassThrough();
  file.pipe(out, { end: false });
  out.once('close', () => file.destroy());
  const writer = await openWriter(file, {
    format,
    title: EXPORT_TITLES[kind],
    columns,
    delimiter: query.delimiter,
    centroids: format === 'geojson' ? await loadCentroids(deps.config.geoDir) : new Map(),
  });
  let count = 0;
  let complete = false;
  try {
    const take = async (tx: Tx, page: store.ExportPage) => {
      if (personal) await addPersonal(tx, principal, kind, page);
      count += page.rows.length;
      options.onPage?.(count);
    };
    if (figure) {
      const set = (query as EvaluationExportQuery).set;
      await figure.read(pageRows, async (records) => {
        const rows = records.rows.map((record) => evaluationRow(record, set, records.regionNames));
        const fields = Object.keys(rows[0] ?? {});
        count += rows.length;
        options.onPage?.(count);
        await writer.rows({ fields, rows: rows.map((row) => fields.map((name) => row[name])) });
        progress?.(count);
        if (options.paced) await passedOn(file, out);
      });
    } else if (deps.db.kind === 'postgresql') {
      await deps.db.asActor(principal.actor, async (tx) => {
        await store.openCursor(tx, listKind, filter, 'sigap_export', lines);
        for (;;) {
          const page = await store.fetchCursor(tx, 'sigap_export', pageRows);
          if (page.rows.length === 0) break;
          await take(tx, page);
          await writer.rows(page);
          progress?.(count);
          if (options.paced) await passedOn(file, out);
          if (page.rows.length < pageRows) break;
        }
      });
    } else {
      let after: { k: string; id: string } | undefined;
      for (;;) {
        const page = await deps.db.asActor(principal.actor, async (tx) => {
          const read = await store.readPage(tx, listKind, filter, after, pageRows, lines);
          await take(tx, read);
          return read;
        });
        if (page.rows.length === 0) break;
        // Written between transactions: a slow download never holds PGlite's one connection.
        await writer.rows(page);
        progress?.(count);
        if (options.paced) await passedOn(file, out);
        if (page.rows.length < pageRows) break;
        const last = page.rows[page.rows.length - 1];
        after = { k: fieldOf(page, last, '_k') as string, id: fieldOf(page, last, 'id') as string };
      }
    }
    const flushed = finished(file);
    await writer.end();
    await flushed;
    complete = true;
  } finally {
    // Audited even when the download stopped midway: what left is what the rows say.
    await deps.db.asActor(principal.actor, async (tx) =>
      appendAudit(tx, principal, 'export.create', randomUUID(), {
        kind,
        format,
        filters: auditedFilters(query),
        rows: count,
        personal,
        complete,
      }),
    );
  }
  out.end();
  return count;
}

/** How many rows an export will hold, as the actor sees them (for a background export's progress). */
export async function countExport(
  deps: ExportDeps,
  principal: Principal,
  kind: ExportKind,
  query: ExportQuery,
): Promise<number> {
  const figure = await evaluationRecords(deps, principal, kind, query);
  if (figure) return figure.count();
  const filter = filterOf(kind, query, false);
  return deps.db.asActor(principal.actor, (tx) => store.countRows(tx, kind as store.ListKind, filter));
}
