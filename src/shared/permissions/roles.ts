import type { Role } from '../users.ts';

/** The office roles: everyone who handles reports and cases for a region (not a field volunteer, not a partner). */
export const STAFF: readonly Role[] = ['operator', 'koordinator', 'provinsi', 'admin'];
/** Bakorwil and above: the roles that decide for more than one kab/kota. */
export const COORDINATORS: readonly Role[] = ['koordinator', 'provinsi', 'admin'];
/** The province and the admin. */
export const PROVINCE: readonly Role[] = ['provinsi', 'admin'];
export const ADMIN: readonly Role[] = ['admin'];
/** Everyone who sends field reports: the volunteers and the office. */
export const REPORTERS: readonly Role[] = ['relawan', ...STAFF];
/** Every signed-in role. */
export const EVERYONE: readonly Role[] = [
  'relawan',
  'operator',
  'koordinator',
  'provinsi',
  'mitra',
  'admin',
  'ppdp',
];
