// The dependency rule of docs/ARCHITECTURE.md is checked by `npm run lint` (dependency-cruiser, decision 0022).
// Here the same checker and the same config run on a small tree with one violation of each rule, which must
// all be named, and on the real source tree, which must pass.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');

type Violation = { rule: { name: string }; from: string; to: string };

/** The violations found under `cwd`, as `npm run lint` would find them, and whether that command passes. */
async function cruise(cwd: string): Promise<{ ok: boolean; violations: Violation[] }> {
  const run = (type: string) =>
    promisify(execFile)(
      process.execPath,
      [CLI, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', type],
      {
        cwd,
        maxBuffer: 64 << 20,
      },
    );
  const { stdout } = await run('json');
  const violations: Violation[] = JSON.parse(stdout).summary.violations;
  // The exit status of the lint's own output type is what fails `npm run lint`; only look at it when needed.
  if (violations.length === 0) return { ok: true, violations };
  const ok = await run('err').then(
    () => true,
    () => false,
  );
  return { ok, violations };
}

/** A tiny project with the real config and one file breaking each rule. */
const FIXTURE: Record<string, string> = {
  'src/shared/clean.ts': 'export const ok = 1;\n',
  'src/shared/reads-disk.ts':
    "import { readFileSync } from 'node:fs';\nexport const size = readFileSync.length;\n",
  'src/shared/uses-server.ts':
    "import { clock } from '../server/platform/clock.ts';\nexport const c = clock;\n",
  'src/server/platform/clock.ts': 'export const clock = 1;\n',
  'src/server/platform/http.ts':
    "import { users } from '../modules/users/users-service.ts';\nexport const h = users;\n",
  'src/server/modules/users/users-store.ts':
    "import { clock } from '../../platform/clock.ts';\nexport const rows = clock;\n",
  'src/server/modules/users/users-service.ts':
    "import { rows } from './users-store.ts';\nexport const users = rows;\n",
  'src/server/modules/users/users-routes.ts':
    "import { rows } from './users-store.ts';\nexport const r = rows;\n",
  'src/server/modules/users/users-rules.ts':
    "import { rows } from './users-store.ts';\nexport const rule = rows;\n",
  'src/server/modules/cases/cases-service.ts':
    "import { rows } from '../users/users-store.ts';\nexport const c = rows;\n",
  'src/server/modules/cases/a-service.ts': "import { b } from './b-service.ts';\nexport const a = () => b;\n",
  'src/server/modules/cases/b-service.ts': "import { a } from './a-service.ts';\nexport const b = () => a;\n",
  'src/web/App.tsx':
    "import { users } from '../server/modules/users/users-service.ts';\nexport const app = users;\n",
  'src/web/fine.ts': "import { ok } from '../shared/clean.ts';\nexport const fine = ok;\n",
  'src/server/demo/demo-data.ts': 'export const demo = 1;\n',
  'src/server/modules/users/users-defaults.ts':
    "import { demo } from '../../demo/demo-data.ts';\nexport const d = demo;\n",
};

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the dependency rule', () => {
  // Each test runs the checker over a tree in a child process: about 20 s on the whole source on a quiet machine.
  it('names every violation in a tree that breaks each rule once', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigap-layers-'));
    dirs.push(dir);
    cpSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true } }),
    );
    for (const [file, text] of Object.entries(FIXTURE)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    const result = await cruise(dir);
    expect(result.ok).toBe(false);
    const found = result.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'shared-no-node: src/shared/reads-disk.ts → fs',
        'shared-is-pure: src/shared/uses-server.ts → src/server/platform/clock.ts',
        'platform-not-modules: src/server/platform/http.ts → src/server/modules/users/users-service.ts',
        'routes-through-service: src/server/modules/users/users-routes.ts → src/server/modules/users/users-store.ts',
        'rules-are-pure: src/server/modules/users/users-rules.ts → src/server/modules/users/users-store.ts',
        'own-store-only: src/server/modules/cases/cases-service.ts → src/server/modules/users/users-store.ts',
        'web-imports-shared-only: src/web/App.tsx → src/server/modules/users/users-service.ts',
        'product-not-demo: src/server/modules/users/users-defaults.ts → src/server/demo/demo-data.ts',
      ]),
    );
    expect(found.some((line) => line.startsWith('no-circular: src/server/modules/cases/'))).toBe(true);
    // Allowed imports are not reported.
    expect(
      found.filter(
        (line) =>
          line.includes('src/web/fine.ts') ||
          line.includes('users-service.ts → src/server/modules/users/users-store.ts'),
      ),
    ).toEqual([]);
  });

  it('passes on the real source tree', { timeout: 120_000 }, async () => {
    const result = await cruise(ROOT);
    expect(result.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
    expect(result.ok).toBe(true);
  });
});
