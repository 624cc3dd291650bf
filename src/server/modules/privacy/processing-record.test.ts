import { describe, expect, it } from 'vitest';
import { people, testAppWith } from '../../../../test/harness.ts';
import { DATA_MAP } from '../../../shared/privacy/data-map.ts';

const { t, ppdp } = testAppWith({
  ...people('ppdp'),
});

describe('the record of processing activities', () => {
  it('answers every declared column once, grouped by activity, in Indonesian by default', async () => {
    const res = await t.call(ppdp, 'GET', '/api/privacy/processing-record');
    expect(res.statusCode).toBe(200);
    const record = res.json();
    expect(record.lang).toBe('id');
    expect(record.controller).toMatch(/Dinas Sosial Provinsi Jawa Timur/);
    const columns = record.activities.flatMap((a: { columns: { table: string; column: string }[] }) =>
      a.columns.map((c) => `${c.table}.${c.column}`),
    );
    expect(columns.sort()).toEqual(DATA_MAP.map((e) => `${e.table}.${e.column}`).sort());
    const cases = record.activities.find((a: { id: string }) => a.id === 'penanganan_kasus');
    expect(cases.hasSpecificData).toBe(true);
    expect(cases.retention).toContain('Dianonimkan 5 tahun setelah kasus ditutup');
    expect(cases.bases.join(' ')).toMatch(/kepentingan vital/i);
  });

  it('gives the PDF as a file in Indonesian', async () => {
    const res = await t.call(ppdp, 'GET', '/api/privacy/processing-record?format=pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /catatan-pemrosesan-data-pribadi-\d{4}-\d{2}-\d{2}\.pdf/,
    );
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(3000);
  });

  it('makes a ppdp only for the whole province, and gives them no region to read other modules through', async () => {
    await expect(t.user({ role: 'ppdp', region: '35.09' })).rejects.toThrow(/berlingkup 35/);
    const cases = await t.call(ppdp, 'GET', '/api/cases');
    expect([200, 403]).toContain(cases.statusCode);
    if (cases.statusCode === 200) expect(cases.json().items).toEqual([]);
    const me = await t.call(ppdp, 'GET', '/api/me');
    expect(me.json()).toMatchObject({ role: 'ppdp', scope: { kind: 'region', code: '35' } });
  });
});
