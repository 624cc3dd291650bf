// What every figure of the evaluation means, in Indonesian first and English second. The page shows these
// as footnotes, the PDF prints them, the XLSX has them on a sheet and docs/EVALUATION.md repeats them.
// The windows below are the ones the SQL uses: change them here and the texts follow.

import type { CasePhase } from '../cases/case-rules.ts';
import { type Lang, type MessageKey, t } from '../i18n.ts';
import { isConflictType, REPORT_KINDS } from '../reports/report-vocabulary.ts';

type ReportKind = (typeof REPORT_KINDS)[number];

/** A signal counts as "before" an incident when it came from the same kecamatan up to this many days earlier. */
export const SIGNAL_WINDOW_DAYS = 30;
/** A new incident of the same type in the same desa this many days after a case closed is a recurrence. */
export const RECURRENCE_DAYS = 90;
/** A field check-in without a check-out by the same person within this many hours raises a safety alert. */
export const SAFETY_CHECKOUT_HOURS = 12;
/** An alert is "followed by an incident" when an incident happens in its area within this many days. */
export const ALERT_INCIDENT_DAYS = 7;

/** The ids of the figures, in the order the page, the PDF and the XLSX show them. */
export const FIGURE_IDS = [
  'reports.total',
  'reports.byKind',
  'reports.byType',
  'reports.byPriority',
  'reports.byKabkota',
  'reports.incidentsWithPriorSignal',
  'reports.priorSignals',
  'timing.acknowledge',
  'timing.response',
  'timing.resolve',
  'timing.median',
  'timing.p90',
  'timing.share',
  'group.all',
  'group.P1',
  'group.vulnerable',
  'group.harmed',
  'group.others',
  'vulnerableFirst',
  'cases.opened',
  'cases.byPhase',
  'cases.byOutcome',
  'cases.recurrence',
  'cases.closedWithOpenReferrals',
  'referrals.made',
  'referrals.completed',
  'referrals.overdue',
  'referrals.medianCompletion',
  'alerts.raised',
  'alerts.acknowledgedInTime',
  'alerts.followedByIncident',
  'alerts.answered',
  'pillars.coverage',
  'pillars.assignments',
  'pillars.safetyAlerts',
  'compare.previous',
  'compare.kabkota',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

/** One definition: a short name and what exactly is counted, in both languages. */
export type FigureDefinition = { title: { id: string; en: string }; text: { id: string; en: string } };

const D = (titleId: string, titleEn: string, textId: string, textEn: string): FigureDefinition => ({
  title: { id: titleId, en: titleEn },
  text: { id: textId, en: textEn },
});

/** Every figure's definition. */
export const DEFINITIONS: Readonly<Record<FigureId, FigureDefinition>> = {
  'reports.total': D(
    'Jumlah laporan',
    'Reports',
    'Laporan (sinyal dan kejadian) yang terjadi dalam periode (waktu kejadian, WIB) di kab/kota lingkup evaluasi, semua status.',
    'Reports (signals and incidents) that happened in the period (time of occurrence, WIB) in the kab/kota of the scope, any status.',
  ),
  'reports.byKind': D(
    'Menurut jenis laporan',
    'By kind',
    'Laporan dibagi menjadi sinyal kerawanan dan kejadian konflik.',
    'Reports split into signs of tension (sinyal) and conflict incidents (kejadian).',
  ),
  'reports.byType': D(
    'Menurut jenis konflik',
    'By conflict type',
    'Laporan menurut jenis konflik yang dicatat pelapor (antar perguruan silat, suporter, pilkades, dan lain-lain).',
    'Reports by the conflict type the reporter recorded (martial-arts schools, supporters, village elections, …).',
  ),
  'reports.byPriority': D(
    'Menurut prioritas',
    'By priority',
    'Laporan menurut prioritas triase P1–P4 (kelompok rentan didahulukan; lihat docs/TRIAGE.md).',
    'Reports by triage priority P1–P4 (vulnerable people first; see docs/TRIAGE.md).',
  ),
  'reports.byKabkota': D(
    'Menurut kab/kota',
    'By kab/kota',
    'Laporan menurut kabupaten/kota tempat kejadian.',
    'Reports by the kab/kota where they happened.',
  ),
  'reports.incidentsWithPriorSignal': D(
    'Kejadian yang didahului sinyal',
    'Incidents preceded by a signal',
    `Kejadian dalam periode yang didahului paling sedikit satu sinyal dari kecamatan yang sama (atau wilayah yang sama bila kecamatan tidak diketahui) dalam ${SIGNAL_WINDOW_DAYS} hari sebelumnya.`,
    `Incidents in the period preceded by at least one signal from the same kecamatan (or the same region when no kecamatan is known) in the ${SIGNAL_WINDOW_DAYS} days before.`,
  ),
  'reports.priorSignals': D(
    'Sinyal sebelum kejadian',
    'Signals before incidents',
    `Sinyal yang disusul kejadian di kecamatan yang sama dalam ${SIGNAL_WINDOW_DAYS} hari, untuk kejadian dalam periode (sinyalnya boleh sedikit sebelum periode).`,
    `Signals followed by an incident in the same kecamatan within ${SIGNAL_WINDOW_DAYS} days, for incidents in the period (the signal may fall shortly before it).`,
  ),
  'timing.acknowledge': D(
    'Waktu menerima laporan',
    'Time to acknowledge',
    'Dari laporan masuk ke server sampai operator menerima atau memverifikasinya. Batas waktu: batas terima prioritas laporan di pengaturan SLA.',
    "From a report reaching the server to an operator acknowledging or verifying it. Deadline: the report priority's acknowledge time in the SLA settings.",
  ),
  'timing.response': D(
    'Waktu respons lapangan pertama',
    'Time to first field response',
    'Untuk kasus yang dibuka dalam periode: dari laporan pertama kasus masuk sampai tanda tiba di lokasi atau tindak lanjut pertama petugas yang ditugaskan. Batas waktu: batas respons prioritas kasus.',
    "For cases opened in the period: from the case's earliest report arriving to the first check-in or follow-up by an assignee. Deadline: the case priority's response time.",
  ),
  'timing.resolve': D(
    'Waktu penyelesaian',
    'Time to resolution',
    'Untuk kasus yang dibuka dalam periode: dari laporan pertama kasus masuk sampai kasus ditutup (selesai). Batas waktu: batas selesai prioritas kasus.',
    "For cases opened in the period: from the case's earliest report arriving to the case being closed. Deadline: the case priority's resolution time.",
  ),
  'timing.median': D(
    'Median',
    'Median',
    'Nilai tengah waktu (menit) dari catatan yang sudah diterima/direspons/diselesaikan (persentil ke-50). Catatan yang belum selesai tidak ikut.',
    'The middle time (minutes) of the records already acknowledged/answered/resolved (the 50th percentile). Records still pending are left out.',
  ),
  'timing.p90': D(
    'Persentil ke-90',
    '90th percentile',
    '90% catatan selesai dalam waktu ini atau lebih cepat (persentil ke-90, dengan interpolasi).',
    '90% of records were done within this time or faster (the 90th percentile, interpolated).',
  ),
  'timing.share': D(
    'Tepat waktu',
    'Within deadline',
    'Bagian catatan yang selesai dalam batas waktu prioritasnya, dari semua catatan yang sudah selesai atau sudah lewat batas waktunya tanpa selesai (yang belum jatuh tempo tidak dihitung). Batas waktu asli menurut pengaturan SLA saat ini; tenggat baru karena eskalasi tidak dihitung.',
    "The share of records done within their priority's deadline, out of all records done or past their deadline without being done (those not yet due are left out). The original deadline per the current SLA settings; fresh deadlines from escalation do not count.",
  ),
  'group.all': D(
    'Semua',
    'All',
    'Semua catatan dalam periode dan lingkup.',
    'All records in the period and scope.',
  ),
  'group.P1': D('P1', 'P1', 'Catatan berprioritas P1.', 'Records of priority P1.'),
  'group.vulnerable': D(
    'Dengan kelompok rentan',
    'With vulnerable people',
    'Laporan (atau kasus) yang mencatat kelompok rentan terdampak: lansia, anak, fakir miskin, ibu hamil, penyandang disabilitas.',
    'Reports (or cases) recording vulnerable people affected: elderly, children, the poor, pregnant women, people with disabilities.',
  ),
  'group.harmed': D(
    'Rentan terluka/mengungsi',
    'Vulnerable harmed/displaced',
    'Laporan dengan orang rentan terluka, meninggal atau mengungsi (alasan triase: orang rentan terluka atau mengungsi); kasus yang memuat laporan seperti itu.',
    'Reports with vulnerable people hurt, killed or displaced (triage reasons: vulnerable people harmed or displaced); cases holding such a report.',
  ),
  'group.others': D(
    'Lainnya',
    'The rest',
    'Semua catatan lain dalam periode dan lingkup (tanpa orang rentan terluka atau mengungsi).',
    'Every other record in the period and scope (no vulnerable people harmed or displaced).',
  ),
  vulnerableFirst: D(
    'Kelompok rentan didahulukan?',
    'Vulnerable people first?',
    'Ya bila median waktu untuk laporan/kasus dengan orang rentan terluka atau mengungsi lebih pendek daripada median kelompok lainnya; kosong bila salah satu kelompok tidak punya data.',
    'Yes when the median time of reports/cases with vulnerable people harmed or displaced is shorter than the median of the rest; empty when either group has no data.',
  ),
  'cases.opened': D(
    'Kasus dibuka',
    'Cases opened',
    'Kasus yang dibuka dalam periode di kab/kota lingkup (menurut wilayah kasus).',
    "Cases opened in the period in the scope's kab/kota (by the case's region).",
  ),
  'cases.byPhase': D(
    'Menurut tahap',
    'By phase',
    'Tahap saat ini (UU 7/2012) dari kasus yang dibuka dalam periode: pencegahan, penghentian, pemulihan, selesai.',
    'The current phase (UU 7/2012) of the cases opened in the period: prevention, stopping, recovery, closed.',
  ),
  'cases.byOutcome': D(
    'Menurut hasil',
    'By outcome',
    'Kasus yang dibuka dalam periode menurut penyelesaian: selesai tepat waktu, selesai terlambat, masih berjalan dalam batas waktu, masih berjalan melewati batas waktu.',
    'Cases opened in the period by resolution: closed in time, closed late, open within the deadline, open past the deadline.',
  ),
  'cases.recurrence': D(
    'Kekambuhan',
    'Recurrence',
    `Kasus yang ditutup dalam periode lalu disusul kejadian baru dengan jenis konflik yang sama di desa yang sama dalam ${RECURRENCE_DAYS} hari setelah ditutup (dihitung sampai saat laporan dibuat).`,
    `Cases closed in the period that were followed by a new incident of the same type in the same desa within ${RECURRENCE_DAYS} days of closing (counted up to when the report is made).`,
  ),
  'cases.closedWithOpenReferrals': D(
    'Ditutup dengan rujukan terbuka',
    'Closed with open referrals',
    'Kasus yang ditutup dalam periode sementara rujukan orang rentan di dalamnya belum selesai (dirujuk atau diterima layanan); masing-masing diserahterimakan ke layanan lain dengan penanggung jawab tindak lanjut. Biasanya 0.',
    'Cases closed in the period while a referral of a vulnerable person in them was not completed (referred or accepted); each was handed over to a service with someone to follow it up. Normally 0.',
  ),
  'referrals.made': D(
    'Rujukan dibuat',
    'Referrals made',
    'Rujukan orang rentan ke layanan yang dibuat dalam periode, untuk kasus di lingkup.',
    'Referrals of vulnerable people to services made in the period, for cases in the scope.',
  ),
  'referrals.completed': D(
    'Rujukan selesai',
    'Referrals completed',
    'Dari rujukan yang dibuat dalam periode, yang sudah berstatus selesai.',
    'Of the referrals made in the period, those completed.',
  ),
  'referrals.overdue': D(
    'Rujukan terbuka lewat tenggat',
    'Referrals open past due',
    'Dari rujukan yang dibuat dalam periode, yang masih dirujuk/diterima dan tenggatnya sudah lewat saat laporan dibuat.',
    'Of the referrals made in the period, those still referred/accepted whose due date has passed when the report is made.',
  ),
  'referrals.medianCompletion': D(
    'Median waktu sampai selesai',
    'Median time to completion',
    'Median waktu (menit) dari rujukan dibuat sampai selesai, untuk rujukan yang dibuat dalam periode dan sudah selesai.',
    'Median time (minutes) from a referral being made to it being completed, for referrals made in the period and completed.',
  ),
  'alerts.raised': D(
    'Peringatan diterbitkan',
    'Alerts raised',
    'Peringatan dini yang diterbitkan dalam periode untuk wilayah di lingkup.',
    'Early-warning alerts raised in the period for regions in the scope.',
  ),
  'alerts.acknowledgedInTime': D(
    'Peringatan dikonfirmasi tepat waktu',
    'Alerts acknowledged in time',
    'Peringatan yang dikonfirmasi sebelum batas konfirmasinya.',
    'Alerts acknowledged before their acknowledgement deadline.',
  ),
  'alerts.followedByIncident': D(
    'Peringatan disusul kejadian',
    'Alerts followed by an incident',
    `Peringatan yang disusul laporan kejadian di wilayahnya dalam ${ALERT_INCIDENT_DAYS} hari.`,
    `Alerts followed by an incident report in their region within ${ALERT_INCIDENT_DAYS} days.`,
  ),
  'alerts.answered': D(
    'Peringatan dijawab dengan respons',
    'Alerts answered by a response',
    'Peringatan yang punya respons tercatat (misalnya kasus pencegahan yang dibuka).',
    'Alerts with a recorded response (for example a prevention case opened).',
  ),
  'pillars.coverage': D(
    'Cakupan pilar dan kekurangannya',
    'Pillar coverage and gaps',
    'Pada akhir periode: untuk tiap target cakupan (mis. TKSK satu per kecamatan), jumlah wilayah, wilayah yang memenuhi target, dan kekurangan pilar aktif. Pilar dihitung bila aktif sekarang dan terdaftar sebelum akhir periode (riwayat status tidak disimpan).',
    'At the end of the period: for each coverage target (e.g. one TKSK per kecamatan), the areas, the areas meeting it and the shortfall of active pillars. A pillar counts when active now and registered before the end of the period (status history is not kept).',
  ),
  'pillars.assignments': D(
    'Penugasan per jenis pilar',
    'Assignments per pillar type',
    'Penugasan ke kasus di lingkup yang dibuat dalam periode (tidak dibatalkan), menurut jenis pilar orang yang ditugaskan; "tanpa registri" bila akunnya tidak terhubung ke registri pilar.',
    "Assignments to cases in the scope made in the period (not cancelled), by the assignee's pillar type; 'not in registry' when their account is not linked to the pillar registry.",
  ),
  'pillars.safetyAlerts': D(
    'Peringatan keselamatan',
    'Safety alerts',
    `Tanda tiba di lokasi dalam periode yang tidak disusul tanda meninggalkan lokasi oleh orang yang sama di kasus yang sama dalam ${SAFETY_CHECKOUT_HOURS} jam.`,
    `Field check-ins in the period not followed by a check-out by the same person on the same case within ${SAFETY_CHECKOUT_HOURS} hours.`,
  ),
  'compare.previous': D(
    'Periode sebelumnya',
    'Previous period',
    'Periode sebelumnya yang sejenis: triwulan sebelumnya, tahun sebelumnya, atau jumlah hari yang sama tepat sebelum periode.',
    'The period before, of the same kind: the previous quarter, the previous year, or as many days just before.',
  ),
  'compare.kabkota': D(
    'Kab/kota berdampingan',
    'Kab/kota side by side',
    'Angka utama tiap kab/kota di lingkup untuk periode ini (pandangan sinergi Bakorwil).',
    "Each kab/kota's main figures for the period, side by side (the Bakorwil's sinergi view).",
  ),
};

/**
 * Indonesian labels of the outcomes, groups and levels that figures are split by. Report kinds, conflict types
 * and case phases are named by the message catalogue, as on the forms (see `catalogueKey`).
 */
export const LABELS_ID: Readonly<Record<string, string>> = {
  closed_in_time: 'Selesai tepat waktu',
  closed_late: 'Selesai terlambat',
  open_in_time: 'Berjalan, dalam batas waktu',
  open_late: 'Berjalan, lewat batas waktu',
  all: 'Semua',
  P1: 'P1',
  P2: 'P2',
  P3: 'P3',
  P4: 'P4',
  vulnerable: 'Dengan kelompok rentan',
  harmed: 'Rentan terluka/mengungsi',
  others: 'Lainnya',
  acknowledge: 'Menerima laporan',
  response: 'Respons lapangan pertama',
  resolve: 'Penyelesaian kasus',
  tanpa_registri: 'Tanpa registri',
  kambuh: 'Kambuh',
  tidak_kambuh: 'Tidak kambuh',
  kabkota: 'kab/kota',
  kecamatan: 'kecamatan',
  desa: 'desa/kelurahan',
};

/** English labels of the same keys. */
export const LABELS_EN: Readonly<Record<string, string>> = {
  closed_in_time: 'Closed within deadline',
  closed_late: 'Closed late',
  open_in_time: 'Open, within deadline',
  open_late: 'Open, past deadline',
  all: 'All',
  P1: 'P1',
  P2: 'P2',
  P3: 'P3',
  P4: 'P4',
  vulnerable: 'With vulnerable people',
  harmed: 'Vulnerable harmed/displaced',
  others: 'The rest',
  acknowledge: 'Acknowledging reports',
  response: 'First field response',
  resolve: 'Resolving cases',
  tanpa_registri: 'Not in the registry',
  kambuh: 'Recurred',
  tidak_kambuh: 'Did not recur',
  kabkota: 'kab/kota',
  kecamatan: 'kecamatan',
  desa: 'desa/kelurahan',
};

const CASE_PHASES = [
  'pencegahan',
  'penghentian',
  'pemulihan',
  'selesai',
] as const satisfies readonly CasePhase[];

/** The catalogue's key for a report kind, a conflict type or a case phase: the words the forms use. */
function catalogueKey(key: string): MessageKey | undefined {
  if ((REPORT_KINDS as readonly string[]).includes(key)) return `field.kind.${key as ReportKind}`;
  if (isConflictType(key)) return `field.conflictType.${key}`;
  if ((CASE_PHASES as readonly string[]).includes(key)) return `field.phase.${key as CasePhase}`;
  return undefined;
}

/** The Indonesian label of a key, or the key itself. */
export function labelOf(key: string): string {
  return labelIn(key, 'id');
}

/** The label of a key in the reader's language; a key with no words stays as the server named it. */
export function labelIn(key: string, lang: Lang, fallback?: string): string {
  const known = catalogueKey(key);
  if (known) return t(lang, known);
  return (lang === 'en' ? LABELS_EN[key] : LABELS_ID[key]) ?? fallback ?? key;
}
