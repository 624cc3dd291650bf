import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db-template.ts';
import {
  DATA_MAP,
  LAWFUL_BASES,
  NOT_PERSONAL,
  PERSONAL_COMMENT_PATTERN,
  PERSONAL_NAME_PATTERN,
  RETENTION_RULES,
} from '../../../shared/privacy/data-map.ts';
import { maskColumn } from '../../../shared/privacy/masks.ts';
import type { Database } from '../../platform/db.ts';

type Column = { tableName: string; columnName: string; comment: string | null };

let db: Database;
let columns: Column[];

beforeAll(async () => {
  db = await createTestDatabase();
  columns = await db.asSystem((tx) =>
    tx.query<Column>(
      `SELECT c.table_name AS "tableName", c.column_name AS "columnName",
              col_description(format('%I.%I', c.table_schema, c.table_name)::regclass, c.ordinal_position) AS comment
         FROM information_schema.columns c
         JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'`,
    ),
  );
});
afterAll(() => db.close());

const key = (table: string, column: string) => `${table}.${column}`;

describe('the data map against the migrated schema', () => {
  it('declares every column whose name or comment marks personal data', () => {
    const declared = new Set(DATA_MAP.map((entry) => key(entry.table, entry.column)));
    const undeclared = columns
      .filter(
        (c) => PERSONAL_NAME_PATTERN.test(c.columnName) || PERSONAL_COMMENT_PATTERN.test(c.comment ?? ''),
      )
      .map((c) => key(c.tableName, c.columnName))
      .filter((name) => !declared.has(name) && !(name in NOT_PERSONAL));
    expect(undeclared).toEqual([]);
  });

  it('names only columns that exist, each marked as personal data in its comment', () => {
    const byName = new Map(columns.map((c) => [key(c.tableName, c.columnName), c]));
    const missing = DATA_MAP.map((e) => key(e.table, e.column)).filter((name) => !byName.has(name));
    expect(missing).toEqual([]);
    const unmarked = DATA_MAP.map((e) => byName.get(key(e.table, e.column)) as Column)
      .filter((c) => !PERSONAL_COMMENT_PATTERN.test(c.comment ?? ''))
      .map((c) => key(c.tableName, c.columnName));
    expect(unmarked).toEqual([]);
    expect(Object.keys(NOT_PERSONAL).filter((name) => !byName.has(name))).toEqual([]);
  });

  it('gives every entry a known basis and retention rule, specific data its kind, and no column twice', () => {
    const names = DATA_MAP.map((e) => key(e.table, e.column));
    expect(new Set(names).size).toBe(names.length);
    for (const entry of DATA_MAP) {
      expect(LAWFUL_BASES).toContain(entry.basis);
      expect(Object.keys(RETENTION_RULES)).toContain(entry.retention);
      if (entry.category === 'spesifik') expect(entry.specific?.length).toBeGreaterThan(0);
      expect(entry.purpose.id.length).toBeGreaterThan(5);
    }
  });

  it('masks a column as the map declares and refuses an undeclared one', () => {
    expect(maskColumn('vulnerable_people', 'full_name', 'Siti Aminah')).toBe('S*** A***');
    expect(maskColumn('pillars', 'nik_encrypted', '3509012345670001')).toBe('************0001');
    expect(maskColumn('vulnerable_people', 'needs', 'kursi_roda')).toBeNull();
    expect(maskColumn('pillars', 'phone', null)).toBeNull();
    expect(() => maskColumn('regions', 'name', 'Jember')).toThrow(/not in the data map/);
  });
});
