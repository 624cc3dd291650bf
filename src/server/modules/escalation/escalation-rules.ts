import type { Level } from '../../../shared/early-warning/level-model.ts';
import { levelName } from '../../../shared/early-warning/level-names.ts';
import { formatDateTimeWIB } from '../../../shared/i18n.ts';

/** Which deadlines of an open case have passed. A first field response meets the response deadline. */
export function missedCaseDeadlines(
  c: { dueResponseAt: Date; dueResolveAt: Date; firstResponseAt: Date | null },
  now: Date,
): { isResponseMissed: boolean; isResolveMissed: boolean } {
  return {
    isResponseMissed: c.firstResponseAt === null && c.dueResponseAt.getTime() < now.getTime(),
    isResolveMissed: c.dueResolveAt.getTime() < now.getTime(),
  };
}

/** Why a case escalates: "Belum ada respons lapangan sampai 22 Agustus 2026 pukul 23.00 WIB (P1)". */
export function caseEscalationReason(
  missed: { isResponseMissed: boolean },
  due: { dueResponseAt: Date; dueResolveAt: Date },
  priority: string,
): string {
  return missed.isResponseMissed
    ? `Belum ada respons lapangan sampai ${formatDateTimeWIB(due.dueResponseAt, 'id')} (${priority})`
    : `Belum selesai sampai ${formatDateTimeWIB(due.dueResolveAt, 'id')} (${priority})`;
}

const DEADLINE_TITLES = {
  acknowledge: 'belum diterima',
  response: 'belum ada respons lapangan',
  resolve: 'belum selesai',
} as const;

/**
 * The in-app notice of a deadline about to pass: "Tenggat hampir lewat: laporan P1 di Tanggulwetan belum diterima
 * (…)", "… peringatan Siaga di Tanggul belum diterima (…)".
 */
export function deadlineWarningTitle(
  item: { subjectType: 'report' | 'case' | 'alert'; deadline: keyof typeof DEADLINE_TITLES },
  record: { priority: string; regionName: string; dueAt: Date },
): string {
  const what = { report: 'laporan', case: 'kasus', alert: 'peringatan' }[item.subjectType];
  const grade = item.subjectType === 'alert' ? levelName(record.priority as Level) : record.priority;
  return `Tenggat hampir lewat: ${what} ${grade} di ${record.regionName} ${DEADLINE_TITLES[item.deadline]} (tenggat ${formatDateTimeWIB(record.dueAt, 'id')})`;
}
