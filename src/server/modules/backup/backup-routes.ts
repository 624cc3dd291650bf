import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditHeadView, BackupRequest, BackupSchedule, BackupStatus } from '../../../shared/backups.ts';
import { toWibIso } from '../../../shared/time.ts';
import { formatHead, latestAnchoredHead } from '../../platform/audit-anchor.ts';
import type { Config } from '../../platform/config.ts';
import { resolveDataKey } from '../../platform/crypto.ts';
import type { Database } from '../../platform/db.ts';
import { requirePrincipal } from '../../platform/http.ts';
import type { Jobs } from '../../platform/jobs.ts';
import { isLocalControlRequest } from '../../platform/local-control.ts';
import { routeTable } from '../../platform/routes.ts';
import { dailyCron } from './backup-rules.ts';
import {
  getBackupStatus,
  SCHEDULED_BACKUP_QUEUE,
  updateSchedule,
  viewBackupStatus,
} from './backup-schedule.ts';
import { backupFileName, createBackup, readSignedHead } from './backup-service.ts';

/** Backups taken by the running server: for the admin's page, and for the CLI while the server holds the folder. */
export async function backupRoutes(
  app: FastifyInstance,
  deps: { db: Database; config: Config; jobs?: () => Jobs | undefined },
): Promise<void> {
  const { db, config } = deps;
  const on = routeTable(app, ['backup'], db);

  // Bytes with no reply schema (routeTable needs one), asked for by the CLI too: Fastify's own shape.
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/admin/backup',
    {
      schema: {
        tags: ['backup'],
        summary:
          'Cadangan terenkripsi seluruh basis data (admin) / an encrypted backup of the whole database',
        body: BackupRequest,
      },
      config: { rateLimit: { max: 6, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const actor = isLocalControlRequest(request) ? { id: null, label: 'cli' } : requirePrincipal(request);
      const dataKey = resolveDataKey({
        configured: config.dataKey,
        dataDir: config.dataDir,
        databaseKind: db.kind,
      });
      const { passphrase } = request.body;
      const { file, manifest } = await createBackup(db, {
        key: passphrase ? { kind: 'passphrase', passphrase } : { kind: 'data-key', key: dataKey },
        dataKey,
        actor,
      });
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${backupFileName(manifest)}"`)
        .header('cache-control', 'no-store')
        .send(file);
    },
  );

  on.direct.get(
    '/api/admin/backups',
    { summary: 'Jadwal cadangan, keberhasilan dan kegagalan terakhir (admin)', reply: BackupStatus },
    viewBackupStatus,
  );
  on.put(
    '/api/admin/backups/schedule',
    { summary: 'Ubah jadwal cadangan harian (admin)', body: BackupSchedule, reply: BackupStatus },
    async ({ principal, body }) => {
      const saved = await updateSchedule(db, principal, body);
      // The job checks the settings when it runs; only the time of day lives in pg-boss's schedule.
      await deps.jobs?.()?.schedule(SCHEDULED_BACKUP_QUEUE, dailyCron(saved.timeOfDay));
      return getBackupStatus(db);
    },
  );
  on.get(
    '/api/admin/audit-head',
    {
      summary:
        'Kepala jejak audit yang ditandatangani, untuk disimpan di luar Sigap (admin) / the signed audit head to keep outside',
      reply: AuditHeadView,
    },
    async ({ principal, reply }) => {
      const head = await readSignedHead(db, principal, () =>
        resolveDataKey({ configured: config.dataKey, dataDir: config.dataDir, databaseKind: db.kind }),
      );
      const anchored = latestAnchoredHead(config.auditHeadDir);
      reply.header('cache-control', 'no-store');
      return {
        head: head
          ? { line: formatHead(head), seq: head.seq, hash: head.hash, at: toWibIso(new Date(head.at)) }
          : null,
        lastAnchoredAt: anchored?.at ? toWibIso(new Date(anchored.at)) : null,
      };
    },
  );
}
