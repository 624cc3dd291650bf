// The records behind an evaluation figure, whole, for an export (docs/EXPORTS.md): checked exactly as the list
// GET /api/evaluations/records is (the set, the period, a scope within the asker's region), then read page by
// page so a province's year never sits in memory: PostgreSQL through one server-side cursor, PGlite in keyset
// pages, one short transaction each. Each page comes with the names of its regions and their parents.

import { areasOf } from '../../../shared/region-codes.ts';
import type { Tx } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import * as bases from './evaluation-bases.ts';
import * as records from './evaluation-records-store.ts';
import { type EvaluationDeps, reader, resolveRequest, windowOf } from './evaluation-service.ts';
import * as store from './evaluation-store.ts';

export type RecordRow = records.RecordRow;

/** A page of records and the names of the regions they sit in (the region, its kecamatan and kab/kota). */
export type RecordPage = { rows: RecordRow[]; regionNames: Readonly<Record<string, string>> };

/** A figure's records, checked and ready to read. */
export type FigureRecords = {
  /** How many records the set holds (a background export's progress). */
  count(): Promise<number>;
  /** Reads every record in (time, id) order, `pageRows` at a time; each page is handed over before the next. */
  read(pageRows: number, onPage: (page: RecordPage) => Promise<void>): Promise<void>;
};

async function namesOf(tx: Tx, rows: readonly RecordRow[]): Promise<Record<string, string>> {
  const codes = new Set<string>();
  for (const row of rows) {
    codes.add(row.regionCode);
    for (const area of areasOf(row.regionCode)) codes.add(area);
  }
  return store.findRegionNames(tx, [...codes]);
}

/**
 * Checks a request for a figure's records as the list does: an unknown set is refused (400), a scope beyond the
 * asker's region (403), a role that does not evaluate (403). Nothing is read until `count` or `read`.
 */
export async function openFigureRecords(
  deps: EvaluationDeps,
  principal: Principal,
  query: { scope?: string; from?: string; to?: string; set: string },
): Promise<FigureRecords> {
  const set = bases.findRecordSet(query.set);
  if (!set) throw new DomainError('validation_failed', `Himpunan data tidak dikenal: ${query.set}`);
  const request = await resolveRequest(deps, principal, query);
  const w = windowOf(request.scope, request.period, deps.clock.now());
  const read = reader(deps);
  /** The schema's parts, or undefined when the set's tables are not there (a list without records). */
  const partsFor = async (tx: Tx) => {
    const parts = await store.findSchemaParts(tx);
    return (set.base === 'alert' && !parts.alerts) || (set.base === 'area' && !parts.pillars)
      ? undefined
      : parts;
  };
  return {
    count: () =>
      read(async (tx) => {
        const parts = await partsFor(tx);
        return parts ? (await store.listRecords(tx, w, set, parts, 1)).total : 0;
      }),
    async read(pageRows, onPage) {
      if (deps.db.kind === 'postgresql') {
        await read(async (tx) => {
          const parts = await partsFor(tx);
          if (!parts) return;
          await records.openRecordCursor(tx, w, set, parts, 'sigap_evaluation_records');
          for (;;) {
            const rows = await records.fetchRecords(tx, 'sigap_evaluation_records', pageRows);
            if (rows.length === 0) return;
            await onPage({ rows, regionNames: await namesOf(tx, rows) });
            if (rows.length < pageRows) return;
          }
        });
        return;
      }
      let after: records.RecordKey | undefined;
      for (;;) {
        const page = await read(async (tx): Promise<RecordPage | undefined> => {
          const parts = await partsFor(tx);
          if (!parts) return undefined;
          const rows = await records.readRecordPage(tx, w, set, parts, after, pageRows);
          return { rows, regionNames: await namesOf(tx, rows) };
        });
        if (!page || page.rows.length === 0) return;
        // Handed over between transactions: a slow download never holds PGlite's one connection.
        await onPage(page);
        if (page.rows.length < pageRows) return;
        const last = page.rows[page.rows.length - 1];
        after = { k: last._k, id: last.id };
      }
    },
  };
}
