// The words a report is made of, as plain constant lists. Zod-free on purpose: the web bundle imports
// these (and triage.ts) without pulling the schema library onto field phones.

/** Sinyal: a sign of tension; kejadian: a conflict incident that happened. */
export const REPORT_KINDS = ['sinyal', 'kejadian'] as const;

export const CONFLICT_TYPES = [
  'antar_perguruan_silat',
  'perguruan_silat_vs_warga',
  'antar_suporter',
  'pilkades_pemilu',
  'sengketa_lahan_sda',
  'sara_agama',
  'antarwarga',
  'batas_wilayah',
  'lainnya',
] as const;
export type ConflictType = (typeof CONFLICT_TYPES)[number];

/** Whether a stored or typed word is one of Sigap's conflict types. */
export function isConflictType(value: string): value is ConflictType {
  return (CONFLICT_TYPES as readonly string[]).includes(value);
}

/** The article's four triggers, plus provocation and hoaxes spread online. */
export const TRIGGERS = [
  'perbedaan_antarperorangan',
  'perbedaan_kebudayaan',
  'perbedaan_kepentingan',
  'perubahan_sosial',
  'informasi_provokatif',
] as const;

/** Vulnerable groups (UU 39/1999 Pasal 5(3) elucidation; Dinsos Jatim's working list). */
export const VULNERABLE_GROUPS = ['lansia', 'anak', 'fakir_miskin', 'ibu_hamil', 'disabilitas'] as const;

export const NEEDS = [
  'kesehatan',
  'evakuasi',
  'pangan',
  'hunian_sementara',
  'psikososial',
  'keamanan',
  'mediasi',
  'air_bersih',
  'lainnya',
] as const;

/** The fewest characters a report's description may have. */
export const MIN_DESCRIPTION = 10;

/** East Java's bounding box: a position outside it is refused as not in the province. */
export const EAST_JAVA_BOUNDS = { south: -8.9, north: -5.0, west: 110.8, east: 116.3 } as const;

/** True when a position lies in East Java's box. */
export function isInEastJava(position: { latitude: number; longitude: number }): boolean {
  return (
    position.latitude >= EAST_JAVA_BOUNDS.south &&
    position.latitude <= EAST_JAVA_BOUNDS.north &&
    position.longitude >= EAST_JAVA_BOUNDS.west &&
    position.longitude <= EAST_JAVA_BOUNDS.east
  );
}
