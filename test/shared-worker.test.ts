// The unit test files share their worker's modules (vitest.config.ts `isolate: false`, decision 0054). That is
// safe only while no test file changes a module, a global or the environment for the files after it: this test
// fails when one starts to.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/** What changes the process for every test file after the one that does it. */
const LEAKING = [
  /\bvi\.(?:mock|doMock|hoisted|stubEnv|stubGlobal|spyOn|useFakeTimers|setSystemTime)\s*\(/,
  /\bprocess\.env(?:\.[A-Za-z_]\w*|\[[^\]]+\])\s*=[^=]/,
  /\bdelete\s+process\.env\b/,
  /\bprocess\.chdir\s*\(/,
  /\bglobalThis\.\w+\s*=[^=]/,
];

function unitTestFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...unitTestFiles(full));
    else if (entry.name.endsWith('.test.ts') && !entry.name.endsWith('.browser.test.ts')) files.push(full);
  }
  return files;
}

/** The places in `source` that would change the process for later files. */
function leaksOf(source: string): string[] {
  return source.split('\n').filter((line) => LEAKING.some((pattern) => pattern.test(line)));
}

describe('test files that share a worker', () => {
  it('runs without WebAssembly code GC, whose Node 24 fault would abort it (decision 0057)', () => {
    expect(process.execArgv).toContain('--no-wasm-code-gc');
  });

  it('finds what would change the process for the files after it', () => {
    expect(leaksOf("vi.mock('../platform/clock.ts');")).toHaveLength(1);
    expect(leaksOf("process.env.DATABASE_URL = 'postgres://x';")).toHaveLength(1);
    expect(leaksOf("process.env['TZ'] = 'UTC';")).toHaveLength(1);
    expect(leaksOf('vi.useFakeTimers();')).toHaveLength(1);
    expect(leaksOf('globalThis.fetch = fakeFetch;')).toHaveLength(1);
    expect(leaksOf('const url = process.env.DATABASE_URL;')).toEqual([]);
    expect(leaksOf("if (process.env.CI === 'true') return;")).toEqual([]);
  });

  it('leave the modules, globals and environment as they found them', () => {
    const files = [...unitTestFiles(join(ROOT, 'src')), ...unitTestFiles(join(ROOT, 'test'))];
    expect(files.length).toBeGreaterThan(100);
    const found = files
      .filter((file) => file !== import.meta.filename)
      .flatMap((file) =>
        leaksOf(readFileSync(file, 'utf8')).map((line) => `${relative(ROOT, file)}: ${line.trim()}`),
      );
    expect(found).toEqual([]);
  });
});
