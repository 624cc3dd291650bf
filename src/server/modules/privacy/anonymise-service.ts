// Anonymisation by the data map, shared by an erasure request and the retention job: each declared column of a
// record gets what its entry says (a label, its mask, empty), so the row, its counts and its times stay.
import { anonymisedValue, declaredEntries } from '../../../shared/privacy/rights-rules.ts';
import type { Tx } from '../../platform/db.ts';
import * as privacyStore from './privacy-store.ts';
import * as store from './rights-store.ts';

/** The column shapes of each table, read once per run. */
export type ShapeCache = Map<string, Map<string, store.ColumnShape>>;

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The new values anonymisation would write into one record: only the declared columns that would change (a record
 * anonymised already plans nothing); undefined when the record does not exist.
 */
export async function plannedAnonymisation(
  tx: Tx,
  table: string,
  id: string,
  shapes: ShapeCache = new Map(),
): Promise<Record<string, unknown> | undefined> {
  const row = await privacyStore.findRecord(tx, table, id);
  if (!row) return undefined;
  let tableShapes = shapes.get(table);
  if (!tableShapes) {
    tableShapes = await store.findColumnShapes(tx, table);
    shapes.set(table, tableShapes);
  }
  const values: Record<string, unknown> = {};
  for (const entry of declaredEntries(table)) {
    const shape = tableShapes.get(entry.column);
    if (!shape) continue;
    const current = row.values[entry.column];
    const next = anonymisedValue(entry, current, id, shape);
    if (!next.keep && !same(next.value, current)) values[entry.column] = next.value;
  }
  return values;
}

/** Anonymises one record by the data map; returns whether anything changed. */
export async function anonymiseRecord(
  tx: Tx,
  table: string,
  id: string,
  shapes?: ShapeCache,
): Promise<boolean> {
  const values = await plannedAnonymisation(tx, table, id, shapes);
  if (!values || Object.keys(values).length === 0) return false;
  await store.updateColumns(tx, table, id, values);
  return true;
}
