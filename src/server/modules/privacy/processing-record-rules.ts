// The record of processing activities (UU 27/2022 Pasal 31), made from the data map alone: what is processed,
// for what, on which basis, who receives it, how long it is kept and how it is protected.
import type { Lang } from '../../../shared/i18n.ts';
import {
  ACTIVITIES,
  type Activity,
  DATA_MAP,
  LAWFUL_BASIS_LABELS,
  RETENTION_RULES,
  type RetentionRule,
} from '../../../shared/privacy/data-map.ts';
import type { ProcessingRecord } from '../../../shared/privacy/privacy-schema.ts';

export const CONTROLLER = {
  id: 'Dinas Sosial Provinsi Jawa Timur (pengendali data pribadi)',
  en: 'Dinas Sosial of Jawa Timur Province (personal data controller)',
};

const SAFEGUARDS = {
  id: [
    'NIK pilar dan orang rentan dienkripsi (AES-256-GCM) dengan kunci SIGAP_DATA_KEY; pencocokan memakai hash berkunci.',
    'Nama dan NIK orang rentan hanya tampil bagi penangan kasus; setiap tampilan dicatat di log akses.',
    'Keamanan tingkat baris basis data: setiap pengguna hanya melihat wilayahnya; di luar itu jawaban 404.',
    'Jejak audit berantai hash; kepala jejak ditandatangani setiap jam dan disimpan di luar basis data.',
    'Data anak hanya dengan persetujuan orang tua/wali; data kesehatan dan disabilitas disembunyikan di luar penangan.',
    'Peran admin, provinsi, koordinator dan PPDP wajib verifikasi dua langkah; cadangan terenkripsi.',
    'Pejabat pelindung data pribadi (PPDP) membaca data orang hanya melalui modul pelindungan data, setiap tampilan dicatat.',
  ],
  en: [
    'NIKs of pillars and vulnerable people are encrypted (AES-256-GCM) under SIGAP_DATA_KEY; matching uses a keyed hash.',
    "Vulnerable people's names and NIKs are shown only to case handlers; each view is access-logged.",
    'Row-level security: each user sees only their region; anything else answers 404.',
    'Hash-chained audit trail; its head is signed hourly and kept outside the database.',
    "Children's data only with a parent's or guardian's consent; health and disability data hidden outside handlers.",
    'Admin, provinsi, koordinator and the data protection officer must use two-step verification; backups are encrypted.',
    "The data protection officer reads people's data only through the privacy module, each view logged.",
  ],
};

/** A retention rule's text with its number of years, months or days. */
export function retentionText(rule: RetentionRule, lang: Lang, value?: number): string {
  const r = RETENTION_RULES[rule];
  return r[lang].replace('{n}', String(value ?? r.default));
}

/** The record of processing in one language, at `generatedAt` (WIB). */
export function buildProcessingRecord(lang: Lang, generatedAt: string): ProcessingRecord {
  const activities = (Object.keys(ACTIVITIES) as Activity[]).map((id) => {
    const activity = ACTIVITIES[id];
    const entries = DATA_MAP.filter((entry) => entry.activity === id);
    const bases = [...new Set(entries.map((entry) => entry.basis))];
    const retention = [...new Set(entries.map((entry) => entry.retention))];
    return {
      id,
      name: activity[lang],
      subjects: activity.subjects[lang],
      recipients: activity.recipients[lang],
      bases: bases.map((basis) => LAWFUL_BASIS_LABELS[basis][lang]),
      retention: retention.map((rule) => retentionText(rule, lang)),
      hasSpecificData: entries.some((entry) => entry.category === 'spesifik'),
      columns: entries.map((entry) => ({
        table: entry.table,
        column: entry.column,
        category: entry.category,
        specific: [...(entry.specific ?? [])],
        purpose: entry.purpose[lang],
        basis: LAWFUL_BASIS_LABELS[entry.basis][lang],
        retention: retentionText(entry.retention, lang),
      })),
    };
  });
  return { controller: CONTROLLER[lang], generatedAt, lang, activities, safeguards: SAFEGUARDS[lang] };
}
