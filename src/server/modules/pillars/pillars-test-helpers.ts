// Set-up shared by the pillar registry tests: a test app that can seal NIKs, and the people who use the registry.
import { PEOPLE, type PersonSpec } from '../../../../test/harness.ts';

const DATA_KEY = Buffer.alloc(32, 7).toString('base64');

/** The env of a test app with a data key, so that the registry may hold NIKs on either database. */
export const PILLARS_ENV = { SIGAP_DATA_KEY: DATA_KEY };

/**
 * Who the registry tests act as, for `testAppWith`: the operators of Banyuwangi and Jember, the koordinators of
 * Bakorwil V and III, an admin and a relawan; `operator` and `relawan` are of Banyuwangi (Muncar).
 */
export const REGISTRY_PEOPLE = {
  operator: { role: 'operator', region: '35.10' },
  operatorJember: PEOPLE.operatorJember,
  koordinatorV: PEOPLE.koordinator,
  koordinatorIII: { role: 'koordinator', region: 'III' },
  admin: PEOPLE.admin,
  relawan: { role: 'relawan', region: '35.10.05.2009' },
} satisfies Record<string, PersonSpec>;
