// The words of each notice, in both languages: a kind, a priority or level and a place, and the link into the
// app, so that a lost phone shows no victim's name, no NIK and no phone number.

import type { Level } from '../early-warning/level-model.ts';
import { levelName } from '../early-warning/level-names.ts';
import { formatDateTimeWIB } from '../i18n.ts';
import type { NoticeFacts, NoticeKind } from './notices.ts';

/** Digits that could be a phone number or a NIK, and e-mail addresses: never in a notice. */
export function safeForLostPhone(text: string): string {
  return text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '…')
    .replace(/\+?\d[\d\s.-]{6,}\d/g, '…')
    .slice(0, 300);
}

function facts(
  kind: NoticeKind,
  eventKey: string,
  path: string,
  id: string,
  en: string,
  isUrgent = false,
): NoticeFacts {
  return { kind, eventKey, path, isUrgent, text: { id: safeForLostPhone(id), en: safeForLostPhone(en) } };
}

/** The notices of each event, by kind. `place` is a region's name (desa, kecamatan or kab/kota). */
export const noticeOf = {
  p1(reportId: string, place: string): NoticeFacts {
    return facts(
      'p1',
      `report.p1:${reportId}`,
      `/kotak-masuk`,
      `Sigap: laporan P1 baru di ${place}. Segera tangani.`,
      `Sigap: new P1 report in ${place}. Act now.`,
      true,
    );
  },
  reportEscalated(reportId: string, to: string, priority: string, place: string): NoticeFacts {
    return facts(
      'eskalasi',
      `report.escalated:${reportId}:${to}`,
      `/kotak-masuk`,
      `Sigap: laporan ${priority} di ${place} dieskalasikan kepada Anda (belum diterima tepat waktu).`,
      `Sigap: a ${priority} report in ${place} was escalated to you (not acknowledged in time).`,
    );
  },
  caseEscalated(caseId: string, to: string, place: string): NoticeFacts {
    return facts(
      'eskalasi',
      `case.escalated:${caseId}:${to}`,
      `/kasus/${caseId}`,
      `Sigap: kasus di ${place} dieskalasikan kepada Anda (tenggat terlewati).`,
      `Sigap: a case in ${place} was escalated to you (deadline missed).`,
    );
  },
  assigned(caseId: string, userId: string, place: string): NoticeFacts {
    return facts(
      'penugasan',
      `case.assigned:${caseId}:${userId}`,
      `/tugas`,
      `Sigap: tugas baru untuk Anda di ${place}. Buka Sigap untuk melihat apa yang perlu dilakukan.`,
      `Sigap: a new assignment for you in ${place}. Open Sigap to see what to do.`,
    );
  },
  alert(alertId: string, level: Level, place: string, isEscalated: boolean): NoticeFacts {
    const label = { id: levelName(level), en: levelName(level, 'en') };
    return facts(
      'peringatan',
      `${isEscalated ? 'alert.escalated' : 'alert.raised'}:${alertId}:${level}`,
      `/peringatan-dini`,
      isEscalated
        ? `Sigap: peringatan ${label.id} di ${place} dieskalasikan kepada Anda.`
        : `Sigap: peringatan ${label.id} di ${place}. Terima dan tindak lanjuti.`,
      isEscalated
        ? `Sigap: the ${label.en} alert in ${place} was escalated to you.`
        : `Sigap: ${label.en} alert in ${place}. Acknowledge and follow up.`,
      level === 'awas',
    );
  },
  /**
   * A deadline about to pass: a report's or case's (`grade` its priority) or an alert's (`grade` its level); only
   * a P1's or an Awas alert's breaks the quiet hours.
   */
  deadline(
    subject: { type: 'report' | 'case' | 'alert'; id: string; grade: string; place: string },
    deadline: DeadlineName,
    dueAt: Date,
  ): NoticeFacts {
    const words = DEADLINE_WORDS[deadline];
    const isAlert = subject.type === 'alert';
    const what = {
      report: { id: 'laporan', en: 'report' },
      case: { id: 'kasus', en: 'case' },
      alert: { id: 'peringatan', en: 'alert' },
    }[subject.type];
    // an alert's level keeps its Indonesian name in English too ("a Siaga alert"), as a priority keeps "P1"
    const name = isAlert ? levelName(subject.grade as Level) : subject.grade;
    const grade = { id: name, en: name };
    const paths = { report: '/kotak-masuk', case: `/kasus/${subject.id}`, alert: '/peringatan-dini' };
    return facts(
      'tenggat',
      `${subject.type}.deadline:${subject.id}:${deadline}:${dueAt.toISOString()}`,
      paths[subject.type],
      `Sigap: tenggat ${words.id} ${what.id} ${grade.id} di ${subject.place} hampir lewat (${formatDateTimeWIB(dueAt, 'id')}).`,
      `Sigap: the ${words.en} deadline of a ${grade.en} ${what.en} in ${subject.place} is about to pass (${formatDateTimeWIB(dueAt, 'en')}).`,
      isAlert ? subject.grade === 'awas' : subject.grade === 'P1',
    );
  },
};

/** The deadlines warned of: a report's acknowledgement, a case's first field response and its resolution. */
export type DeadlineName = 'acknowledge' | 'response' | 'resolve';
const DEADLINE_WORDS: Record<DeadlineName, { id: string; en: string }> = {
  acknowledge: { id: 'penerimaan', en: 'acknowledgement' },
  response: { id: 'respons lapangan', en: 'field response' },
  resolve: { id: 'penyelesaian', en: 'resolution' },
};

/** The full text sent: the words in the user's language and the link into the app. */
export function noticeText(
  notice: { textId: string; textEn: string; path: string },
  language: 'id' | 'en',
  baseUrl: string,
): string {
  const words = language === 'en' ? notice.textEn : notice.textId;
  return `${words} ${language === 'en' ? 'Open' : 'Buka'}: ${baseUrl}${notice.path}`;
}
