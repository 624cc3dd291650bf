import { beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, testAppWith } from '../../../../test/harness.ts';
import { EXPORT_PERMISSIONS } from '../../../shared/permissions/exports.ts';
import { type Action, can } from '../../../shared/permissions/index.ts';
import { Role } from '../../../shared/users.ts';

/** Every export action × every role through the HTTP API: 403 exactly where the permission table says no. */
describe('exports: who may do what', () => {
  const { t } = testAppWith({});
  const users = new Map<string, TestUser>();

  /** The request that takes each action, and the roles it needs besides the action's own. */
  const REQUESTS: Record<keyof typeof EXPORT_PERMISSIONS, { url: string; also: Action[] }> = {
    'export.reports': { url: '/api/exports/reports?format=csv', also: [] },
    'export.cases': { url: '/api/exports/cases?format=xlsx', also: [] },
    'export.alerts': { url: '/api/exports/alerts?format=geojson', also: [] },
    'export.pillars': { url: '/api/exports/pillars?format=hxl', also: [] },
    'export.evaluation': { url: '/api/exports/evaluation?format=csv&scope=35.09&set=reports', also: [] },
    'export.personal': { url: '/api/exports/cases?personal=true', also: ['export.cases'] },
  };

  beforeAll(async () => {
    await t.db.asSystem((tx) =>
      tx.query("INSERT INTO agencies (id, name) VALUES ('bpbd-jember', 'BPBD Jember')"),
    );
    for (const role of Role.options) {
      const region =
        role === 'provinsi' || role === 'admin' || role === 'ppdp'
          ? '35'
          : role === 'relawan'
            ? '35.09.06.2002'
            : '35.09';
      users.set(
        role,
        await t.user({ role, region, ...(role === 'mitra' ? { agencyId: 'bpbd-jember' } : {}) }),
      );
    }
  });

  it('lists every action of the exports table here', () => {
    expect(Object.keys(REQUESTS).sort()).toEqual(Object.keys(EXPORT_PERMISSIONS).sort());
  });

  for (const action of Object.keys(EXPORT_PERMISSIONS) as (keyof typeof EXPORT_PERMISSIONS)[]) {
    it(`${action}: refused exactly to the roles the table leaves out`, async () => {
      const { url, also } = REQUESTS[action];
      for (const role of Role.options) {
        const user = users.get(role) as TestUser;
        const res = await t.call(user, 'GET', url);
        const allowed = can(role, action) && also.every((a) => can(role, a));
        expect({ role, status: res.statusCode }).toEqual({ role, status: allowed ? 200 : 403 });
      }
    });
  }
});
