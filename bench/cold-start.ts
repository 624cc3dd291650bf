/**
 * Cold start of `node src/server/main.ts` on the embedded database: the first start on an empty data folder
 * (creates the database, applies migrations, loads 9,199 regions, creates the admin) and a second start on the
 * same folder. Measured from spawn to the first 200 of /api/health. `node bench/cold-start.ts`
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../test/free-port.ts';

const root = path.resolve(import.meta.dirname, '..');

/** Milliseconds from spawning the server to its first healthy answer; the server is then stopped. */
export async function timeStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SIGAP_ADMIN_PASSWORD: 'rahasia-admin-1',
    },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error('the server exited before answering');
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

if (import.meta.main) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sigap-cold-'));
  try {
    const first = await timeStart(dataDir);
    const second = await timeStart(dataDir);
    console.log('Cold start on PGlite (spawn → first healthy /api/health):');
    console.log(`  first start, empty data folder : ${(first / 1000).toFixed(2)} s`);
    console.log(`  second start, same folder      : ${(second / 1000).toFixed(2)} s`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
