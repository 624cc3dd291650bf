// The breach clock on the one escalation ladder, with a fake clock: the officer is reminded when the 3 × 24 hours
// near their end, and a breach still without both notices after 72 hours goes to the province and the admin — once.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { people, testAppWith } from '../../../../test/harness.ts';
import { fakeClock } from '../../platform/clock.ts';
import { runEscalation } from '../escalation/escalation-service.ts';

const clock = fakeClock(new Date('2026-03-02T01:00:00Z'));
const { t, ...users } = testAppWith(
  {
    ...people('ppdp', 'admin', 'provinsi'),
    koordinator: { role: 'koordinator', region: '35' },
    ...people('operator'),
  },
  { clock },
);

const post = (url: string, payload?: Record<string, unknown>) => t.call(users.ppdp, 'POST', url, payload);

/** The titles in a user's inbox about breaches. */
async function breachNotices(role: keyof typeof users): Promise<string[]> {
  const res = await t.call(users[role], 'GET', '/api/notifications');
  expect(res.statusCode).toBe(200);
  return (res.json().items as { subjectType: string; title: string }[])
    .filter((item) => item.subjectType === 'privacy_breach')
    .map((item) => item.title);
}

const breaches = async () => (await runEscalation(t.db, clock)).breaches;

describe('the breach clock', () => {
  it('reminds the officer near the deadline and escalates after 72 hours, once each', async () => {
    const id = randomUUID();
    const notified = randomUUID();
    for (const breachId of [id, notified]) {
      const created = await post('/api/privacy/breaches', {
        id: breachId,
        title: 'Daftar penerima bantuan terkirim ke grup yang salah',
        description: 'Berkas daftar orang rentan terkirim ke grup WhatsApp warga.',
        discoveredAt: clock.now().toISOString(),
        categories: ['umum', 'anak'],
        subjectsEstimate: 25,
      });
      expect(created.statusCode).toBe(201);
    }
    // The second breach's notices go out in time: it is neither reminded nor escalated.
    await post(`/api/privacy/breaches/${notified}/notices`, { to: 'subjek' });
    await post(`/api/privacy/breaches/${notified}/notices`, { to: 'lembaga' });

    clock.advanceMinutes(47 * 60);
    expect(await breaches()).toBe(0);
    expect(await breachNotices('ppdp')).toEqual([]);

    clock.advanceMinutes(2 * 60); // 23 hours left
    expect(await breaches()).toBe(1);
    expect(await breaches()).toBe(0);
    expect(await breachNotices('ppdp')).toEqual([
      expect.stringMatching(/^Batas 3 × 24 jam insiden kebocoran data: 5 Maret 2026/),
    ]);
    expect(await breachNotices('admin')).toEqual([]);

    clock.advanceMinutes(24 * 60); // 73 hours after discovery
    expect(await breaches()).toBe(1);
    expect(await breaches()).toBe(0);
    for (const role of ['provinsi', 'admin', 'ppdp'] as const) {
      expect((await breachNotices(role)).filter((title) => title.startsWith('Eskalasi'))).toHaveLength(1);
    }
    expect(await breachNotices('koordinator')).toEqual([]);
    expect(await breachNotices('operator')).toEqual([]);

    const list = await t.call(users.ppdp, 'GET', '/api/privacy/breaches');
    const byId = new Map(list.json().items.map((b: { id: string }) => [b.id, b]));
    expect(byId.get(id)).toMatchObject({
      clock: { state: 'lewat' },
      remindedAt: '2026-03-04T09:00:00+07:00',
      escalatedAt: '2026-03-05T09:00:00+07:00',
    });
    expect(byId.get(notified)).toMatchObject({
      clock: { state: 'selesai' },
      remindedAt: null,
      escalatedAt: null,
    });

    // Closing still needs both notices, late or not.
    expect((await post(`/api/privacy/breaches/${id}/close`)).statusCode).toBe(409);
  });
});
