import { describe, expect, it } from 'vitest';
import { reportPayload } from '../../../../test/fixtures.ts';
import { people, type TestUser, testAppWith } from '../../../../test/harness.ts';

describe('POST /api/text/read and the reader in real use', () => {
  const { t, relawan, operator } = testAppWith(
    {
      relawan: { role: 'relawan', region: '35.09' },
      ...people('operator'),
    },
    { clock: { now: () => new Date('2026-08-23T12:00:00+07:00') } },
  );
  const text =
    'bentrok 2 perguruan di ds. Tanggulwetan kec. Tanggul, 3 org luka, ada bocah kena lemparan. msh ada lemparan batu';

  const readAs = (user: TestUser, payload: Record<string, unknown>) =>
    t.call(user, 'POST', '/api/text/read', payload);

  it('answers a relawan with the draft report, the codes and the words that decided', async () => {
    const res = await readAs(relawan, { text });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      kind: 'kejadian',
      conflictType: 'antar_perguruan_silat',
      regionCode: '35.09.06.2002',
      kabkotaCode: '35.09',
      kecamatanCode: '35.09.06',
      desaCode: '35.09.06.2002',
      vulnerableGroups: ['anak'],
      injured: 3,
      dead: null,
      displaced: null,
      urgency: 'segera',
      violenceOngoing: true,
      candidates: [],
    });
    const [start, end] = body.evidence.vulnerableGroups.spans[0];
    expect(text.slice(start, end)).toBe('bocah');
  });

  it('breaks a tie between two kab/kota with the home region sent, and lists both without it', async () => {
    const ambiguous = 'warga kec. Jetis ribut soal tanah warisan';
    const unsure = (await readAs(operator, { text: ambiguous, homeRegion: '35.78' })).json();
    expect(unsure.kabkotaCode).toBeNull();
    expect(unsure.candidates.map((c: { kabkotaCode: string }) => c.kabkotaCode).sort()).toEqual([
      '35.02',
      '35.16',
    ]);
    const home = (await readAs(operator, { text: ambiguous, homeRegion: '35.02' })).json();
    expect(home.kecamatanCode).toBe('35.02.09');
  });

  it('refuses a mitra, a visitor and an empty text', async () => {
    const mitra = await t.partner('polres-jember', 'Polres Jember', '35.09');
    expect((await readAs(mitra, { text })).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/text/read', payload: { text } });
    expect(anonymous.statusCode).toBe(401);
    const empty = await readAs(relawan, { text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('validation_failed');
  });

  it('keeps the suggestion beside what the person filed, once, and measures agreement for the province', async () => {
    const report = reportPayload({
      regionCode: '35.09.06.2002',
      injured: 3,
      vulnerable: { anak: { harmed: 1, displaced: 0, atRisk: 0 } },
    });
    const filed = await t.call(relawan, 'POST', '/api/reports', report);
    expect(filed.statusCode).toBe(201);
    const suggested = {
      kind: 'kejadian',
      conflictType: 'perguruan_silat_vs_warga',
      regionCode: '35.09.06.2002',
      kabkotaCode: '35.09',
      vulnerableGroups: ['anak'],
      injured: 3,
      dead: null,
      displaced: null,
      violenceOngoing: false,
    };
    const send = () => t.call(relawan, 'POST', '/api/text/read/feedback', { reportId: report.id, suggested });
    const first = await send();
    expect(first.statusCode).toBe(200);
    expect(first.json().agreed).not.toContain('conflictType');
    expect(first.json().agreed).toContain('kabkotaCode');
    expect((await send()).statusCode).toBe(200); // a retry keeps one row

    const outsider = await t.user({ role: 'relawan', region: '35.10' });
    const hidden = await t.call(outsider, 'POST', '/api/text/read/feedback', {
      reportId: report.id,
      suggested,
    });
    expect(hidden.statusCode).toBe(404);

    const provinsi = await t.user({ role: 'provinsi', region: '35' });
    const accuracy = await t.call(provinsi, 'GET', '/api/text/read/accuracy?from=2026-08-01&to=2026-08-31');
    expect(accuracy.statusCode).toBe(200);
    const fields = Object.fromEntries(
      accuracy.json().fields.map((f: { field: string; rate: number | null }) => [f.field, f.rate]),
    );
    expect(accuracy.json().reports).toBe(1);
    expect(fields).toMatchObject({ kabkotaCode: 1, conflictType: 0, injured: 1, vulnerableGroups: 1 });
    const refused = await t.call(operator, 'GET', '/api/text/read/accuracy');
    expect(refused.statusCode).toBe(403);
  });
});
