import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { levelOfCode, type RegionLevel } from '../../../shared/regions.ts';

export type RegionRow = { code: string; name: string; level: RegionLevel; parentCode: string | null };

/** Default Bakorwil of Jawa Timur (PRODUCT.md; the 2016 plan). Data, editable by the admin after start. */
export const DEFAULT_BAKORWIL: ReadonlyArray<{ id: string; name: string; seat: string; members: string[] }> =
  [
    {
      id: 'I',
      name: 'Bakorwil I Madiun',
      seat: 'Madiun',
      members: [
        '35.01',
        '35.02',
        '35.03',
        '35.04',
        '35.05',
        '35.18',
        '35.19',
        '35.20',
        '35.21',
        '35.72',
        '35.77',
      ],
    },
    {
      id: 'II',
      name: 'Bakorwil II Bojonegoro',
      seat: 'Bojonegoro',
      members: ['35.06', '35.16', '35.17', '35.22', '35.23', '35.24', '35.25', '35.71', '35.76'],
    },
    {
      id: 'III',
      name: 'Bakorwil III Malang',
      seat: 'Malang',
      members: ['35.07', '35.14', '35.15', '35.73', '35.75', '35.78', '35.79'],
    },
    {
      id: 'IV',
      name: 'Bakorwil IV Pamekasan',
      seat: 'Pamekasan',
      members: ['35.26', '35.27', '35.28', '35.29'],
    },
    {
      id: 'V',
      name: 'Bakorwil V Jember',
      seat: 'Jember',
      members: ['35.08', '35.09', '35.10', '35.11', '35.12', '35.13', '35.74'],
    },
  ];

const require = createRequire(import.meta.url);

function csvRows(file: string): string[][] {
  const dataDir = path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');
  return readFileSync(path.join(dataDir, file), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.startsWith('35'))
    .map((line) => line.split(','));
}

/** "KABUPATEN JEMBER" → "Kabupaten Jember". */
function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[\s(-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** The regions of Jawa Timur from idn-area-data (ODbL), parents before children. */
export function readJatimRegions(): RegionRow[] {
  const rows: RegionRow[] = [];
  for (const [code, name] of csvRows('provinces.csv')) {
    rows.push({ code, name: titleCase(name), level: 'provinsi', parentCode: null });
  }
  for (const [code, parent, name] of csvRows('regencies.csv')) {
    rows.push({ code, name: titleCase(name), level: 'kabkota', parentCode: parent });
  }
  for (const file of ['districts.csv', 'villages.csv']) {
    for (const [code, parent, name] of csvRows(file)) {
      // the data writes an apostrophe as a double quote: Soka"an
      rows.push({ code, name: name.replaceAll('"', "'"), level: levelOfCode(code), parentCode: parent });
    }
  }
  return rows;
}
