// SQL lives in stores (docs/ARCHITECTURE.md): in a module, only `*-store.ts` files hold SQL text or run a
// statement; services decide, and reach another module's table through that module's service. The few files
// outside the rule are named below with their reason.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const MODULES = join(ROOT, 'src/server/modules');

/** Module files that hold SQL without being a store, each kept on purpose. */
const OUTSIDE_STORES: Record<string, string> = {
  'evaluation/evaluation-bases.ts':
    "the evaluation's bases: SELECT text over every module's tables that its stores run and aggregate",
  'evaluation/evaluation-dataset.ts':
    'the synthetic dataset of the evaluation and bench runs: bulk inserts into many tables with owner rights',
};

const SQL_TEXT =
  /\b(SELECT|INSERT INTO|DELETE FROM|UPDATE [a-z_]+ (?:[a-z]+ )?SET|SET LOCAL|SET TRANSACTION)\b/;
const STATEMENT_CALL = /\.(query|one|insertReturningId|queryArrays|atCommit|appQuery|systemQuery)\s*(<|\()/;

/** The lines of a source file that hold SQL text or run a statement, comments left out. */
function sqlLines(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  return code.split('\n').filter((line) => SQL_TEXT.test(line) || STATEMENT_CALL.test(line));
}

function moduleFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return moduleFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.includes('test-helpers')
      ? [path]
      : [];
  });
}

describe('SQL lives in stores', () => {
  it('finds SQL text and statement calls, and passes over comments and plain code', () => {
    expect(sqlLines("const row = await tx.one('SELECT 1 FROM reports WHERE id = $1', [id]);")).toHaveLength(
      1,
    );
    expect(sqlLines('  `UPDATE cases c SET phase = $2 WHERE id = $1`,')).toHaveLength(1);
    expect(sqlLines("await tx.query('SET LOCAL jit = off');")).toHaveLength(1);
    expect(sqlLines('tx.atCommit(text, params);')).toHaveLength(1);
    expect(
      sqlLines('// SELECT in a comment\n/* INSERT INTO x */\nconst total = items.reduce(add, 0);'),
    ).toEqual([]);
    expect(sqlLines("throw new DomainError('not_found', 'Laporan tidak ditemukan');")).toEqual([]);
  });

  it('no module file but a store holds SQL or runs a statement, but those named with a reason', () => {
    const found: string[] = [];
    for (const file of moduleFiles(MODULES)) {
      const name = relative(MODULES, file);
      if (name.endsWith('-store.ts') || name in OUTSIDE_STORES) continue;
      for (const line of sqlLines(readFileSync(file, 'utf8'))) found.push(`${name}: ${line.trim()}`);
    }
    expect(found).toEqual([]);
  });

  it('every file named outside the rule still exists and still holds SQL', () => {
    for (const name of Object.keys(OUTSIDE_STORES)) {
      expect(sqlLines(readFileSync(join(MODULES, name), 'utf8')).length, name).toBeGreaterThan(0);
    }
  });
});
