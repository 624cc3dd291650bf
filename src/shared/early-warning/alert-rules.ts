// Alerts: who may raise, acknowledge and close them, and how a level reads in CAP 1.2. Pure, zod-free.
import { type HandlingLevel, handlesAtLevel } from '../escalation/ladder.ts';
import type { AlertLevel, Level } from './level-model.ts';
import { levelName } from './level-names.ts';

/** aktif: waiting for acknowledgement · diterima: acknowledged, response under way · ditutup: closed ·
 *  diganti: replaced by a newer alert for the same region at a higher level. */
export const ALERT_STATUSES = ['aktif', 'diterima', 'ditutup', 'diganti'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Who handles an unacknowledged alert now; it climbs like a case deadline. */
export type AlertHandlingLevel = HandlingLevel;

/**
 * Who may acknowledge: any operator of the kab/kota (one acknowledges for all); once the alert has climbed
 * to the Bakorwil, its koordinator too; once at the province, provinsi and admin users too.
 */
export function canAcknowledgeAlert(role: string, handlingLevel: AlertHandlingLevel): boolean {
  return handlesAtLevel(role, handlingLevel) || (role === 'admin' && handlingLevel === 'provinsi');
}

/** What may happen to an alert in a status. */
export function allowedAlertMoves(status: AlertStatus): {
  acknowledge: boolean;
  act: boolean;
  close: boolean;
} {
  return {
    acknowledge: status === 'aktif',
    act: status === 'aktif' || status === 'diterima',
    close: status === 'diterima',
  };
}

/** The CAP 1.2 fields a level maps to. docs/EARLY-WARNING.md carries the same table. */
export type CapLevelMapping = {
  urgency: 'Immediate' | 'Expected' | 'Future';
  severity: 'Extreme' | 'Severe' | 'Moderate';
  certainty: 'Likely' | 'Possible';
  responseType: 'Execute' | 'Prepare' | 'Monitor';
};

export const CAP_BY_LEVEL: Record<AlertLevel, CapLevelMapping> = {
  waspada: { urgency: 'Future', severity: 'Moderate', certainty: 'Possible', responseType: 'Monitor' },
  siaga: { urgency: 'Expected', severity: 'Severe', certainty: 'Likely', responseType: 'Prepare' },
  awas: { urgency: 'Immediate', severity: 'Extreme', certainty: 'Likely', responseType: 'Execute' },
};

/** What receivers of a CAP alert should do, per level (CAP <instruction>, Indonesian). */
export const CAP_INSTRUCTIONS: Record<AlertLevel, string> = {
  waspada: 'Pantau perkembangan; hubungi pengurus kelompok dan tokoh masyarakat setempat.',
  siaga:
    'Siagakan pilar sosial dan koordinasikan pencegahan dengan aparat dan pengurus kelompok; lindungi kelompok rentan.',
  awas: 'Turunkan tim segera; amankan anak, lansia, ibu hamil dan penyandang disabilitas; koordinasikan penghentian kekerasan.',
};

/** True for the levels an alert can carry. */
export function isAlertLevel(level: Level): level is AlertLevel {
  return level !== 'normal';
}

/** The headline of an alert raised by a level rise: 'Siaga kerawanan konflik sosial: Kecamatan Tanggul'. */
export function risenHeadline(level: AlertLevel, areaName: string): string {
  return `${levelName(level)} kerawanan konflik sosial: ${areaName}`;
}

/** Items of the pre-event risk checklist (keys stay; labels are Indonesian). */
export const CHECKLIST_ITEMS = {
  koordinasi_aparat: 'Koordinasi dengan Polres/Kodim dan Kesbangpol',
  hubungi_pengurus: 'Pengurus cabang/ranting kelompok sudah dihubungi',
  rute_disepakati: 'Rute dan jadwal disepakati dan diumumkan',
  titik_rawan: 'Titik rawan di sepanjang rute dipetakan',
  pilar_siaga: 'Pilar sosial (Tagana, Pordam, TKSK) disiagakan',
  posko_kesehatan: 'Posko kesehatan dan pertolongan pertama siap',
  kelompok_rentan: 'Kelompok rentan (anak, lansia, disabilitas) di sekitar rute diamankan',
  pantau_medsos: 'Pemantauan media sosial dan grup percakapan terhadap provokasi',
} as const;
export type ChecklistKey = keyof typeof CHECKLIST_ITEMS;
export const CHECKLIST_KEYS = Object.keys(CHECKLIST_ITEMS) as ChecklistKey[];

/** Shows the first letter of each word: 'Ahmad Fauzi' → 'A**** F****'. */
export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${word[0]}${'*'.repeat(Math.max(1, word.length - 1))}`)
    .join(' ');
}

/** Keeps the last three digits: '+6281234567890' → '+62*********890'. */
export function maskPhone(phone: string): string {
  const keep = phone.startsWith('+') ? 3 : 0;
  return phone
    .split('')
    .map((ch, i) => (i < keep || i >= phone.length - 3 ? ch : /\d/.test(ch) ? '*' : ch))
    .join('');
}
