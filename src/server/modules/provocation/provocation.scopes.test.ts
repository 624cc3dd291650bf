import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, type TestUser, testAppWith } from '../../../../test/harness.ts';
import { ONE_PER_ROLE } from '../../../../test/scopes.ts';
import { can } from '../../../shared/permissions/index.ts';
import { PROVOCATION_PERMISSIONS } from '../../../shared/permissions/provocation.ts';
import { Role } from '../../../shared/users.ts';

type Action = keyof typeof PROVOCATION_PERMISSIONS;

/**
 * Every action of the provocation table × every role, through the HTTP API: 403 exactly where the table says no,
 * a success where it says yes.
 */
describe('provocation permissions through the API', () => {
  const { t, drafter, outsider, ...users } = testAppWith({
    ...ONE_PER_ROLE,
    drafter: PEOPLE.operator,
    outsider: { role: 'operator', region: '35.12' },
  });
  let itemId: string;
  let caseId: string;

  async function submittedCounter(): Promise<string> {
    const drafted = await t.call(drafter, 'POST', `/api/provocation/items/${itemId}/counter-messages`, {
      body: 'Kabar ini tidak benar; mohon tidak disebarkan.',
      carrier: 'tokoh_agama',
    });
    const id = drafted.json().response.counterMessages.at(-1).id;
    await t.call(drafter, 'POST', `/api/provocation/counter-messages/${id}/submit`, {});
    return id;
  }

  /** One request per action, made by `user`; answers its status code. */
  const attempts: Record<Action, (user: TestUser) => Promise<number>> = {
    'provocation.record': async (user) =>
      (
        await t.call(user, 'POST', '/api/provocation/sightings', {
          id: randomUUID(),
          platform: 'whatsapp',
          text: 'Pesan berantai uji izin untuk satu peran di Jember',
          seenAt: '2026-07-01T08:00:00+07:00',
          regionCodes: ['35.09.06'],
        })
      ).statusCode,
    'provocation.view': async (user) =>
      (await t.call(user, 'GET', `/api/provocation/items/${itemId}`)).statusCode,
    'provocation.assess': async (user) =>
      (await t.call(user, 'POST', `/api/provocation/items/${itemId}/assessment`, { assessment: 'hoaks' }))
        .statusCode,
    'provocation.counter': async (user) =>
      (
        await t.call(user, 'POST', `/api/provocation/items/${itemId}/counter-messages`, {
          body: 'Klarifikasi resmi dari Dinas Sosial.',
          carrier: 'diskominfo',
        })
      ).statusCode,
    'provocation.approve': async (user) =>
      (
        await t.call(
          user,
          'POST',
          `/api/provocation/counter-messages/${await submittedCounter()}/approve`,
          {},
        )
      ).statusCode,
    'provocation.takedown': async (user) =>
      (
        await t.call(user, 'POST', `/api/provocation/items/${itemId}/takedowns`, {
          kind: 'investigasi',
          agencyId: 'polres-jember',
          caseId,
          instruction: 'Mohon penyelidikan akun penyebar',
        })
      ).statusCode,
    'provocation.posters': async (user) => {
      const res = await t.call(user, 'GET', `/api/provocation/items/${itemId}`);
      if (res.statusCode !== 200) return res.statusCode;
      // Not a refusal: someone without the right sees the account masked.
      return res.json().sightings[0].posterAccount === '@akun_penyebar' ? 200 : 403;
    },
    'provocation.merge': async (user) => {
      const other = await t.call(drafter, 'POST', '/api/provocation/sightings', {
        id: randomUUID(),
        platform: 'tiktok',
        links: [`https://www.tiktok.com/@uji/video/${Date.now()}${Math.floor(Math.random() * 1e6)}`],
        seenAt: '2026-07-01T09:00:00+07:00',
        regionCodes: ['35.09.06.2002'],
      });
      return (
        await t.call(user, 'POST', `/api/provocation/items/${other.json().itemId}/merge`, { intoId: itemId })
      ).statusCode;
    },
    'provocation.evaluate': async (user) =>
      (await t.call(user, 'GET', '/api/provocation/evaluation')).statusCode,
  };

  beforeAll(async () => {
    const first = await t.call(drafter, 'POST', '/api/provocation/sightings', {
      id: randomUUID(),
      platform: 'whatsapp',
      text: 'Awas malam ini kampung akan diserang, siapkan senjata',
      seenAt: '2026-07-01T07:00:00+07:00',
      regionCodes: ['35.09.06.2002'],
      posterAccount: '@akun_penyebar',
    });
    itemId = first.json().itemId;
    caseId = await t.db.asSystem(async (tx) => {
      const row = await tx.one<{ id: string }>(
        `INSERT INTO cases (title, region_code, kabkota_code, conflict_type, priority, created_by, due_response_at, due_resolve_at)
         VALUES ('Kasus uji', '35.09.06.2002', '35.09', 'antar_perguruan_silat', 'P2', $1, now() + interval '1 day', now() + interval '7 days') RETURNING id`,
        [drafter.id],
      );
      // Escalated to the province, so every role the table allows is also a handler of the case.
      await tx.query("UPDATE cases SET handling_level = 'provinsi' WHERE id = $1", [row!.id]);
      return row!.id;
    });
    await t.call(drafter, 'POST', `/api/provocation/items/${itemId}/links`, { caseId });
  });

  for (const action of Object.keys(PROVOCATION_PERMISSIONS) as Action[]) {
    it(`${action}: refused exactly where the table says no`, async () => {
      for (const role of Role.options) {
        const status = await attempts[action](users[role]);
        if (can(role, action)) expect(status, `${role} may ${action}`).toBeLessThan(300);
        else expect(status, `${role} may not ${action}`).toBe(403);
      }
    });
  }

  it('answers 404, never 403, for an item outside the asker’s region', async () => {
    expect((await t.call(outsider, 'GET', `/api/provocation/items/${itemId}`)).statusCode).toBe(404);
    expect(
      (await t.call(outsider, 'POST', `/api/provocation/items/${itemId}/assessment`, { assessment: 'hoaks' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.call(outsider, 'POST', `/api/provocation/items/${itemId}/counter-messages`, {
          body: 'Klarifikasi dari luar wilayah.',
          carrier: 'lainnya',
        })
      ).statusCode,
    ).toBe(404);
  });
});
