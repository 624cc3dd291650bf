// The masks of the data map: how a column is shown to someone who may see the record but not the person.
import { maskName } from '../cases/people-rules.ts';
import { maskNik, maskPhone } from '../pillars/pillar-identity.ts';
import { dataMapEntry, type MaskKind } from './data-map.ts';

/** A value under one mask kind; 'hidden' gives null. */
export function applyMask(kind: MaskKind, value: string): string | null {
  switch (kind) {
    case 'name':
      return maskName(value);
    case 'nik':
      return maskNik(value);
    case 'phone':
      return maskPhone(value);
    case 'hidden':
      return null;
    case 'none':
      return value;
  }
}

/**
 * A column's value masked as the data map declares (null stays null). Throws for a column that is not in the
 * map: masking an undeclared column means the map is missing an entry.
 */
export function maskColumn(table: string, column: string, value: string | null): string | null {
  const entry = dataMapEntry(table, column);
  if (!entry) throw new Error(`${table}.${column} is not in the data map`);
  return value == null ? null : applyMask(entry.mask, value);
}
