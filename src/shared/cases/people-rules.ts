import { z } from 'zod';
import type { VulnerableGroup } from '../reports/report-schema.ts';

/** Below this age a person is a child: their data is specific personal data (UU 27/2022 Pasal 4 ayat 2). */
export const CHILD_AGE_LIMIT = 18;

/** The band a masked view shows instead of an age. */
export const AgeBand = z.enum(['anak', 'dewasa', 'lansia', 'tidak_diketahui']);
export type AgeBand = z.infer<typeof AgeBand>;

/** From this age a person counts as lansia (UU 13/1998). */
const ELDERLY_AGE = 60;

/** A person is a child when recorded in the group anak or younger than 18. */
export function isChild(person: { group: VulnerableGroup; age?: number | null }): boolean {
  return person.group === 'anak' || (person.age != null && person.age < CHILD_AGE_LIMIT);
}

/** Why a person's record is refused, or undefined: a child's data needs a parent's or guardian's consent. */
export function refusePerson(person: {
  group: VulnerableGroup;
  age?: number | null;
  guardianConsent: boolean;
}): string | undefined {
  if (person.group === 'anak' && person.age != null && person.age >= CHILD_AGE_LIMIT) {
    return `Kelompok anak berarti usia di bawah ${CHILD_AGE_LIMIT} tahun`;
  }
  if (isChild(person) && !person.guardianConsent) {
    return 'Data anak memerlukan persetujuan orang tua/wali (UU 27/2022)';
  }
  return undefined;
}

/** The age band shown when the age itself is masked. */
export function ageBand(person: { group: VulnerableGroup; age?: number | null }): AgeBand {
  if (isChild(person)) return 'anak';
  if (person.age == null) return person.group === 'lansia' ? 'lansia' : 'tidak_diketahui';
  return person.age >= ELDERLY_AGE ? 'lansia' : 'dewasa';
}

/** A name reduced to initials: "Siti Aminah" → "S*** A***". */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word) => `${word[0].toUpperCase()}***`)
    .join(' ');
}

/** A NIK with only its first four (the kab/kota) and last four digits: "3509********0001". */
export function maskNik(nik: string): string {
  if (nik.length <= 8) return '*'.repeat(nik.length);
  return `${nik.slice(0, 4)}${'*'.repeat(nik.length - 8)}${nik.slice(-4)}`;
}

/** Where a referral to a service stands. */
export const ReferralStatus = z.enum(['dirujuk', 'diterima', 'selesai', 'batal']);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

/** A referral is followed until it is done or cancelled; it never goes back. */
const NEXT_REFERRAL_STATUSES = {
  dirujuk: ['diterima', 'selesai', 'batal'],
  diterima: ['selesai', 'batal'],
  selesai: [],
  batal: [],
} as const satisfies Record<ReferralStatus, readonly ReferralStatus[]>;

/** The statuses a referral may move to from `from`. */
export function nextReferralStatuses(from: ReferralStatus): readonly ReferralStatus[] {
  return NEXT_REFERRAL_STATUSES[from];
}

export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return (NEXT_REFERRAL_STATUSES[from] as readonly ReferralStatus[]).includes(to);
}
