// Anomaly signals on hand-made logs: one account reading many people's records, many accounts failing to sign in
// from one address, an export of personal data at night (WIB) — each opens one suspected breach for the officer,
// and a second check in the same window opens none.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, people, type TestUser, testAppWith } from '../../../../test/harness.ts';
import { isNightWib } from '../../../shared/privacy/retention-rules.ts';
import { appendAudit } from '../../platform/audit.ts';
import { fakeClock } from '../../platform/clock.ts';
import { runAnomalyChecks } from './anomaly-service.ts';

// 00:00 WIB on 11 March 2026.
const clock = fakeClock(new Date('2026-03-10T17:00:00Z'));
const { t, ppdp, reader, quietReader } = testAppWith(
  {
    ...people('ppdp'),
    reader: PEOPLE.operator,
    quietReader: PEOPLE.operator,
  },
  { clock },
);

const minutesAgo = (m: number) => new Date(clock.now().getTime() - m * 60_000);

async function reads(user: TestUser, count: number, at: Date) {
  await t.db.asSystem(async (tx) => {
    for (let i = 0; i < count; i++) {
      await tx.query(
        `INSERT INTO access_log (user_id, subject_type, subject_id, purpose, at) VALUES ($1, 'vulnerable_person', $2, 'case.people', $3)`,
        [user.id, randomUUID(), at],
      );
    }
  });
}

async function failedSignIns(source: string, accounts: number, at: Date) {
  await t.db.asSystem(async (tx) => {
    for (let i = 0; i < accounts; i++) {
      await tx.query(
        `INSERT INTO auth_failures (purpose, username_key, source, failures, last_failure_at) VALUES ('login', $1, $2, 2, $3)`,
        [`akun${i}-${source}`, source, at],
      );
    }
  });
}

/** An export as the exports module audits it, moved to `at` (the audit stamps its own clock). */
async function exported(personal: boolean, at: Date) {
  const id = randomUUID();
  await t.db.asSystem(async (tx) =>
    appendAudit(
      tx,
      { id: reader.id, label: 'operator' },
      'export.create',
      { type: 'export', id },
      {
        kind: 'cases',
        format: 'csv',
        rows: 40,
        personal,
        complete: true,
      },
    ),
  );
  await t.db.systemQuery('UPDATE audit_log SET at = $2 WHERE subject_id = $1', [id, at]);
}

beforeAll(async () => {
  const settings = await t.call(ppdp, 'GET', '/api/settings/privacy');
  const saved = await t.call(ppdp, 'PUT', '/api/settings/privacy', {
    ...(settings.json() as object),
    readsThreshold: 5,
    failedAccountsThreshold: 3,
    failedWindowMinutes: 30,
  });
  expect(saved.statusCode).toBe(200);
});

describe('anomaly signals', () => {
  it('tells night from day in WIB, across midnight', () => {
    expect(isNightWib(new Date('2026-03-10T16:30:00Z'), 22, 5)).toBe(true); // 23.30 WIB
    expect(isNightWib(new Date('2026-03-10T21:59:00Z'), 22, 5)).toBe(true); // 04.59 WIB
    expect(isNightWib(new Date('2026-03-10T22:00:00Z'), 22, 5)).toBe(false); // 05.00 WIB
    expect(isNightWib(new Date('2026-03-10T14:59:00Z'), 22, 5)).toBe(false); // 21.59 WIB
  });

  it('opens one suspected breach per signal and window, for the officer', async () => {
    await reads(reader, 6, minutesAgo(10));
    await reads(quietReader, 4, minutesAgo(10));
    await reads(quietReader, 6, minutesAgo(120)); // long before the window
    await failedSignIns('203.0.113.9', 3, minutesAgo(5));
    await failedSignIns('198.51.100.7', 2, minutesAgo(5));
    await failedSignIns('203.0.113.50', 4, minutesAgo(45)); // before the 30-minute window
    await failedSignIns('device:4f9a', 5, minutesAgo(5)); // a known device, not an address
    await exported(true, minutesAgo(5)); // 23.55 WIB
    await exported(false, minutesAgo(4));

    expect(await runAnomalyChecks(t.db, clock)).toEqual({ baca_massal: 1, gagal_masuk: 1, ekspor_malam: 1 });
    clock.advanceMinutes(10);
    expect(await runAnomalyChecks(t.db, clock)).toEqual({ baca_massal: 0, gagal_masuk: 0, ekspor_malam: 0 });

    const list = await t.call(ppdp, 'GET', '/api/privacy/breaches');
    const items = list.json().items as {
      title: string;
      description: string;
      signal: string;
      dueAt: string;
    }[];
    expect(items.map((b) => b.signal).sort()).toEqual([
      'Banyak akun gagal masuk dari satu alamat jaringan',
      'Ekspor data pribadi pada malam hari (WIB)',
      'Satu akun membaca data banyak orang dalam waktu singkat',
    ]);
    expect(items.every((b) => b.dueAt === '2026-03-14T00:00:00+07:00')).toBe(true);
    expect(items.find((b) => b.signal.startsWith('Satu akun'))?.description).toContain(reader.id);
    expect(JSON.stringify(items)).not.toContain('203.0.113.9');

    const inbox = await t.call(ppdp, 'GET', '/api/notifications');
    const titles = (inbox.json().items as { title: string }[]).map((n) => n.title);
    expect(titles.filter((title) => title.startsWith('Dugaan kebocoran data'))).toHaveLength(3);
    const readerInbox = await t.call(reader, 'GET', '/api/notifications');
    expect(JSON.stringify(readerInbox.json())).not.toContain('Dugaan kebocoran');
  });

  it('opens another once the window has passed and the signal is seen again', async () => {
    clock.advanceMinutes(60);
    await reads(reader, 5, minutesAgo(1));
    expect((await runAnomalyChecks(t.db, clock)).baca_massal).toBe(1);
  });

  it('lets the officer dismiss a suspected breach with a reason, but not a breach recorded by hand', async () => {
    const post = (url: string, payload?: Record<string, unknown>) => t.call(ppdp, 'POST', url, payload);
    const list = await t.call(ppdp, 'GET', '/api/privacy/breaches');
    const suspected = (list.json().items as { id: string; signal: string | null }[]).find((b) => b.signal);
    const reason = 'Operator sedang memeriksa ulang data bantuan atas perintah kepala bidang.';
    expect((await post(`/api/privacy/breaches/${suspected?.id}/dismiss`, { reason: 'x' })).statusCode).toBe(
      400,
    );
    const dismissed = await post(`/api/privacy/breaches/${suspected?.id}/dismiss`, { reason });
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.json()).toMatchObject({ dismissedReason: reason, closedAt: expect.any(String) });

    const manual = randomUUID();
    await post('/api/privacy/breaches', {
      id: manual,
      title: 'Map berkas tertinggal',
      description: 'Map berisi daftar penerima bantuan tertinggal di angkutan umum.',
      discoveredAt: clock.now().toISOString(),
      categories: ['umum'],
      subjectsEstimate: 12,
    });
    const refused = await post(`/api/privacy/breaches/${manual}/dismiss`, { reason });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/pemberitahuan/);
  });
});
