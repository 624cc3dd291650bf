import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { people, testAppWith } from '../../../../test/harness.ts';

const { t, operator, relawan, ppdp } = testAppWith({
  ...people('operator', 'relawan', 'ppdp'),
});
let childId: string;

/** Queues a reply as the channels module does, and answers whether it reached the outbox. */
async function queueReply(recipient: string): Promise<boolean> {
  const key = `uji:${randomUUID()}`;
  await t.db.asSystem((tx) =>
    tx.query(
      `INSERT INTO channel_outbox (channel, recipient, body, event_key) VALUES ('whatsapp', $1, 'Terima kasih', $2)`,
      [recipient, key],
    ),
  );
  const rows = await t.db.asSystem((tx) =>
    tx.query('SELECT 1 FROM channel_outbox WHERE event_key = $1', [key]),
  );
  return rows.length === 1;
}

beforeAll(async () => {
  const caseId = (await t.openCase(relawan, operator)).id;
  const child = await t.call(operator, 'POST', `/api/cases/${caseId}/people`, {
    fullName: 'Dimas Saputra',
    age: 9,
    group: 'anak',
    guardianName: 'Sulastri',
    guardianConsent: true,
  });
  expect(child.statusCode).toBe(201);
  childId = child.json().id;
}, 180_000);

describe('consent per person and its withdrawal', () => {
  it("stops every reply and notice to a reporter's phone once they withdraw, and keeps other phones", async () => {
    expect(await queueReply('+6281234567890')).toBe(true);
    const withdrawn = await t.call(ppdp, 'POST', '/api/privacy/consents', {
      purpose: 'kontak_balik',
      phone: '0812-3456-7890',
      action: 'tarik',
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ state: 'ditarik' });
    expect(withdrawn.json().effect).toContain('dihentikan');
    expect(await queueReply('+6281234567890')).toBe(false);
    expect(await queueReply('+6281299998888')).toBe(true);
    const view = await t.call(ppdp, 'GET', '/api/privacy/consents?phone=081234567890');
    expect(view.json().items).toMatchObject([{ purpose: 'kontak_balik', state: 'ditarik' }]);

    await t.call(ppdp, 'POST', '/api/privacy/consents', {
      purpose: 'kontak_balik',
      phone: '081234567890',
      action: 'beri',
    });
    expect(await queueReply('+6281234567890')).toBe(true);
  });

  it("shows a child's guardian consent, and keeps the child's data on another basis while the case is handled", async () => {
    const before = await t.call(ppdp, 'GET', `/api/privacy/consents?subjectId=${childId}`);
    expect(before.json().items).toMatchObject([{ purpose: 'wali_anak', state: 'diberikan' }]);
    const withdrawn = await t.call(ppdp, 'POST', '/api/privacy/consents', {
      purpose: 'wali_anak',
      subjectId: childId,
      action: 'tarik',
    });
    expect(withdrawn.json().state).toBe('ditarik');
    expect(withdrawn.json().effect).toContain('masih ditangani');
    const name = await t.db.asSystem((tx) =>
      tx.query<{ fullName: string }>('SELECT full_name AS "fullName" FROM vulnerable_people WHERE id = $1', [
        childId,
      ]),
    );
    expect(name[0].fullName).toBe('Dimas Saputra');
  });

  it('refuses consent records to everyone outside the privacy office', async () => {
    const res = await t.call(operator, 'POST', '/api/privacy/consents', {
      purpose: 'kontak_balik',
      phone: '081234567890',
      action: 'tarik',
    });
    expect(res.statusCode).toBe(403);
  });
});
