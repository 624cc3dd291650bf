import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { people, testAppWith } from '../../../../test/harness.ts';
import { breachClock } from '../../../shared/privacy/breach-rules.ts';
import { fakeClock } from '../../platform/clock.ts';

const start = new Date('2026-03-02T01:00:00Z');
const clock = fakeClock(start);
const { t, ppdp } = testAppWith(
  {
    ...people('ppdp'),
  },
  { clock },
);

const post = (url: string, payload?: Record<string, unknown>) => t.call(ppdp, 'POST', url, payload);

describe('the breach register', () => {
  it('runs a 3 × 24 hour clock from discovery, nearing and then past the deadline', async () => {
    const id = randomUUID();
    const breach = {
      id,
      title: 'Laptop operator hilang',
      description: 'Laptop berisi unduhan daftar orang rentan hilang di perjalanan.',
      discoveredAt: '2026-03-02T08:00:00+07:00',
      categories: ['anak', 'disabilitas'],
      subjectsEstimate: 40,
      measures: 'Sesi akun operator diakhiri dan kata sandi diganti.',
    };
    const created = await post('/api/privacy/breaches', breach);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      dueAt: '2026-03-05T08:00:00+07:00',
      clock: { state: 'berjalan', hoursLeft: 72 },
    });
    expect(created.json().notices.authority).toMatch(/Pasal 46 UU 27\/2022/);
    expect(created.json().notices.subjects).toMatch(/data anak \(data spesifik\)/);
    // A retried submission is the same breach.
    expect((await post('/api/privacy/breaches', breach)).statusCode).toBe(201);

    clock.advanceMinutes(50 * 60);
    const list = await t.call(ppdp, 'GET', '/api/privacy/breaches');
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0].clock).toEqual({ state: 'mendekati', hoursLeft: 22 });

    clock.advanceMinutes(23 * 60);
    const late = await t.call(ppdp, 'GET', '/api/privacy/breaches');
    expect(late.json().items[0].clock.state).toBe('lewat');
  });

  it('closes a breach only once both notices are recorded', async () => {
    const id = randomUUID();
    await post('/api/privacy/breaches', {
      id,
      title: 'Akun dibobol',
      description: 'Satu akun operator dipakai dari alamat asing.',
      discoveredAt: clock.now().toISOString(),
      categories: ['umum'],
      subjectsEstimate: 3,
    });
    const early = await post(`/api/privacy/breaches/${id}/close`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/pemberitahuan/);
    await post(`/api/privacy/breaches/${id}/notices`, { to: 'subjek' });
    const both = await post(`/api/privacy/breaches/${id}/notices`, { to: 'lembaga' });
    expect(both.json().clock.state).toBe('selesai');
    const closed = await post(`/api/privacy/breaches/${id}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().closedAt).not.toBeNull();
  });

  it('counts a breach whose notices are done as done, whatever the hour', () => {
    const dueAt = new Date('2026-03-05T01:00:00Z');
    const after = new Date('2026-03-06T01:00:00Z');
    expect(breachClock({ dueAt, subjectNoticeAt: null, authorityNoticeAt: null }, after).state).toBe('lewat');
    expect(breachClock({ dueAt, subjectNoticeAt: after, authorityNoticeAt: after }, after).state).toBe(
      'selesai',
    );
  });
});
