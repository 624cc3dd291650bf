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

/**
 * Autovacuum's own rule, applied by the bench when the server has autovacuum turned off (a test server's
 * setting; PostgreSQL's default and any production server have it on): once a minute (autovacuum_naptime), each
 * table of the database whose dead rows passed 50 + 20 % of its rows, or whose inserts since the last vacuum
 * passed 1,000 + 20 %, is vacuumed, and each whose changes since the last analyse passed 50 + 10 % is analysed —
 * the default thresholds. Run on the database's own connections, so its CPU counts as the database's. With
 * autovacuum on it does nothing and says so.
 */
export async function keepVacuumed(ownerUrl: string, database: string): Promise<{ stop(): Promise<string> }> {
  const url = new URL(ownerUrl);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const setting = (await client.query<{ autovacuum: string }>('SHOW autovacuum')).rows[0]?.autovacuum;
  if (setting === 'on') {
    await client.end();
    return { stop: async () => "autovacuum: the server's own (on)" };
  }
  let vacuums = 0;
  let analyses = 0;
  let stopped = false;
  let wake: () => void = () => undefined;
  const round = async () => {
    const due = await client.query<{ name: string; vacuum: boolean; analyze: boolean }>(
      `SELECT format('%I.%I', s.schemaname, s.relname) AS name,
              s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)
                OR s.n_ins_since_vacuum > 1000 + 0.2 * greatest(c.reltuples, 0) AS vacuum,
              s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) AS analyze
       FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid`,
    );
    for (const table of due.rows) {
      if (stopped) return;
      if (!table.vacuum && !table.analyze) continue;
      const command = table.vacuum ? (table.analyze ? 'VACUUM ANALYZE' : 'VACUUM') : 'ANALYZE';
      await client.query(`${command} ${table.name}`);
      if (table.vacuum) vacuums++;
      if (table.analyze) analyses++;
    }
  };
  await round();
  const loop = (async () => {
    while (!stopped) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 60_000);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (!stopped) await round().catch(() => undefined);
    }
  })();
  let ended: Promise<string> | null = null;
  return {
    stop() {
      stopped = true;
      wake();
      ended ??= loop
        .then(() => client.end())
        .then(
          () =>
            `autovacuum: off on this server, so the bench applied its default thresholds once a minute: ${vacuums} vacuums, ${analyses} analyses`,
        );
      return ended;
    },
  };
}
