// Region codes are read by the helpers of src/shared/region-codes.ts (level, kab/kota, kecamatan, parent,
// kelurahan, within) and nowhere else: a `split('.')` elsewhere is a second copy of that rule, unless it splits
// something that is not a region code (named below with what it splits), and a `startsWith(`${code}.`)` is a
// second copy of `isWithin`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/** Files that split other dotted text, with what they split. */
const OTHER_DOTTED_TEXT: Record<string, string> = {
  'src/shared/region-codes.ts': 'the region-code helpers themselves',
  'src/shared/exports/export-columns.ts': "an export column's source, table.column",
  'src/shared/pillars/pillar-identity.ts': "a person's name written with initials (M. Soeparman)",
  'src/server/modules/evaluation/evaluation-bases.ts': "a record set's name, measure.group",
  'src/web/evaluation/RecordsPage.tsx': "a record set's name, measure.group",
  'src/web/early-warning/ModelSettingsView.tsx': "a setting's path in the model settings",
  'src/cli/local-ca.ts': 'an IPv4 address and a host name',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('region-code arithmetic lives in one file', () => {
  it('no source file splits a dotted code but those named with what they split', () => {
    const found = sourceFiles(join(ROOT, 'src'))
      .map((file) => relative(ROOT, file))
      .filter((name) => !(name in OTHER_DOTTED_TEXT))
      .filter((name) => readFileSync(join(ROOT, name), 'utf8').includes(".split('.')"));
    expect(found).toEqual([]);
  });

  it('no source file but region-codes.ts asks whether a code lies inside another by its prefix', () => {
    const prefixTest = /startsWith\(`\$\{[^}]+\}\.`\)/;
    const $ = '$'; // the samples below are source text, not templates
    expect(prefixTest.test(`code.startsWith(\`${$}{scope}.\`)`)).toBe(true);
    expect(prefixTest.test(`day.startsWith(\`${$}{year}-\`)`)).toBe(false);
    const found = sourceFiles(join(ROOT, 'src'))
      .map((file) => relative(ROOT, file))
      .filter((name) => name !== 'src/shared/region-codes.ts')
      .filter((name) => prefixTest.test(readFileSync(join(ROOT, name), 'utf8')));
    expect(found).toEqual([]);
  });

  it('every file named still splits dotted text', () => {
    for (const name of Object.keys(OTHER_DOTTED_TEXT))
      expect(readFileSync(join(ROOT, name), 'utf8').includes(".split('.')"), name).toBe(true);
  });
});
