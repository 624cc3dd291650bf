// The export columns follow the data map: a column taken from a declared personal column names it as its source,
// and the ones the data map masks are written only to handlers who ask (personal).
import { describe, expect, it } from 'vitest';
import { DATA_MAP, dataMapEntry } from '../privacy/data-map.ts';
import { EXPORT_COLUMNS, exportColumns } from './export-columns.ts';

const MAIN_TABLE = { reports: 'reports', cases: 'cases', alerts: 'alerts', pillars: 'pillars' } as const;
const snake = (key: string) => key.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);

describe('export columns and the data map', () => {
  it('names a declared column of the data map as the source of every column holding personal data', () => {
    for (const [kind, columns] of Object.entries(EXPORT_COLUMNS)) {
      const table = MAIN_TABLE[kind as keyof typeof MAIN_TABLE];
      for (const column of columns) {
        if (column.source) {
          const [sourceTable, sourceColumn] = column.source.split('.');
          expect(dataMapEntry(sourceTable, sourceColumn), `${kind}.${column.key}`).toBeDefined();
        }
        const declared = DATA_MAP.some((e) => e.table === table && e.column === snake(column.key));
        if (declared) expect(column.source, `${kind}.${column.key}`).toBe(`${table}.${snake(column.key)}`);
      }
    }
  });

  it('keeps the columns the data map masks out of exports unless personal data is asked for', () => {
    const personal = Object.entries(EXPORT_COLUMNS).flatMap(([kind, columns]) =>
      columns.filter((c) => c.personal).map((c) => `${kind}.${c.key}`),
    );
    expect(personal).toEqual(['cases.people', 'pillars.name', 'pillars.phone']);
    // A report's description is declared but shown to whoever sees the report (mask none): it stays in.
    expect(exportColumns('reports', false).map((c) => c.key)).toContain('description');
    expect(exportColumns('pillars', false).map((c) => c.key)).not.toContain('phone');
    expect(exportColumns('pillars', true).map((c) => c.key)).toContain('phone');
  });
});
