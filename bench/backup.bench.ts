// Backup and restore at 100k reports, on PGlite (a data folder) and on the local PostgreSQL: the time to take an
// encrypted snapshot, its size, and the time to restore it into an empty database of the same kind (with the
// row-count and audit checks restore always makes). Run: npx node bench/backup.bench.ts
// BENCH_REPORTS changes the volume; BENCH_SKIP_POSTGRES=1 leaves PostgreSQL out.
import { randomBytes } from 'node:crypto';
import { createBackup, restoreBackup } from '../src/server/modules/backup/backup-service.ts';
import { ensureRegions } from '../src/server/modules/regions/regions-service.ts';
import { createUser } from '../src/server/modules/users/users-service.ts';
import type { Database } from '../src/server/platform/db.ts';
import { bootstrapRoles, migrate } from '../src/server/platform/migrate.ts';
import { openFreshPglite, openFreshPostgres } from './scratch-db.ts';
import { seedReports } from './seed-reports.ts';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REPORTS = Number(process.env.BENCH_REPORTS ?? 100_000);
const by = { id: null, label: 'bench' };

type Target = { name: string; db: Database; dispose(): Promise<void> };

async function pgliteTarget(): Promise<Target> {
  return { name: 'PGlite', ...(await openFreshPglite('sigap-bench-backup-')) };
}

async function postgresTarget(suffix: string): Promise<Target> {
  const { db, dispose } = await openFreshPostgres(`sigap_bench_backup_${process.pid}_${suffix}`, {
    ownerUrl: POSTGRES_URL,
    appPassword: undefined,
    keepLogin: true,
  });
  return { name: 'PostgreSQL', db, dispose };
}

function note(text: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${text}\n`);
}

async function run(open: (suffix: string) => Promise<Target>): Promise<string> {
  const source = await open('a');
  const target = await open('b');
  try {
    const dataKey = randomBytes(32);
    note(`${source.name}: migrations, regions, ${REPORTS.toLocaleString('en')} reports`);
    await bootstrapRoles(source.db);
    await migrate(source.db);
    await ensureRegions(source.db);
    const { user } = await createUser(source.db, by, {
      username: 'op.bench',
      role: 'operator',
      region: '35.09',
      password: 'bench-operator-1',
    });
    await seedReports(source.db, { from: 0, to: REPORTS }, user.id, 20_000, (n) => note(`${n} reports`));

    note(`${source.name}: backup`);
    let started = performance.now();
    const { file, manifest } = await createBackup(source.db, {
      key: { kind: 'data-key', key: dataKey },
      dataKey,
      actor: by,
    });
    const backupMs = performance.now() - started;

    note(`${target.name}: restore into an empty database`);
    await bootstrapRoles(target.db);
    await migrate(target.db);
    started = performance.now();
    const restored = await restoreBackup(target.db, {
      file,
      key: { kind: 'data-key', key: dataKey },
      dataKey,
    });
    const restoreMs = performance.now() - started;
    const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
    return (
      `${source.name}: ${manifest.counts.reports.toLocaleString('en')} reports, ${rows.toLocaleString('en')} rows in all; ` +
      `backup ${(backupMs / 1000).toFixed(1)} s, file ${(file.length / 1_048_576).toFixed(1)} MB; ` +
      `restore (with count and audit checks, ${restored.auditEntries} audit entries) ${(restoreMs / 1000).toFixed(1)} s`
    );
  } finally {
    await source.dispose();
    await target.dispose();
  }
}

const lines = [await run(pgliteTarget)];
if (process.env.BENCH_SKIP_POSTGRES !== '1') lines.push(await run(postgresTarget));
console.log(lines.join('\n'));
