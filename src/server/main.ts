import type { FastifyBaseLogger } from 'fastify';
import { buildApp } from './app.ts';
import { alertsJobs } from './modules/alerts/alerts-jobs.ts';
import { backupJobs } from './modules/backup/backup-jobs.ts';
import { safetyJobs } from './modules/cases/safety-jobs.ts';
import { startOutboxJobs } from './modules/channels/channels-outbox.ts';
import { escalationJobs } from './modules/escalation/escalation-jobs.ts';
import { levelsJobs } from './modules/levels/levels-jobs.ts';
import { startNoticeJobs } from './modules/notices/notices-delivery.ts';
import { startPrivacyJobs } from './modules/privacy/privacy-jobs.ts';
import { ensureRegions } from './modules/regions/regions-service.ts';
import { duplicatesJobs } from './modules/reports/duplicates-jobs.ts';
import { ensureAdmin } from './modules/users/users-service.ts';
import { webhooksJobs } from './modules/webhooks/webhooks-jobs.ts';
import { workshopsJobs } from './modules/workshops/workshops-jobs.ts';
import { auditHeadJobs } from './platform/audit-anchor.ts';
import { systemClock } from './platform/clock.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { DataFolderDamagedError, DataLockedError } from './platform/data-lock.ts';
import { createEventBus } from './platform/events.ts';
import { type HttpsRedirect, startHttpsRedirect } from './platform/https-redirect.ts';
import { type Jobs, type ModuleJobs, startJobs } from './platform/jobs.ts';
import { removeLocalControl, writeLocalControl } from './platform/local-control.ts';
import { openAndMigrate } from './platform/startup.ts';

/** Each module's background work, registered in this order once the app is up (as app.ts lists the routes). */
const moduleJobs: ModuleJobs[] = [
  escalationJobs,
  duplicatesJobs,
  safetyJobs,
  workshopsJobs,
  auditHeadJobs,
  webhooksJobs,
  levelsJobs,
  alertsJobs,
  startOutboxJobs,
  (jobs, { db, clock, config }) => startNoticeJobs(jobs, { db, clock, config: config.notices }),
  (jobs, { db, clock, log }) => startPrivacyJobs(jobs, { db, clock }, log),
  backupJobs,
];

/** config → database → app → jobs → listen; SIGTERM lets requests and jobs finish, then closes the database. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const { db, applied } = await openAndMigrate(config);
  // The bus starts before the app whose logger it reports to (a lost LISTEN connection, its return).
  let log: FastifyBaseLogger | undefined;
  const events = createEventBus(db, {
    log: {
      info: (details, message) => log?.info(details, message),
      warn: (details, message) => log?.warn(details, message),
    },
  });
  await events.start(); // before any request: on PGlite, LISTEN must not join a request's transaction
  let jobs: Jobs | undefined; // started below, after the app whose logger they use
  const app = await buildApp({ config, db, events, jobs: () => jobs });
  log = app.log.child({ module: 'events' });
  app.log.info(
    { database: db.kind, location: db.location, migrationsApplied: applied },
    `Basis data / database: ${db.kind === 'pglite' ? 'PGlite (tertanam / embedded)' : 'PostgreSQL'} di ${db.location}`,
  );
  const regions = await ensureRegions(db);
  if (regions.inserted > 0) app.log.info(`Wilayah Jawa Timur dimuat / regions loaded: ${regions.inserted}`);
  const admin = await ensureAdmin(db, config.adminPassword);
  if (admin.generatedPassword) {
    // Printed once, on the console only: it is not stored anywhere in clear.
    console.log(
      `\n  Administrator dibuat / created: admin\n  Kata sandi / password: ${admin.generatedPassword}\n` +
        '  Simpan sekarang; tidak akan ditampilkan lagi. / Keep it now; it will not be shown again.\n',
    );
  }

  jobs = config.jobsEnabled ? await startJobs(db, { log: app.log.child({ module: 'jobs' }) }) : undefined;
  if (jobs) {
    const jobDeps = { db, clock: systemClock, config, log: app.log };
    for (const start of moduleJobs) await start(jobs, jobDeps);
  }

  let redirect: HttpsRedirect | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: menutup / shutting down`);
    await redirect?.close();
    await app.close(); // stops accepting, ends live-event streams, waits for in-flight requests
    await jobs?.stop(); // waits for running jobs
    if (db.kind === 'pglite') removeLocalControl(config.dataDir);
    await events.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  const address = await app.listen({ port: config.port, host: config.host });
  if (config.tls && config.httpRedirectPort !== undefined) {
    redirect = await startHttpsRedirect({
      host: config.host,
      port: config.httpRedirectPort,
      httpsPort: Number(new URL(address).port || 443),
      certFile: config.tls.certFile,
    });
    app.log.info(`http:// → https:// di port / on port ${redirect.port}`);
  }
  // The CLI cannot open a folder this process holds: it asks this server instead (sigap backup). Over built-in
  // HTTPS the CLI could not check the office's certificate for 127.0.0.1, so it is told to stop the server instead.
  if (db.kind === 'pglite' && !config.tls) writeLocalControl(config.dataDir, loopbackUrl(address));
  app.log.info(`Sigap siap / ready: ${address} (${Math.round(performance.now() - started)} ms)`);
}

/** This server's address as reachable from the same machine (0.0.0.0 and :: listen on loopback too). */
function loopbackUrl(address: string): string {
  const url = new URL(address);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = '127.0.0.1';
  return url.origin;
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof DataLockedError ||
    error instanceof DataFolderDamagedError
  ) {
    console.error(error.message);
  } else {
    console.error('Sigap gagal dimulai / failed to start:', error);
  }
  process.exit(1);
});
