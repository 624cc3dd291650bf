import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApiToken } from '../../src/server/modules/auth/auth-service.ts';
import { runEscalation } from '../../src/server/modules/escalation/escalation-service.ts';
import { ensureRegions } from '../../src/server/modules/regions/regions-service.ts';
import { createUser } from '../../src/server/modules/users/users-service.ts';
import { systemClock } from '../../src/server/platform/clock.ts';
import { type Database, openEmbeddedDatabase, openServerDatabase } from '../../src/server/platform/db.ts';
import { bootstrapRoles, migrate } from '../../src/server/platform/migrate.ts';
import type { Role } from '../../src/shared/users.ts';
import { seedReports } from '../seed-reports.ts';

// The database of the load bench: schema, the people of an operator room (operators of three kab/kota, a
// koordinator of Bakorwil V, field pillars), and N seeded reports. Kept between runs under a name that carries
// N (PostgreSQL database sigap_load_<N>, PGlite folder <tmp>/sigap-load/pglite-<N>) and reused: seeding a
// million reports takes minutes, a run should not.

export type DatabaseKind = 'postgres' | 'pglite';

export type LoadPeople = {
  operators: { token: string; region: string }[];
  koordinator: string;
  /** A province user: the dashboard's widest view, timed alone after the traffic. */
  provinsi: string;
  relawan: string[];
};

/**
 * Who works in the room: operators of Jember, Surabaya and Malang, a koordinator of Bakorwil V, pillars; and a
 * province user whose dashboard is timed alone after the traffic.
 */
const PEOPLE: { username: string; role: Role; region: string }[] = [
  { username: 'load.op.jember', role: 'operator', region: '35.09' },
  { username: 'load.op.surabaya', role: 'operator', region: '35.78' },
  { username: 'load.op.malang', role: 'operator', region: '35.07' },
  { username: 'load.koordinator', role: 'koordinator', region: 'V' },
  { username: 'load.provinsi', role: 'provinsi', region: '35' },
  ...[1, 2, 3, 4, 5, 6].map((n) => ({
    username: `load.relawan.${n}`,
    role: 'relawan' as Role,
    region: '35.09',
  })),
];

export type PreparedDatabase = {
  /** What the server needs in its environment to open this database. */
  env: Record<string, string>;
  /** PostgreSQL only: the database's name, to find its backends. */
  pgDatabase: string | null;
  people: LoadPeople;
  /** A fresh connection for reads after the run (PGlite: only once the server stopped). */
  open(): Promise<Database>;
};

export function pgliteDir(reports: number): string {
  return path.join(os.tmpdir(), 'sigap-load', `pglite-${reports}`);
}

export async function prepareDatabase(
  kind: DatabaseKind,
  options: { reports: number; postgresUrl: string; note: (text: string) => void },
): Promise<PreparedDatabase> {
  const { reports, note } = options;
  let env: Record<string, string>;
  let pgDatabase: string | null = null;
  let open: () => Promise<Database>;
  if (kind === 'postgres') {
    pgDatabase = `sigap_load_${reports}`;
    const admin = new pg.Client({ connectionString: options.postgresUrl });
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [pgDatabase]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE ${pgDatabase}`);
    await admin.end();
    const url = new URL(options.postgresUrl);
    url.pathname = `/${pgDatabase}`;
    env = { DATABASE_URL: url.toString() };
    open = async () => openServerDatabase(url.toString(), process.env.SIGAP_APP_DB_PASSWORD);
  } else {
    const dir = pgliteDir(reports);
    mkdirSync(dir, { recursive: true });
    env = { DATA_DIR: dir };
    open = () => openEmbeddedDatabase(dir);
  }
  if (kind === 'pglite' && existsSync(path.join(pgliteDir(reports), 'pglite'))) {
    note(`PGlite: reusing ${pgliteDir(reports)}`);
  }

  const db = await open();
  try {
    await bootstrapRoles(db, process.env.SIGAP_APP_DB_PASSWORD);
    await migrate(db);
    await ensureRegions(db);
    const by = { id: null, label: 'bench' };
    const ids = new Map<string, string>();
    for (const person of PEOPLE) {
      const found = await db.systemQuery<{ id: string }>('SELECT id FROM users WHERE username = $1', [
        person.username,
      ]);
      if (found[0]) {
        ids.set(person.username, found[0].id);
        continue;
      }
      const { user } = await createUser(db, by, { ...person, password: 'load-bench-password-1' });
      ids.set(person.username, user.id);
    }
    const token = async (username: string) => (await createApiToken(db, by, username, 'load bench', 1)).token;
    const people: LoadPeople = {
      operators: [],
      koordinator: await token('load.koordinator'),
      provinsi: await token('load.provinsi'),
      relawan: [],
    };
    for (const person of PEOPLE) {
      if (person.role === 'operator') {
        people.operators.push({ token: await token(person.username), region: person.region });
      } else if (person.role === 'relawan') {
        people.relawan.push(await token(person.username));
      }
    }

    const have = (await db.systemQuery<{ n: number }>('SELECT count(*)::int AS n FROM reports'))[0]?.n ?? 0;
    if (have < reports) {
      note(`${kind}: seeding reports ${have.toLocaleString('en')} → ${reports.toLocaleString('en')}`);
      await seedReports(
        db,
        { from: have, to: reports },
        ids.get('load.relawan.1') as string,
        kind === 'postgres' ? 200_000 : 50_000,
        (n) => note(`${kind}: ${n.toLocaleString('en')} reports`),
      );
    } else {
      note(`${kind}: ${have.toLocaleString('en')} reports already there`);
    }
    // The seed spreads a year of reports, 8 % never acknowledged and long past their deadline: a server that
    // had been running would have climbed each of them to the province long ago. Climbed here, before the run,
    // so a run measures the room's mix and not a one-time catch-up of thousands of escalations (each its own
    // transaction) that only the first run after seeding would meet.
    for (;;) {
      const moved = await runEscalation(db, systemClock);
      if (moved.reports + moved.cases === 0) break;
      note(`${kind}: escalated the seed's overdue ${moved.reports} reports, ${moved.cases} cases`);
    }
    return { env, pgDatabase, people, open };
  } finally {
    await db.close();
  }
}
