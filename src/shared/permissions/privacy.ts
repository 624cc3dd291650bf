import type { Role } from '../users.ts';

/** The data protection officer (pejabat pelindung data pribadi) and the admin. */
const PRIVACY_OFFICE: readonly Role[] = ['ppdp', 'admin'];

/** The actions of the privacy module (UU 27/2022). */
export const PRIVACY_PERMISSIONS = {
  /** Read the record of processing activities (JSON or PDF). */
  'privacy.record': PRIVACY_OFFICE,
  /** Find a person across Sigap and read their data (each record read is access-logged). */
  'privacy.search': ['ppdp'],
  /** Keep the breach register: record a breach, its notices, and close it. */
  'privacy.breach': PRIVACY_OFFICE,
  /** Track the requests of the people in the data: their file, corrections, erasure, legal holds. */
  'privacy.request': PRIVACY_OFFICE,
  /** Record consent and its withdrawal per person, and read it. */
  'privacy.consent': PRIVACY_OFFICE,
  /** Read and set the retention periods and the anomaly signals' thresholds. */
  'privacy.settings': PRIVACY_OFFICE,
  /** See what the retention job would anonymise (the dry run: counts and record ids, no values). */
  'privacy.retention': PRIVACY_OFFICE,
} as const satisfies Record<string, readonly Role[]>;
