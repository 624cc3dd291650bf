// A file in src/server past 450 lines probably holds two things (docs/ARCHITECTURE.md): such a file is split, or
// its first line says why it is kept whole ("Over 450 lines…"), so the length is a decision someone can read.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const LIMIT = 450;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The file's length in lines when it is past the limit without a reason on its first line. */
function unexplainedLength(source: string): number | undefined {
  const lines = source.split('\n').length - (source.endsWith('\n') ? 1 : 0);
  if (lines <= LIMIT) return undefined;
  return /^\/\/ Over 450 lines\b[^:\n]*: *\S/.test(source) ? undefined : lines;
}

describe('file length in src/server', () => {
  it('passes a short file and a long one whose first line gives its reason, and catches a long one without', () => {
    const long = 'const a = 1;\n'.repeat(LIMIT + 1);
    expect(unexplainedLength('const a = 1;\n'.repeat(LIMIT))).toBeUndefined();
    expect(
      unexplainedLength(`// Over 450 lines on purpose: one table's statements.\n${long}`),
    ).toBeUndefined();
    expect(unexplainedLength(long)).toBe(LIMIT + 1);
    expect(unexplainedLength(`// Over 450 lines\n${long}`)).toBe(LIMIT + 2);
  });

  it('finds every file past 450 lines split or explained', () => {
    const unexplained = sourceFiles(join(ROOT, 'src/server')).flatMap((path) => {
      const lines = unexplainedLength(readFileSync(path, 'utf8'));
      return lines === undefined ? [] : [`${relative(ROOT, path)}: ${lines} lines`];
    });
    expect(unexplained).toEqual([]);
  });
});
