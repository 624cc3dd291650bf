import type { FastifyBaseLogger } from 'fastify';
import { toWibIso } from '../shared/time.ts';
import { buildApp } from './app.ts';
import { dailyCron } from './modules/backup/backup-rules.ts';
import {
  getBackupStatus,
  runScheduledBackup,
  SCHEDULED_BACKUP_QUEUE,
} from './modules/backup/backup-schedule.ts';
import { runSafetyCheck } from './modules/cases/safety-service.ts';
import { startOutboxJobs } from './modules/channels/channels-outbox.ts';
import { startEarlyWarningJobs } from './modules/early-warning/early-warning-jobs.ts';
import { warnNearingDeadlines } from './modules/escalation/deadline-warning-service.ts';
import { runEscalation } from './modules/escalation/escalation-service.ts';
import { startNoticeJobs } from './modules/notices/notices-delivery.ts';
import { startPrivacyJobs } from './modules/privacy/privacy-jobs.ts';
import { ensureRegions } from './modules/regions/regions-service.ts';
import {
  DUPLICATES_BATCH,
  DUPLICATES_QUEUE,
  DUPLICATES_SWEEP_QUEUE,
  findDuplicates,
  findDuplicatesForUnchecked,
} from './modules/reports/reports-service.ts';
import { ensureAdmin } from './modules/users/users-service.ts';
import { runWorkshopReminders } from './modules/workshops/workshops-service.ts';
import { anchorAuditHead, formatHead } from './platform/audit-anchor.ts';
import { systemClock } from './platform/clock.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { resolveDataKey } from './platform/crypto.ts';
import { DataFolderDamagedError, DataLockedError, recordLastBackup } from './platform/data-lock.ts';
import { createEventBus } from './platform/events.ts';
import { type HttpsRedirect, startHttpsRedirect } from './platform/https-redirect.ts';
import { type Jobs, startJobs } from './platform/jobs.ts';
import { removeLocalControl, writeLocalControl } from './platform/local-control.ts';
import { openAndMigrate } from './platform/startup.ts';

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

  const backupDataKey = () =>
    resolveDataKey({ configured: config.dataKey, dataDir: config.dataDir, databaseKind: db.kind });
  jobs = config.jobsEnabled ? await startJobs(db, { log: app.log.child({ module: 'jobs' }) }) : undefined;
  if (jobs) {
    // Deadlines about to pass are warned of once; missed ones climb kab/kota → Bakorwil → province; every minute.
    await jobs.work('escalation', async () => {
      // a failed warning is logged and tried again next minute; it never holds up the escalation
      const warned = await warnNearingDeadlines(db, systemClock).catch((error: unknown) => {
        app.log.error({ error }, 'peringatan tenggat gagal / deadline warnings failed');
        return 0;
      });
      if (warned > 0) app.log.info({ warned }, 'tenggat hampir lewat / deadlines about to pass');
      const escalated = await runEscalation(db, systemClock);
      if (escalated.reports + escalated.cases > 0) app.log.info(escalated, 'eskalasi / escalated');
    });
    await jobs.schedule('escalation', '* * * * *');
    // A flood of reports is checked DUPLICATES_BATCH at a time, in one statement per round (issue 20).
    await jobs.workBatch<{ reportId: string }>(
      DUPLICATES_QUEUE,
      { batchSize: DUPLICATES_BATCH },
      async (items) => {
        await findDuplicates(
          db,
          items.map((item) => item.reportId),
        );
      },
    );
    await jobs.work(DUPLICATES_SWEEP_QUEUE, async () => {
      await findDuplicatesForUnchecked(db);
    });
    await jobs.schedule(DUPLICATES_SWEEP_QUEUE, '*/5 * * * *');
    await jobs.work('field-safety', async () => {
      await runSafetyCheck(db, systemClock, config.safetyCheckoutHours);
    });
    await jobs.schedule('field-safety', '*/5 * * * *');
    // The quarterly routine: a Bakorwil without a workshop last quarter is reminded; checked daily at 07:00 WIB.
    await jobs.work('workshop-reminders', async () => {
      const result = await runWorkshopReminders(db, systemClock);
      if (result.reminded.length > 0) app.log.info(result, 'pengingat workshop / workshop reminders');
    });
    await jobs.schedule('workshop-reminders', '0 7 * * *');
    // The audit chain's head, signed, written outside the database and to the log every hour (docs/SECURITY.md).
    await jobs.work('audit-head', async () => {
      const head = await anchorAuditHead(db, {
        folder: config.auditHeadDir,
        dataKey: resolveDataKey({
          configured: config.dataKey,
          dataDir: config.dataDir,
          databaseKind: db.kind,
        }),
      });
      if (head) app.log.info({ auditHead: formatHead(head) }, 'head jejak audit / audit head');
    });
    await jobs.schedule('audit-head', '17 * * * *');
    await startEarlyWarningJobs({ db, clock: systemClock, config }, jobs, app.log);
    await startOutboxJobs(jobs, { db, clock: systemClock, config });
    await startNoticeJobs(jobs, { db, clock: systemClock, config: config.notices });
    // Personal data past its retention anonymised daily; anomaly signals every 10 minutes (docs/PRIVACY.md).
    await startPrivacyJobs(jobs, { db, clock: systemClock }, app.log.child({ module: 'privacy' }));
    // The daily backup at the admin's time of day (WIB); the job itself skips when backups are turned off.
    await jobs.work(SCHEDULED_BACKUP_QUEUE, async () => {
      const result = await runScheduledBackup({ db, clock: systemClock, dataKey: backupDataKey });
      if (!result.isOk) {
        app.log.error({ error: result.error }, 'cadangan terjadwal gagal / scheduled backup failed');
      } else if (!result.skipped) {
        app.log.info({ file: result.fileName }, 'cadangan terjadwal / scheduled backup');
        // Noted beside the embedded data, for the day the folder cannot be opened (DataFolderDamagedError).
        if (db.kind === 'pglite' && result.path)
          recordLastBackup(config.dataDir, result.path, toWibIso(new Date()));
      }
    });
    const { schedule } = await getBackupStatus(db);
    await jobs.schedule(SCHEDULED_BACKUP_QUEUE, dailyCron(schedule.timeOfDay));
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
