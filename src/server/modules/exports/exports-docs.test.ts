import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../../shared/exports/export-columns.ts';

describe('the HXL tag table in docs/EXPORTS.md', () => {
  it('lists every column of every export with its tag', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../../../docs/EXPORTS.md'), 'utf8');
    for (const columns of Object.values(EXPORT_COLUMNS)) {
      for (const c of columns) expect(doc).toContain(`| ${c.header} / ${c.english} | \`${c.hxl}\` |`);
    }
  });
});
