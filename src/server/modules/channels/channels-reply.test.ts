import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, type TestUser, testAppWith } from '../../../../test/harness.ts';
import { REPLY_TEMPLATES } from '../../../shared/channels/reply-templates.ts';
import { systemClock } from '../../platform/clock.ts';
import { drainOutbox } from './channels-outbox.ts';
import { channelEnv, type FakeApi, SMS_SECRET, startFakeApi } from './channels-test-helpers.ts';

// the fake WhatsApp/SMS API, started before the app that is given its address
let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());

describe('answering the sender from the report page', () => {
  const { t, operator, relawan, elsewhere } = testAppWith(
    {
      ...people('operator', 'relawan'),
      elsewhere: { role: 'operator', region: '35.10' },
    },
    { env: () => channelEnv(api) },
  );
  let reportId: string;

  const reply = (user: TestUser, id: string, payload: Record<string, unknown>) =>
    t.call(user, 'POST', `/api/reports/${id}/reply`, payload);

  beforeAll(async () => {
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/channels/sms',
      headers: { 'content-type': 'application/json', 'x-sigap-secret': SMS_SECRET },
      payload: JSON.stringify({
        from: '081230009001',
        text: 'Tawuran antar perguruan silat di desa Tanggul Wetan kecamatan Tanggul, ada anak terluka',
        id: 'reply-1',
      }),
    });
    reportId = filed.json().outcomes[0].reportId;
    expect(reportId).toBeTruthy();
    await drainOutbox({ db: t.db, clock: systemClock, config: t.config }); // the receipt
  });

  it('sends a template and a short text once each, on the channel the report came from, audited without the number', async () => {
    const requestId = randomUUID();
    const first = await reply(operator, reportId, { requestId, template: 'petugas_menuju' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ channel: 'sms', isNew: true });
    // a retried submission sends nothing more
    expect((await reply(operator, reportId, { requestId, template: 'petugas_menuju' })).json().isNew).toBe(
      false,
    );
    const text = await reply(operator, reportId, {
      requestId: randomUUID(),
      text: 'Apakah masih ada yang terluka di lokasi?',
    });
    expect(text.statusCode).toBe(200);
    const before = api.sent.length;
    await drainOutbox({ db: t.db, clock: systemClock, config: t.config });
    expect(api.sent.slice(before)).toEqual([
      { channel: 'sms', to: '+6281230009001', text: REPLY_TEMPLATES.petugas_menuju },
      { channel: 'sms', to: '+6281230009001', text: 'Apakah masih ada yang terluka di lokasi?' },
    ]);
    const audit = await t.db.asSystem((tx) =>
      tx.query<{ details: Record<string, unknown> }>(
        "SELECT details::jsonb AS details FROM audit_log WHERE action = 'channel.replied' ORDER BY seq",
      ),
    );
    expect(audit.map((a) => a.details.template)).toEqual(['petugas_menuju', null]);
    expect(JSON.stringify(audit)).not.toContain('81230009001');
  });

  it('refuses a relawan, hides the report from another kab/kota, and wants a template or a text', async () => {
    expect(
      (await reply(relawan, reportId, { requestId: randomUUID(), template: 'selesai' })).statusCode,
    ).toBe(403);
    expect(
      (await reply(elsewhere, reportId, { requestId: randomUUID(), template: 'selesai' })).statusCode,
    ).toBe(404);
    expect((await reply(operator, reportId, { requestId: randomUUID() })).statusCode).toBe(400);
    expect(
      (await reply(operator, reportId, { requestId: randomUUID(), template: 'selesai', text: 'dua-duanya' }))
        .statusCode,
    ).toBe(400);
  });
});
