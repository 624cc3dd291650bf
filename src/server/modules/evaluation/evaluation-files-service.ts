// The evaluation's files: PDF and XLSX, made at once for one kab/kota and in the background for larger
// scopes, and kept with their parameters so the same file can be fetched again.
import type { ReportFormat } from '../../../shared/evaluation/evaluation-query.ts';
import { appendAudit } from '../../platform/audit.ts';
import { createBackgroundTasks } from '../../platform/background-tasks.ts';
import { foundAs } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import * as store from './evaluation-files-store.ts';
import { renderEvaluationPdf } from './evaluation-pdf.ts';
import {
  computeSummary,
  type EvaluationDeps,
  type EvaluationRequest,
  resolveRequest,
} from './evaluation-service.ts';
import { renderEvaluationXlsx } from './evaluation-xlsx.ts';

const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
/** A job whose progress has not moved for this long belonged to a process that stopped. */
const STALE_MS = 10 * 60_000;

/** A kept report as the API shows it: parameters, progress, and where to fetch it. */
export type ReportJob = Omit<store.GeneratedReport, 'requestedBy'> & {
  link: string;
  fileLink: string | null;
};

export type ReportFile = { fileName: string; contentType: string; bytes: Buffer };

const running = createBackgroundTasks();

/** Resolves when every background report of this process has finished (tests, shutdown). */
export async function settleReports(): Promise<void> {
  await running.settle();
}

function fileNameOf(request: EvaluationRequest, format: ReportFormat): string {
  const scope = request.scope.kind === 'bakorwil' ? `bakorwil-${request.scope.code}` : request.scope.code;
  return `evaluasi-${scope}-${request.period.from}-${request.period.to}.${format}`;
}

async function render(
  deps: EvaluationDeps,
  principal: Principal,
  request: EvaluationRequest,
  format: ReportFormat,
  onProgress?: (step: string, percent: number) => Promise<void>,
): Promise<ReportFile> {
  const summary = await computeSummary(deps, principal, request, onProgress);
  await onProgress?.(`menyusun ${format.toUpperCase()}`, 95);
  const by = principal.user.displayName;
  const bytes =
    format === 'pdf' ? await renderEvaluationPdf(summary, by) : await renderEvaluationXlsx(summary, by);
  return { fileName: fileNameOf(request, format), contentType: CONTENT_TYPES[format], bytes };
}

function toJob(report: store.GeneratedReport, now: Date): ReportJob {
  const { requestedBy: _, ...rest } = report;
  const isStale =
    (report.status === 'antri' || report.status === 'berjalan') &&
    !running.has(report.id) &&
    now.getTime() - new Date(report.updatedAt).getTime() > STALE_MS;
  const link = `/api/evaluations/reports/${report.id}`;
  return {
    ...rest,
    ...(isStale ? { status: 'gagal' as const, error: 'Proses terputus; buat laporan lagi' } : {}),
    link,
    fileLink: report.status === 'selesai' ? `${link}/file` : null,
  };
}

async function keep(
  deps: EvaluationDeps,
  principal: Principal,
  request: EvaluationRequest,
  format: ReportFormat,
): Promise<string> {
  return deps.db.asActor(principal.actor, async (tx) => {
    const id = await store.insertReport(tx, {
      format,
      scope: request.scope.code,
      kabkota: request.scope.kabkota,
      from: request.period.from,
      to: request.period.to,
      requestedBy: principal.user.id,
      now: deps.clock.now(),
    });
    await appendAudit(
      tx,
      principal,
      'evaluation.report_requested',
      { type: 'generated_report', id },
      { format, scope: request.scope.code, from: request.period.from, to: request.period.to },
    );
    return id;
  });
}

/** Produces a kept report in this process, after the caller has answered; progress is committed per step. */
function runInBackground(
  deps: EvaluationDeps,
  principal: Principal,
  request: EvaluationRequest,
  format: ReportFormat,
  id: string,
): void {
  const fail = (message: string) =>
    deps.db.asActor(principal.actor, (tx) => store.markFailed(tx, id, message, deps.clock.now()));
  running.start(
    id,
    async () => {
      const file = await render(deps, principal, request, format, (step, percent) =>
        deps.db.asActor(principal.actor, (tx) =>
          store.updateProgress(tx, id, {
            status: 'berjalan',
            progress: Math.min(percent, 99),
            step,
            now: deps.clock.now(),
          }),
        ),
      );
      await deps.db.asActor(principal.actor, (tx) =>
        store.storeFile(tx, id, { ...file, now: deps.clock.now() }),
      );
    },
    fail,
    'Gagal membuat laporan',
  );
}

/** POST /api/evaluations/reports: keeps the parameters and makes the file in the background. */
export async function startReport(
  deps: EvaluationDeps,
  principal: Principal,
  input: { scope?: string; from?: string; to?: string; format: ReportFormat },
): Promise<ReportJob> {
  const request = await resolveRequest(deps, principal, input);
  const id = await keep(deps, principal, request, input.format);
  runInBackground(deps, principal, request, input.format, id);
  return getReportJob(deps, principal, id);
}

/**
 * GET /api/evaluations/report.pdf|xlsx: one kab/kota is made at once and answered as the file (and kept);
 * a Bakorwil or the province is made in the background and answered with the job.
 */
export async function requestReport(
  deps: EvaluationDeps,
  principal: Principal,
  input: { scope?: string; from?: string; to?: string; format: ReportFormat },
): Promise<{ kind: 'file'; file: ReportFile } | { kind: 'job'; job: ReportJob }> {
  const request = await resolveRequest(deps, principal, input);
  if (request.scope.kind !== 'kabkota') {
    const id = await keep(deps, principal, request, input.format);
    runInBackground(deps, principal, request, input.format, id);
    return { kind: 'job', job: await getReportJob(deps, principal, id) };
  }
  const id = await keep(deps, principal, request, input.format);
  try {
    const file = await render(deps, principal, request, input.format);
    await deps.db.asActor(principal.actor, (tx) =>
      store.storeFile(tx, id, { ...file, now: deps.clock.now() }),
    );
    return { kind: 'file', file };
  } catch (error) {
    await deps.db
      .asActor(principal.actor, (tx) => store.markFailed(tx, id, 'Gagal membuat laporan', deps.clock.now()))
      .catch(() => undefined);
    throw error;
  }
}

/** A kept report's parameters and progress; not_found when the principal may not see it. */
export async function getReportJob(
  deps: EvaluationDeps,
  principal: Principal,
  id: string,
): Promise<ReportJob> {
  const report = await foundAs(
    deps,
    principal,
    (tx) => store.findReport(tx, id),
    'Laporan evaluasi tidak ditemukan',
  );
  return toJob(report, deps.clock.now());
}

/** The kept reports the principal may see, newest first. */
export async function listReports(deps: EvaluationDeps, principal: Principal): Promise<ReportJob[]> {
  const now = deps.clock.now();
  const rows = await deps.db.asActor(principal.actor, (tx) => store.listReports(tx, 100));
  return rows.map((row) => toJob(row, now));
}

/** A finished report's file; not_found until it is done. */
export async function getReportFile(
  deps: EvaluationDeps,
  principal: Principal,
  id: string,
): Promise<ReportFile> {
  return foundAs(
    deps,
    principal,
    (tx) => store.findFile(tx, id),
    'Berkas laporan belum ada atau tidak ditemukan',
  );
}
