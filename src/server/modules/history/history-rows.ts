// The rows of an import: read with the plan (pure rules and the gazetteer), given ids made from their cells, and
// compared with the reports kept (through the reports service) to say what each would become.
import { createHash } from 'node:crypto';
import { type RowReading, readHistoryRow } from '../../../shared/history/history-rules.ts';
import type { DryRunRow, HistoryPlan } from '../../../shared/history/history-schema.ts';
import { kecamatanOf } from '../../../shared/region-codes.ts';
import type { Tx } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { matchHistory } from '../reports/reports-history-service.ts';
import { jatimGazetteer } from '../text-reader/gazetteer-load.ts';
import type { Sheet } from './history-sheet.ts';

export type ReadRow = { id: string; reading: RowReading };
export type DecidedRow = ReadRow & { view: DryRunRow };

/** A row's report id: a UUID from the SHA-256 of its cells, so the same row in any file is the same report. */
export function rowId(cells: readonly string[]): string {
  const hex = createHash('sha256')
    .update(`sigap-history:${JSON.stringify(cells.map((c) => c.trim()))}`)
    .digest('hex');
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Every row of the sheet read with the plan; row numbers as the spreadsheet shows them (the header is 1). */
export function readRows(sheet: Sheet, plan: HistoryPlan, now: Date): ReadRow[] {
  const index = new Map(sheet.headers.map((header, i) => [header, i]));
  for (const column of [plan.mapping.date, ...plan.mapping.place]) {
    if (!index.has(column)) throw unknownColumn(column);
  }
  for (const column of Object.values(plan.mapping).flat()) {
    if (typeof column === 'string' && !index.has(column)) throw unknownColumn(column);
  }
  const g = jatimGazetteer();
  return sheet.rows.map((cells, i) => {
    const cell = (column: string | undefined) =>
      column === undefined ? '' : (cells[index.get(column) as number] ?? '');
    return { id: rowId(cells), reading: readHistoryRow(i + 2, cell, plan, g, now) };
  });
}

function unknownColumn(column: string): DomainError {
  return new DomainError('validation_failed', `Kolom "${column}" tidak ada di berkas`);
}

/** The text an imported report keeps: the row's description, or what the row says when it has none. */
export function descriptionOf(reading: RowReading): string {
  const text =
    reading.description ||
    `Kejadian ${reading.sourceType || (reading.conflictType ?? 'konflik')} di ${reading.place?.name ?? reading.placeText}`;
  return (text.length >= 10 ? text : `${text} (riwayat impor)`).slice(0, 5000);
}

/** What each row of a chunk would become against the reports kept now. */
export async function decideRows(tx: Tx, importId: string, rows: readonly ReadRow[]): Promise<DecidedRow[]> {
  const probes = rows.flatMap(({ id, reading }) =>
    reading.place && reading.occurredAt && reading.problems.length === 0
      ? [
          {
            key: String(reading.row),
            id,
            place: kecamatanOf(reading.place.code) ?? reading.place.code,
            conflictType: reading.conflictType ?? 'lainnya',
            occurredAt: reading.occurredAt,
          },
        ]
      : [],
  );
  const matches = await matchHistory(tx, importId, probes);
  return rows.map(({ id, reading }) => {
    const match = matches.get(String(reading.row));
    const state: DryRunRow['state'] =
      reading.problems.length > 0
        ? 'galat'
        : !reading.place
          ? 'ambigu'
          : match?.existing
            ? 'sudah'
            : match?.duplicateOf
              ? 'duplikat'
              : 'siap';
    const { description: _d, groups: _g, source: _s, ...view } = reading;
    return { id, reading, view: { ...view, state, duplicateOf: match?.duplicateOf ?? null } };
  });
}
