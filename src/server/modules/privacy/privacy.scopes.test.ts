// Every action of the privacy module × every role through the HTTP API: 403 exactly where the permission table
// says no.
import { beforeAll, describe, expect, it } from 'vitest';
import { authAs, type TestUser, testAppWith } from '../../../../test/harness.ts';
import { PRIVACY_PERMISSIONS } from '../../../shared/permissions/privacy.ts';
import { Role } from '../../../shared/users.ts';

const { t } = testAppWith({});
const users = new Map<string, TestUser>();

beforeAll(async () => {
  await t.db.asSystem((tx) =>
    tx.query("INSERT INTO agencies (id, name) VALUES ('polres-uji', 'Polres Uji') ON CONFLICT DO NOTHING"),
  );
  for (const role of Role.options) {
    const region = role === 'operator' ? '35.09' : '35';
    users.set(role, await t.user({ role, region, agencyId: role === 'mitra' ? 'polres-uji' : undefined }));
  }
});

const REQUESTS: Record<keyof typeof PRIVACY_PERMISSIONS, { method: 'GET' | 'POST'; url: string }> = {
  'privacy.record': { method: 'GET', url: '/api/privacy/processing-record' },
  'privacy.search': { method: 'GET', url: '/api/privacy/subjects?nik=3509015204500001' },
  'privacy.breach': { method: 'GET', url: '/api/privacy/breaches' },
  'privacy.request': { method: 'GET', url: '/api/privacy/requests' },
  'privacy.consent': { method: 'GET', url: '/api/privacy/consents?phone=081234567890' },
  'privacy.settings': { method: 'GET', url: '/api/settings/privacy' },
  'privacy.retention': { method: 'GET', url: '/api/privacy/retention' },
};

describe('privacy actions by role', () => {
  for (const [action, allowed] of Object.entries(PRIVACY_PERMISSIONS)) {
    it(`${action}: refused exactly to the roles the table leaves out`, async () => {
      const request = REQUESTS[action as keyof typeof PRIVACY_PERMISSIONS];
      for (const role of Role.options) {
        const res = await t.app.inject({ ...request, headers: authAs(users.get(role)!) });
        const expected = (allowed as readonly string[]).includes(role) ? 200 : 403;
        expect({ role, status: res.statusCode }).toEqual({ role, status: expected });
      }
    });
  }
});
