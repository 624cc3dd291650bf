/**
 * Writes test/fixtures/history-sample.csv: 200 invented past incidents in Jawa Timur, 2019–2024, as a Dinsos or
 * Kesbangpol list would hold them, in the format the history import reads (docs/HISTORY-IMPORT.md): dates
 * written three ways, places by kecamatan and kab/kota name or by region code, the source's own words for the
 * type of conflict, counts of injured, dead and displaced, the groups and the source. The kecamatan and kab/kota
 * (codes and names) are real, from the boundaries the package ships (assets/geo); the incidents are not.
 * Run: npx node scripts/make-history-sample.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
type Feature = { properties: { code: string; name: string; kabkota_code?: string } };
const read = (file: string) =>
  (
    JSON.parse(readFileSync(path.join(root, 'assets/geo', file), 'utf8')) as { features: Feature[] }
  ).features.map((f) => f.properties);
const kabkota = new Map(read('jatim-kabkota.geojson').map((k) => [k.code, k.name]));
const kecamatan = read('jatim-kecamatan.geojson');

/** A small fixed-seed generator: the file comes out the same on every run. */
let seed = 20_240_117;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** The source's vocabulary for each kind of incident, with a description and the groups it names. */
const KINDS = [
  {
    words: ['Bentrok PSHT', 'Bentrok perguruan silat', 'Konvoi silat ricuh'],
    what: 'Bentrok antaranggota perguruan silat selepas konvoi',
    groups: 'PSHT; PSH Winongo',
  },
  {
    words: ['Pengeroyokan oleh oknum perguruan', 'Silat vs warga'],
    what: 'Warga dikeroyok rombongan perguruan silat yang melintas',
    groups: 'Oknum perguruan silat; warga',
  },
  {
    words: ['Tawuran suporter', 'Bonek vs Aremania'],
    what: 'Tawuran suporter sepak bola di jalan menuju stadion',
    groups: 'Bonek; Aremania',
  },
  {
    words: ['Sengketa tanah', 'Konflik lahan'],
    what: 'Warga berselisih dengan perusahaan soal batas lahan garapan',
    groups: 'Petani penggarap; perusahaan perkebunan',
  },
  {
    words: ['Ricuh pilkades', 'Konflik pemilu'],
    what: 'Pendukung calon kepala desa saling lempar setelah penghitungan suara',
    groups: 'Pendukung calon 1; pendukung calon 2',
  },
  {
    words: ['Carok', 'Perkelahian antarwarga'],
    what: 'Perkelahian dua keluarga karena utang dan harga diri',
    groups: 'Dua keluarga',
  },
  {
    words: ['Konflik batas desa'],
    what: 'Warga dua desa bersitegang soal tapal batas dan sumber air',
    groups: 'Warga dua desa',
  },
  {
    words: ['Penolakan rumah ibadah'],
    what: 'Sekelompok warga menolak renovasi rumah ibadah',
    groups: 'Warga; jemaat',
  },
] as const;
const SOURCES = [
  'Radar Jember',
  'Jawa Pos',
  'Polres setempat',
  'Bakesbangpol',
  'Dinsos kab/kota',
  'Laporan TKSK',
];
const pad = (n: number) => String(n).padStart(2, '0');

const rows: string[][] = [];
for (let i = 0; i < 200; i++) {
  const kec = pick(kecamatan);
  const kab = kabkota.get(kec.kabkota_code ?? kec.code.slice(0, 5)) ?? '';
  const kind = pick(KINDS);
  const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(random() * 6 * 365) * 86_400_000);
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  const style = i % 3;
  const date =
    style === 0 ? `${y}-${pad(m)}-${pad(d)}` : style === 1 ? `${pad(d)}/${pad(m)}/${y}` : `${d}-${m}-${y}`;
  // Most rows name the place; every tenth gives the kecamatan's code instead, as exports of other systems do.
  const [place, area] = i % 10 === 9 ? [kec.code, ''] : [kec.name, kab];
  const hurt = random() < 0.6 ? Math.floor(random() * 6) : 0;
  const dead = random() < 0.08 ? 1 : 0;
  const displaced = kind.words[0] === 'Sengketa tanah' && random() < 0.4 ? Math.floor(random() * 40) : 0;
  rows.push([
    date,
    place,
    area,
    pick(kind.words),
    `${kind.what} (contoh ${i + 1})`,
    String(hurt),
    String(dead),
    String(displaced),
    kind.groups,
    pick(SOURCES),
  ]);
}
const quote = (cell: string) => (/[;"\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const header = [
  'Tanggal',
  'Kecamatan',
  'Kabupaten/Kota',
  'Jenis',
  'Uraian',
  'Luka',
  'Meninggal',
  'Mengungsi',
  'Kelompok',
  'Sumber',
];
const text = [header, ...rows].map((row) => row.map(quote).join(';')).join('\r\n');
const out = path.join(root, 'test/fixtures/history-sample.csv');
writeFileSync(out, `\uFEFF${text}\r\n`);
console.log(`${rows.length} baris → ${path.relative(root, out)}`);
