// Set-up shared by the pillar registry tests: a test app that can seal NIKs, and the people who use the registry.
import { buildTestApp, type TestApp, type TestUser } from '../../../../test/harness.ts';

const DATA_KEY = Buffer.alloc(32, 7).toString('base64');

/** A test app with a data key, so that the registry may hold NIKs on either database. */
export function buildPillarsTestApp(): Promise<TestApp> {
  return buildTestApp({ SIGAP_DATA_KEY: DATA_KEY });
}

/** Who the registry tests act as; `operator` and `relawan` are of Banyuwangi (Muncar). */
export type RegistryPeople = {
  operator: TestUser;
  operatorJember: TestUser;
  koordinatorV: TestUser;
  koordinatorIII: TestUser;
  admin: TestUser;
  relawan: TestUser;
};

/** Makes the operators of Banyuwangi and Jember, the koordinators of Bakorwil V and III, an admin and a relawan. */
export async function registryPeople(t: TestApp): Promise<RegistryPeople> {
  return {
    operator: await t.user({ role: 'operator', region: '35.10' }),
    operatorJember: await t.user({ role: 'operator', region: '35.09' }),
    koordinatorV: await t.user({ role: 'koordinator', region: 'V' }),
    koordinatorIII: await t.user({ role: 'koordinator', region: 'III' }),
    admin: await t.user({ role: 'admin', region: '35' }),
    relawan: await t.user({ role: 'relawan', region: '35.10.05.2009' }),
  };
}
