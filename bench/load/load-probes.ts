import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Database } from '../../src/server/platform/db.ts';
import { freePort } from '../../test/free-port.ts';

// What the load bench watches besides the requests: the server process it starts, the CPU time of that
// process and of the database's backends (PostgreSQL), and the queues left when the traffic stops.

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, or null once it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Busy CPU seconds of the whole machine so far (every core), from /proc/stat. */
export function machineBusySeconds(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.split(/\s+/).slice(1).map(Number) ?? [];
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  return (cpu.reduce((a, b) => a + b, 0) - idle) / TICKS_PER_SECOND;
}

export type Server = { origin: string; child: ChildProcess; stop(): Promise<void> };

/** Starts the real server (src/server/main.ts: migrations, jobs, live events) on a free loopback port. */
export async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.resolve(import.meta.dirname, '../../src/server/main.ts')], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      TOTP_REQUIRED_ROLES: 'none',
      SIGAP_ADMIN_PASSWORD: 'load-bench-admin-1',
      SIGAP_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString('utf8')).slice(-4000);
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server stopped at start: ${errors}`);
    try {
      if ((await fetch(`${origin}/api/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server not ready after 5 minutes: ${errors}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    origin,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * CPU time of a PostgreSQL database's backends: sampled every second while the load runs, each backend
 * counted from its first sample to its last (backends come and go with the pools).
 */
export function watchBackends(ownerUrl: string, database: string): { stop(): Promise<number> } {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const client = new pg.Client({ connectionString: ownerUrl });
  let stopped = false;
  const sample = async () => {
    const rows = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [
      database,
    ]);
    for (const { pid } of rows.rows) {
      const seconds = cpuSeconds(pid);
      if (seconds === null) continue;
      if (!first.has(pid)) first.set(pid, seconds);
      last.set(pid, seconds);
    }
  };
  const loop = (async () => {
    await client.connect();
    while (!stopped) {
      await sample().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 1000));
    }
    await sample().catch(() => undefined);
    await client.end();
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      let total = 0;
      for (const [pid, end] of last) total += end - (first.get(pid) ?? end);
      return total;
    },
  };
}

/** Jobs still waiting per queue, read from the server's /metrics (loopback may read it). */
export async function waitingJobs(origin: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  const waiting: Record<string, number> = {};
  for (const match of text.matchAll(/^sigap_jobs\{queue="([^"]+)",state="waiting"\} (\d+)/gm)) {
    waiting[match[1] as string] = Number(match[2]);
  }
  return waiting;
}

export type DuplicateLag = {
  submitted: number;
  checked: number;
  unchecked: number;
  /** Seconds from intake to the check, over the reports of the run that were checked. */
  p50: number;
  max: number;
  /** Age at the end of the traffic of the oldest report of the run still unchecked (0 when none). */
  oldestUnchecked: number;
};

/** How far the duplicate check was behind for the reports submitted during the run. */
export async function duplicateLag(db: Database, since: Date, end: Date): Promise<DuplicateLag> {
  const row = (
    await db.systemQuery<{
      submitted: number;
      checked: number;
      p50: number | null;
      max: number | null;
      oldest: number | null;
    }>(
      `SELECT count(*)::int AS submitted, count(dedup_checked_at)::int AS checked,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM dedup_checked_at - created_at))
                FILTER (WHERE dedup_checked_at IS NOT NULL) AS p50,
              max(extract(epoch FROM least(dedup_checked_at, $2) - created_at)) AS max,
              max(extract(epoch FROM $2 - created_at)) FILTER (WHERE dedup_checked_at IS NULL OR dedup_checked_at > $2) AS oldest
         FROM reports WHERE created_at >= $1`,
      [since, end],
    )
  )[0];
  return {
    submitted: row?.submitted ?? 0,
    checked: row?.checked ?? 0,
    unchecked: (row?.submitted ?? 0) - (row?.checked ?? 0),
    p50: Number(row?.p50 ?? 0),
    max: Number(row?.max ?? 0),
    oldestUnchecked: Math.max(0, Number(row?.oldest ?? 0)),
  };
}
