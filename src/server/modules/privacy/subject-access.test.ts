import { beforeAll, describe, expect, it } from 'vitest';
import { people, testAppWith } from '../../../../test/harness.ts';

const { t, operator, relawan, ppdp } = testAppWith({
  ...people('operator', 'relawan', 'ppdp'),
});
let caseId: string;
let personId: string;

beforeAll(async () => {
  const description = 'Warga bernama Sumarni Wati terjebak di rumahnya saat bentrokan.';
  caseId = (await t.openCase(relawan, operator, { description })).id;
  const person = await t.call(operator, 'POST', `/api/cases/${caseId}/people`, {
    fullName: 'Sumarni Wati',
    nik: '3509015204500001',
    age: 76,
    group: 'disabilitas',
    needs: ['kursi roda'],
  });
  expect(person.statusCode).toBe(201);
  personId = person.json().id;
});

type Found = { table: string; id: string; fields: { column: string; value: string | null }[] };

describe('subject access by the data protection officer', () => {
  it('finds the person by NIK with the NIK opened, and logs every record read', async () => {
    const res = await t.call(ppdp, 'GET', '/api/privacy/subjects?nik=3509015204500001');
    expect(res.statusCode).toBe(200);
    const records: Found[] = res.json().records;
    expect(records.map((r) => [r.table, r.id])).toEqual([['vulnerable_people', personId]]);
    const fields = Object.fromEntries(records[0].fields.map((f) => [f.column, f.value]));
    expect(fields).toMatchObject({ full_name: 'Sumarni Wati', nik_encrypted: '3509015204500001', age: '76' });
    const log = await t.accessLog({ userId: ppdp.id, purpose: 'privacy.subject_access' });
    expect(log.map(({ subjectType, subjectId }) => ({ subjectType, subjectId }))).toEqual([
      { subjectType: 'vulnerable_person', subjectId: personId },
    ]);
  });

  it('finds the person by name and birth year in the case and in the report that names them', async () => {
    const res = await t.call(ppdp, 'GET', '/api/privacy/subjects?name=sumarni%20wati&birthYear=1950');
    const tables = (res.json().records as Found[]).map((r) => r.table).sort();
    expect(tables).toEqual(['reports', 'vulnerable_people']);
    const wrongYear = await t.call(ppdp, 'GET', '/api/privacy/subjects?name=Sumarni%20Wati&birthYear=1990');
    expect((wrongYear.json().records as Found[]).map((r) => r.table)).toEqual(['reports']);
  });

  it('refuses a search with nothing to search by, and refuses other roles', async () => {
    expect((await t.call(ppdp, 'GET', '/api/privacy/subjects')).statusCode).toBe(400);
    expect((await t.call(operator, 'GET', '/api/privacy/subjects?nik=3509015204500001')).statusCode).toBe(
      403,
    );
  });

  it('gives the ppdp no way to the person through the case pages', async () => {
    const res = await t.call(ppdp, 'GET', `/api/cases/${caseId}/people/${personId}`);
    expect([403, 404]).toContain(res.statusCode);
  });
});
