import { describe, expect, it } from 'vitest';
import { TEST_DATA_KEY } from '../../../../test/db-template.ts';
import { people, testAppWith } from '../../../../test/harness.ts';
import { createDataCipher } from '../../platform/crypto.ts';
import { sealPlainNiks } from './people-service.ts';

/** A child's NIK is stored as pillars' NIKs are: sealed with the data key, with a keyed hash for matching. */
describe('NIKs of vulnerable people at rest', () => {
  const { t, operator, otherOperator, relawan } = testAppWith(
    {
      ...people('operator'),
      otherOperator: { role: 'operator', region: '35.10' },
      ...people('relawan'),
    },
    { env: { SIGAP_DATA_KEY: TEST_DATA_KEY } },
  );
  const cipher = createDataCipher(Buffer.from(TEST_DATA_KEY, 'base64'));
  const childNik = '3509014507150003';

  const openCase = async () => (await t.openCase(relawan, operator)).id;

  const child = {
    fullName: 'Dewi Lestari Wulandari',
    nik: childNik,
    age: 8,
    group: 'anak',
    needs: ['pendampingan psikososial'],
    guardianName: 'Siti Aminah',
    guardianConsent: true,
  };

  it('stores no NIK in plain text, yet shows it to the handler and the hash finds the child', async () => {
    const caseId = await openCase();
    const res = await t.call(operator, 'POST', `/api/cases/${caseId}/people`, child);
    expect(res.statusCode).toBe(201);
    const personId = res.json().id;

    const [row] = await t.db.systemQuery<{ nik: string | null; sealed: Buffer; hash: string }>(
      'SELECT nik, nik_encrypted AS sealed, nik_hash AS hash FROM vulnerable_people WHERE id = $1',
      [personId],
    );
    expect(row.nik).toBeNull();
    expect(row.sealed.toString('latin1')).not.toContain(childNik);
    expect(cipher.decrypt(row.sealed)).toBe(childNik);
    const [found] = await t.db.systemQuery<{ id: string }>(
      'SELECT id FROM vulnerable_people WHERE nik_hash = $1',
      [cipher.keyedHash(childNik)],
    );
    expect(found.id).toBe(personId);

    const seen = await t.call(operator, 'GET', `/api/cases/${caseId}/people/${personId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().nik).toBe(childNik);
    // one who may not see the case gets no answer at all
    expect((await t.call(otherOperator, 'GET', `/api/cases/${caseId}/people/${personId}`)).statusCode).toBe(
      404,
    );
  });

  it('refuses a plain NIK written straight into the table', async () => {
    const caseId = await openCase();
    await expect(
      t.db.asSystem((tx) =>
        tx.query(
          `INSERT INTO vulnerable_people (case_id, full_name, nik, vulnerable_group, guardian_consent, created_by)
           VALUES ($1, 'Budi', '3509010101150001', 'anak', true, $2)`,
          [caseId, operator.id],
        ),
      ),
    ).rejects.toThrow(/vulnerable_people_nik_sealed/);
  });

  it('seals, at start, a NIK written in plain text before NIKs were encrypted', async () => {
    const caseId = await openCase();
    const oldNik = '3509016608140002';
    // a row as the previous version wrote it (the constraint refuses such rows from now on)
    const [{ id }] = await t.db.asSystem(async (tx) => {
      await tx.query('ALTER TABLE vulnerable_people DROP CONSTRAINT vulnerable_people_nik_sealed');
      const rows = await tx.query<{ id: string }>(
        `INSERT INTO vulnerable_people (case_id, full_name, nik, vulnerable_group, guardian_consent, created_by)
         VALUES ($1, 'Rina', $2, 'anak', true, $3) RETURNING id`,
        [caseId, oldNik, operator.id],
      );
      await tx.query(
        'ALTER TABLE vulnerable_people ADD CONSTRAINT vulnerable_people_nik_sealed CHECK (nik IS NULL) NOT VALID',
      );
      return rows;
    });

    expect(await sealPlainNiks(t.db, cipher)).toBe(1);
    expect(await sealPlainNiks(t.db, cipher)).toBe(0);
    const [row] = await t.db.systemQuery<{ nik: string | null; hash: string }>(
      'SELECT nik, nik_hash AS hash FROM vulnerable_people WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ nik: null, hash: cipher.keyedHash(oldNik) });
    const seen = await t.call(operator, 'GET', `/api/cases/${caseId}/people/${id}`);
    expect(seen.json().nik).toBe(oldNik);
  });
});
