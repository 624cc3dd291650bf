import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAppWith } from '../../../../test/harness.ts';
import { ONE_PER_ROLE } from '../../../../test/scopes.ts';
import { CHANNELS_PERMISSIONS } from '../../../shared/permissions/channels.ts';
import { can } from '../../../shared/permissions/index.ts';
import type { Role } from '../../../shared/users.ts';
import { channelEnv, type FakeApi, SMS_SECRET, startFakeApi } from './channels-test-helpers.ts';

// Every action of the channels module × every role through the HTTP API: 403 exactly where the table says no,
// 404 for a record outside the asker's area.
// the fake WhatsApp/SMS API, started before the app that is given its address
let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());

describe('channels: who may do what', () => {
  const { t, outsider, ...users } = testAppWith(
    { ...ONE_PER_ROLE, outsider: { role: 'koordinator', region: 'I' } },
    { env: () => channelEnv(api) },
  );
  let reportId: string;
  let waitingIds: string[] = [];

  // each on its own hour, so that none joins an earlier message's draft
  const sms = (from: string, text: string, id: string, hour = 0) =>
    t.app.inject({
      method: 'POST',
      url: '/api/channels/sms',
      headers: { 'content-type': 'application/json', 'x-sigap-secret': SMS_SECRET },
      payload: JSON.stringify({
        from,
        text,
        id,
        receivedAt: `2026-08-22T${String(hour).padStart(2, '0')}:00:00+07:00`,
      }),
    });

  beforeAll(async () => {
    const filed = await sms(
      '081230001001',
      'Tawuran antar perguruan silat di desa Tanggul Wetan kecamatan Tanggul',
      's1',
    );
    reportId = filed.json().outcomes[0].reportId;
    await t.db.asSystem((tx) =>
      tx.query(
        `INSERT INTO pillars (pillar_type, name, name_key, home_region_code, phone)
         VALUES ('tksk', 'Pilar Lingkup', 'pilar lingkup', '35.09.06.2002', '+6281230001002')`,
      ),
    );
  });

  const roles: Role[] = ['relawan', 'operator', 'koordinator', 'provinsi', 'mitra', 'admin', 'ppdp'];

  it('walks every action of the module (a new action needs its walk below)', () => {
    expect(Object.keys(CHANNELS_PERMISSIONS).sort()).toEqual([
      'channel.messages',
      'channel.place',
      'channel.reply',
    ]);
  });

  it('channel.place: the queue and placing by hand, only for the table’s roles', async () => {
    for (const [i, role] of roles.entries()) {
      const queued = await sms(
        '081230001002',
        'Tolong ada warga dikeroyok, cepat datang',
        `q-${role}`,
        i + 1,
      );
      const waiting = queued.json().outcomes[0];
      expect(waiting.status).toBe('menunggu');
      const list = await t.call(users[role], 'GET', '/api/channels/queue');
      expect(list.statusCode, role).toBe(can(role, 'channel.place') ? 200 : 403);
      if (list.statusCode === 200) {
        waitingIds = list.json().items.map((m: { id: string }) => m.id);
        expect(waitingIds.length, role).toBeGreaterThan(0);
      }
      const id =
        waitingIds[0] ??
        (
          await t.db.asSystem((tx) =>
            tx.one<{ id: string }>("SELECT id FROM channel_messages WHERE status = 'menunggu' LIMIT 1"),
          )
        )?.id;
      const placed = await t.call(users[role], 'POST', `/api/channels/queue/${id}/place`, {
        regionCode: '35.09.06',
      });
      expect(placed.statusCode, `${role} ${i}`).toBe(can(role, 'channel.place') ? 200 : 403);
      waitingIds = [];
    }
    // a koordinator of another Bakorwil does not see the message: 404, not 403
    await sms('081230001002', 'Tolong ada warga dikeroyok lagi, cepat datang', 'q-outside', 12);
    const row = await t.db.asSystem((tx) =>
      tx.one<{ id: string }>("SELECT id FROM channel_messages WHERE provider_id = 'q-outside'"),
    );
    const elsewhere = await t.call(outsider, 'POST', `/api/channels/queue/${row?.id}/place`, {
      regionCode: '35.09.06',
    });
    expect(elsewhere.statusCode).toBe(404);
    const outsiderQueue = await t.call(outsider, 'GET', '/api/channels/queue');
    expect(outsiderQueue.json().items).toHaveLength(0);
  });

  it('channel.messages: a report’s messages, only for the table’s roles, 404 outside the area', async () => {
    for (const role of roles) {
      const answer = await t.call(users[role], 'GET', `/api/reports/${reportId}/messages`);
      expect(answer.statusCode, role).toBe(can(role, 'channel.messages') ? 200 : 403);
    }
    const elsewhere = await t.call(outsider, 'GET', `/api/reports/${reportId}/messages`);
    expect(elsewhere.statusCode).toBe(404);
  });

  it('channel.reply: answering the sender from the report page, only for the table’s roles, 404 outside the area', async () => {
    for (const role of roles) {
      const answer = await t.call(users[role], 'POST', `/api/reports/${reportId}/reply`, {
        requestId: randomUUID(),
        template: 'diterima',
      });
      expect(answer.statusCode, role).toBe(can(role, 'channel.reply') ? 200 : 403);
    }
    const elsewhere = await t.call(outsider, 'POST', `/api/reports/${reportId}/reply`, {
      requestId: randomUUID(),
      template: 'diterima',
    });
    expect(elsewhere.statusCode).toBe(404);
  });
});
