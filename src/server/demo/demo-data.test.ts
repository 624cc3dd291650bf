import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA, triage } from '../../shared/reports/triage.ts';
import {
  createRandom,
  DEMO_KABKOTA,
  type DemoRegions,
  findIslamicDay,
  generateDemoData,
  refuseDemoPassword,
} from './demo-data.ts';

/** A small stand-in for the regions table: four kecamatan of four desa in each kab/kota of Bakorwil V. */
function fakeRegions(): DemoRegions {
  const kecamatanNames = ['Tanggul', 'Kencong', 'Silo', 'Sukowono'];
  const regions: {
    kabkota: DemoRegions['kabkota'][number][];
    kecamatan: DemoRegions['kecamatan'][number][];
    desa: DemoRegions['desa'][number][];
  } = {
    kabkota: [],
    kecamatan: [],
    desa: [],
  };
  for (const kab of DEMO_KABKOTA) {
    const isKota = kab === '35.74';
    regions.kabkota.push({ code: kab, name: isKota ? 'Kota Probolinggo' : `Kabupaten ${kab}` });
    kecamatanNames.forEach((name, k) => {
      const kec = `${kab}.0${k + 1}`;
      regions.kecamatan.push({ code: kec, name, parentCode: kab });
      for (let d = 1; d <= 4; d++) {
        regions.desa.push({ code: `${kec}.${isKota ? 1 : 2}00${d}`, name: `${name} ${d}`, parentCode: kec });
      }
    });
  }
  return regions;
}

const NOW = new Date('2026-11-28T03:00:00Z');
const options = { scale: 1, seed: 'uji', now: NOW, sla: DEFAULT_SLA };

describe('the demo data generator', () => {
  const plan = generateDemoData(fakeRegions(), options);

  it('is reproducible: the same seed gives the same data, another seed other data', () => {
    expect(generateDemoData(fakeRegions(), options)).toEqual(plan);
    const other = generateDemoData(fakeRegions(), { ...options, seed: 'lain' });
    expect(other.reports[0].id).not.toBe(plan.reports[0].id);
    expect(createRandom('a')()).toBe(createRandom('a')());
  });

  it('makes about 600 reports at scale 1 and ten times fewer at 0.1', () => {
    expect(plan.reports.length).toBeGreaterThan(500);
    expect(plan.reports.length).toBeLessThan(700);
    const small = generateDemoData(fakeRegions(), { ...options, scale: 0.1 });
    expect(small.reports.length).toBeGreaterThan(40);
    expect(small.reports.length).toBeLessThan(90);
    expect(() => generateDemoData(fakeRegions(), { ...options, scale: 0 })).toThrow(/scale/);
  });

  it('finds 1 Suro and Lebaran with the Umm al-Qura calendar within the past year', () => {
    expect(findIslamicDay(NOW, 1, 1).toISOString()).toBe('2026-06-15T17:00:00.000Z'); // 1 Muharram 1448, WIB
    expect(plan.seasons).toMatchObject({ suro: '2026-06-16', lebaran: '2026-03-20' });
  });

  it('puts the convoys and clashes of perguruan silat around 1 Suro', () => {
    const suro = new Date('2026-06-16T00:00:00+07:00').getTime();
    const silat = plan.reports.filter((r) => r.fields.conflictType === 'antar_perguruan_silat');
    const nearSuro = silat.filter(
      (r) => Math.abs(new Date(r.fields.occurredAt).getTime() - suro) < 25 * 86_400_000,
    );
    expect(nearSuro.length / silat.length).toBeGreaterThan(0.5);
    expect(nearSuro.some((r) => r.fields.description.includes('Suro'))).toBe(true);
  });

  it('triages every report with the shared rule and keeps duplicates after their original', () => {
    for (const report of plan.reports) {
      expect(triage(report.fields).priority).toBe(report.priority);
      expect(report.fields.description.length).toBeGreaterThanOrEqual(10);
    }
    const position = new Map(plan.reports.map((r, i) => [r.id, i]));
    for (const report of plan.reports.filter((r) => r.duplicateOf)) {
      expect(position.get(report.duplicateOf!)!).toBeLessThan(position.get(report.id)!);
    }
  });

  it('puts carok only in Madura-speaking areas', () => {
    const carok = plan.reports.filter((r) => r.fields.description.toLowerCase().includes('carok'));
    expect(carok.length).toBeGreaterThan(0);
    // Bondowoso, Situbondo and both Probolinggo entirely; in Jember only its Madura-speaking kecamatan
    // (here Sukowono, 35.09.04); Lumajang and Banyuwangi have none of theirs in this stand-in.
    for (const report of carok) {
      const isMadura =
        ['35.11', '35.12', '35.13', '35.74'].includes(report.kabkotaCode) ||
        report.kecamatanCode === '35.09.04';
      expect(isMadura, report.fields.regionCode).toBe(true);
    }
  });

  it('refuses weak demo passwords and takes the default', () => {
    for (const weak of ['pendek1', 'password123', '1234567890', 'abcdefghijk', 'sigap12345', 'aaaaaaaaaa1']) {
      expect(refuseDemoPassword(weak), weak).toBeDefined();
    }
    expect(refuseDemoPassword('sigap-demo-2026')).toBeUndefined();
  });
});
