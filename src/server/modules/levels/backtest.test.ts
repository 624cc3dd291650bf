import { beforeAll, describe, expect, it } from 'vitest';
import { seedReports } from '../../../../test/early-warning-helpers.ts';
import { testAppWith } from '../../../../test/harness.ts';
import { parseCommandLine } from '../../../cli/cli-args.ts';
import { backtestCommand } from '../../../cli/cli-early-warning.ts';
import { formatBacktest, runBacktest } from './backtest.ts';

const at = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+07:00`);

describe('the backtest', () => {
  const { t, relawan } = testAppWith({ relawan: { role: 'relawan', region: '35.09.06.2002' } });

  beforeAll(async () => {
    // Tanggul: quiet, then three signals on 1–3 March and an incident on 6 March.
    await seedReports(t.db, {
      regionCode: '35.09.06.2002',
      reporterId: relawan.id,
      count: 3,
      from: at('2026-03-01'),
      to: at('2026-03-03'),
    });
    await seedReports(t.db, {
      regionCode: '35.09.06.2002',
      reporterId: relawan.id,
      count: 1,
      kind: 'kejadian',
      status: 'terverifikasi',
      from: at('2026-03-06'),
      to: at('2026-03-06'),
    });
    // Kencong: an incident out of the blue on 20 March.
    await seedReports(t.db, {
      regionCode: '35.09.02.2001',
      reporterId: relawan.id,
      count: 1,
      kind: 'kejadian',
      from: at('2026-03-20'),
      to: at('2026-03-20'),
    });
  });

  it('counts, per level, the kecamatan-days followed by an incident, and the incidents with no prior rise', async () => {
    const result = await runBacktest(t.db, { from: '2026-02-01', to: '2026-03-31' });
    expect(result.kecamatan).toBe(666);
    expect(result.reports).toBe(5);
    const waspada = result.rows.find((r) => r.level === 'waspada')!;
    expect(waspada.regionDays).toBeGreaterThan(0);
    expect(waspada.followed).toBeGreaterThan(0);
    expect(result.rows.reduce((sum, r) => sum + r.regionDays, 0)).toBe(666 * 59);
    // Tanggul's incident came after a rise; Kencong's did not.
    expect(result).toMatchObject({ incidents: 2, incidentsWithoutRise: 1 });
    const text = formatBacktest(result).join('\n');
    expect(text).toContain('Pada data demo, angka hanya menunjukkan pola yang dimasukkan');
  });

  it('runs from the command line over the reports the database holds', async () => {
    const invocation = parseCommandLine([
      'early-warning',
      'backtest',
      '--from',
      '2026-02-01',
      '--to',
      '2026-03-31',
    ]);
    expect(invocation).toEqual({
      kind: 'command',
      command: 'early-warning backtest',
      args: { from: '2026-02-01', to: '2026-03-31' },
    });
    expect(() => parseCommandLine(['early-warning', 'backtest', '--from', '1 Maret'])).toThrow(/--from/);
    const out: string[] = [];
    const code = await backtestCommand(
      t.db,
      { from: '2026-02-01', to: '2026-03-31' },
      {
        out: (line) => out.push(line),
        err: () => undefined,
      },
    );
    expect(code).toBe(0);
    expect(out[0]).toBe('Uji balik peringatan dini / early-warning backtest: 2026-02-01 … 2026-03-31');
  });
});
