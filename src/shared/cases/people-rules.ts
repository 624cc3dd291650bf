// Zod-free on purpose: the web imports these rules (which moves a referral allows, who is a child) without
// pulling the schema library into the bundle. The zod enums over these lists live in people-schema.ts.
import { movesOf } from '../moves.ts';
import type { VulnerableGroup } from '../reports/report-schema.ts';
import type { TextLength } from '../text-length.ts';
import type { ReferralService } from './case-schema.ts';

/** How long a named person's and a referral's texts may be (people-schema.ts and the people forms read them). */
export const PEOPLE_TEXT = {
  fullName: { min: 2, max: 200 },
  guardianName: { max: 200 },
  provider: { min: 2, max: 200 },
  referralNote: { max: 2000 },
} as const satisfies Record<string, TextLength>;

/** Below this age a person is a child: their data is specific personal data (UU 27/2022 Pasal 4 ayat 2). */
export const CHILD_AGE_LIMIT = 18;

/** The band a masked view shows instead of an age. */
export const AGE_BANDS = ['anak', 'dewasa', 'lansia', 'tidak_diketahui'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

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

/** A NIK shown masked, with at most its last four digits: the one rule for pillars and vulnerable people. */
export { maskNik } from '../pillars/pillar-identity.ts';

/** Where a referral to a service stands. */
export const REFERRAL_STATUSES = ['dirujuk', 'diterima', 'selesai', 'batal'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The services a person may be referred to, in the order forms offer them (the same list as `ReferralService`). */
export const REFERRAL_SERVICES = [
  'rehabilitasi_sosial',
  'dukungan_psikososial',
  'logistik',
  'kesehatan',
  'lainnya',
] as const satisfies readonly (typeof ReferralService)['options'][number][];

/** A referral still waiting for the service: it can be overdue. */
export function isReferralOpen(status: ReferralStatus): boolean {
  return status === 'dirujuk' || status === 'diterima';
}

/** A referral is followed until it is done or cancelled; it never goes back. */
const REFERRAL_MOVES = movesOf<ReferralStatus>({
  dirujuk: ['diterima', 'selesai', 'batal'],
  diterima: ['selesai', 'batal'],
  selesai: [],
  batal: [],
});

/** The statuses a referral may move to from `from`. */
export const nextReferralStatuses = REFERRAL_MOVES.next;

/** Whether a referral may move from `from` to `to` (the server refuses any other move). */
export const canMoveReferral = REFERRAL_MOVES.canMove;
