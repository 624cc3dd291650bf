/**
 * Writes test/fixtures/pillars-sample.xlsx: a Tagana roster of Kabupaten Banyuwangi (35.10) as a kab/kota
 * office would send it, with the mistakes such rosters carry (15-digit NIKs, a NIK typed into a number
 * cell, "Ds." before desa names, a person listed twice, a desa that is not in Banyuwangi, a short phone).
 * Names and numbers are invented; desa and kecamatan are real. Run: npx node scripts/make-pillars-sample.ts
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { readJatimRegions } from '../src/server/modules/regions/regions-data.ts';

/** One roster line as typed; `nikAsNumber` and `phoneAsNumber` store the cell as a number, as Excel would. */
export type RosterLine = {
  name: string;
  nik?: string;
  nikAsNumber?: boolean;
  phone?: string;
  phoneAsNumber?: boolean;
  type?: string;
  desa: string;
  kecamatan?: string;
  skills?: string;
  training?: string;
  trainingDate?: Date | string;
  certificate?: string;
  status?: string;
};

const HEADERS = [
  'No',
  'Nama',
  'NIK',
  'No. HP',
  'Desa/Kelurahan',
  'Kecamatan',
  'Keahlian',
  'Pelatihan',
  'Tanggal Pelatihan',
  'No. Sertifikat',
  'Status',
];

/** Excel keeps 15 significant digits: a 16-digit number typed into a number cell loses its last digit. */
function asExcelNumber(digits: string): number {
  return Number(Number(digits).toPrecision(15));
}

/**
 * Writes a roster workbook: a title row, a blank row, the header on row 3, lines from row 4. NIK and phone
 * columns are text cells unless a line asks for a number; `withType` adds a "Jenis Pilar" column.
 */
export async function writeRoster(
  file: string,
  lines: readonly RosterLine[],
  options: { title: string; withType?: boolean },
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Dinas Sosial';
  workbook.created = new Date('2026-07-01T08:00:00+07:00');
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('Tagana');
  const headers = options.withType ? [...HEADERS.slice(0, 4), 'Jenis Pilar', ...HEADERS.slice(4)] : HEADERS;
  sheet.addRow([options.title]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  sheet.addRow(headers).font = { bold: true };
  const column = (title: string) => headers.indexOf(title) + 1;
  sheet.getColumn(column('NIK')).numFmt = '@';
  sheet.getColumn(column('No. HP')).numFmt = '@';
  sheet.getColumn(column('Tanggal Pelatihan')).numFmt = 'dd/mm/yyyy';
  lines.forEach((line, index) => {
    const values: Record<string, unknown> = {
      No: index + 1,
      Nama: line.name,
      NIK: line.nik && line.nikAsNumber ? asExcelNumber(line.nik) : (line.nik ?? null),
      'No. HP': line.phone && line.phoneAsNumber ? Number(line.phone) : (line.phone ?? null),
      'Jenis Pilar': line.type ?? null,
      'Desa/Kelurahan': line.desa,
      Kecamatan: line.kecamatan ?? null,
      Keahlian: line.skills ?? null,
      Pelatihan: line.training ?? null,
      'Tanggal Pelatihan': line.trainingDate ?? null,
      'No. Sertifikat': line.certificate ?? null,
      Status: line.status ?? 'Aktif',
    };
    const row = sheet.addRow(headers.map((title) => values[title] ?? null));
    if (line.nikAsNumber) row.getCell(column('NIK')).numFmt = '0';
    if (line.phoneAsNumber) row.getCell(column('No. HP')).numFmt = '0';
  });
  headers.forEach((title, index) => {
    sheet.getColumn(index + 1).width = title === 'Nama' ? 28 : title === 'NIK' ? 20 : 16;
  });
  await workbook.xlsx.writeFile(file);
}

/** A NIK: kecamatan code digits, birth date (women +40 on the day), then a serial. */
function nik(kecamatan: string, birth: string, serial: number, isWoman = false): string {
  const [year, month, day] = birth.split('-').map(Number);
  const dd = String(day + (isWoman ? 40 : 0)).padStart(2, '0');
  return `${kecamatan.replaceAll('.', '')}${dd}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
}

const D = (text: string) => new Date(`${text}T00:00:00Z`);
const DASAR = 'Diklat Tagana Dasar';
const LANJUT = 'Pelatihan Tagana Lanjutan (Dapur Umum)';

/** The sample roster: 40 lines, row 4 to row 43 of the sheet. Comments name what each mistake shows. */
export const SAMPLE_LINES: readonly RosterLine[] = [
  {
    name: 'Agus Setiawan',
    nik: nik('35.10.05', '1986-03-14', 1),
    phone: '0812-3456-7801',
    desa: 'Sumberberas',
    kecamatan: 'Muncar',
    skills: 'Evakuasi, P3K',
    training: DASAR,
    trainingDate: D('2022-05-12'),
    certificate: '112/TGN-BWI/V/2022',
  },
  // "Ds." before the desa name
  {
    name: 'Siti Aminah',
    nik: nik('35.10.05', '1990-07-02', 3, true),
    phone: '081334567802',
    desa: 'Ds. Kedungringin',
    kecamatan: 'Muncar',
    skills: 'Dapur Umum, Dukungan Psikososial',
    training: LANJUT,
    trainingDate: D('2023-08-21'),
    certificate: '087/TGN-BWI/VIII/2023',
  },
  // NIK of 15 digits
  {
    name: 'Bambang Hermanto',
    nik: nik('35.10.06', '1979-11-30', 2).slice(0, 15),
    phone: '085234567803',
    desa: 'Tampo',
    kecamatan: 'Cluring',
    skills: 'Evakuasi',
  },
  {
    name: 'Dwi Rahayu',
    nik: nik('35.10.06', '1993-01-19', 5, true),
    phone: '+62 813-3456-7804',
    desa: 'Plampangrejo',
    kecamatan: 'Cluring',
    skills: 'Pendataan, Dukungan Psikososial',
    training: DASAR,
    trainingDate: '15/02/2024',
  },
  // NIK typed into a number cell: Excel kept 15 significant digits
  {
    name: 'Eko Prasetyo',
    nik: nik('35.10.07', '1988-09-09', 7),
    nikAsNumber: true,
    phone: '081234567805',
    desa: 'Jajag',
    kecamatan: 'Gambiran',
    skills: 'Evakuasi, Komunikasi Radio',
  },
  // a phone stored as a number (its leading zero gone): read, with a warning
  {
    name: 'MOCH. SHOLEH',
    nik: nik('35.10.07', '1975-04-25', 4),
    phone: '81234567806',
    phoneAsNumber: true,
    desa: 'Purwodadi',
    kecamatan: 'Gambiran',
    skills: 'Mediasi, Evakuasi',
    training: DASAR,
    trainingDate: D('2019-10-03'),
  },
  // a desa that is not in Banyuwangi
  {
    name: 'Hadi Susanto',
    nik: nik('35.10.08', '1984-12-01', 2),
    phone: '085234567807',
    desa: 'Sukamakmur',
    kecamatan: 'Srono',
    skills: 'P3K',
  },
  // a phone too short to be one
  {
    name: 'Nur Hidayati',
    nik: nik('35.10.08', '1995-06-17', 9, true),
    phone: '0812-345',
    desa: 'Kebaman',
    kecamatan: 'Srono',
    skills: 'Dapur Umum',
  },
  {
    name: 'Rudi Hartono',
    nik: nik('35.10.09', '1982-02-08', 3),
    phone: '082134567809',
    desa: 'Genteng Wetan',
    kecamatan: 'Genteng',
    skills: 'Evakuasi, P3K',
    training: DASAR,
    trainingDate: D('2021-03-15'),
    certificate: '041/TGN-BWI/III/2021',
  },
  // the same person as row 4, listed again further down
  {
    name: 'Agus Setiawan',
    nik: nik('35.10.05', '1986-03-14', 1),
    phone: '0812-3456-7801',
    desa: 'Sumberberas',
    kecamatan: 'Muncar',
    skills: 'Evakuasi',
  },
  // another 15-digit NIK
  {
    name: 'Wahyu Nugroho',
    nik: nik('35.10.09', '1991-08-27', 6).slice(1),
    phone: '081334567811',
    desa: 'Kembiritan',
    kecamatan: 'Genteng',
    skills: 'Komunikasi Radio',
  },
  // a typing slip in the desa name: read as Wringinputih, with a warning
  {
    name: 'Lilik Suryani',
    nik: nik('35.10.05', '1987-05-05', 12, true),
    phone: '085334567812',
    desa: 'Wringin Puteh',
    kecamatan: 'Muncar',
    skills: 'Dapur Umum, Pendataan',
  },
  // Watukebo is a desa in Wongsorejo and in Blimbingsari: without the kecamatan it cannot be told
  {
    name: 'Slamet Riyadi',
    nik: nik('35.10.18', '1980-10-10', 4),
    phone: '081234567813',
    desa: 'Watukebo',
    skills: 'Evakuasi',
  },
  // Tamansari is in Tegalsari and in Licin: the kecamatan settles it
  {
    name: 'Yuli Astutik',
    nik: nik('35.10.24', '1994-03-03', 2, true),
    phone: '082234567814',
    desa: 'Tamansari',
    kecamatan: 'Licin',
    skills: 'Dukungan Psikososial',
  },
  // capitals and a space inside the desa name
  {
    name: 'SRI WAHYUNI',
    nik: nik('35.10.05', '1989-12-24', 8, true),
    phone: '081334567815',
    desa: 'TEMBOK REJO',
    kecamatan: 'Muncar',
    skills: 'P3K, Dapur Umum',
  },
  // a NIK whose first six digits are no kecamatan
  {
    name: 'Joko Santoso',
    nik: `359901${'150885'}0003`,
    phone: '085234567816',
    desa: 'Bangsring',
    kecamatan: 'Wongsorejo',
    skills: 'Evakuasi',
  },
  {
    name: 'Imam Syafii',
    nik: nik('35.10.18', '1983-07-07', 5),
    phone: '081234567817',
    desa: 'Bengkak',
    kecamatan: 'Wongsorejo',
    skills: 'Mediasi',
    training: 'Pelatihan Pelopor Perdamaian',
    trainingDate: D('2024-06-11'),
    certificate: 'PRD-35-0611-017',
  },
  {
    name: 'Sugeng Riyanto',
    phone: '082334567818',
    desa: 'Alasbuluh',
    kecamatan: 'Wongsorejo',
    skills: 'Evakuasi, Komunikasi Radio',
  },
  {
    name: 'Fitri Handayani',
    nik: nik('35.10.13', '1992-09-14', 3, true),
    phone: '085334567819',
    desa: 'Aliyan',
    kecamatan: 'Rogojampi',
    skills: 'Dukungan Psikososial, Pendampingan Anak',
    training: DASAR,
    trainingDate: D('2023-02-20'),
  },
  {
    name: 'Teguh Wibowo',
    nik: nik('35.10.13', '1985-01-31', 6),
    phone: '081234567820',
    desa: 'Mangir',
    kecamatan: 'Rogojampi',
    skills: 'Evakuasi, P3K',
  },
  {
    name: 'Anik Mujiati',
    nik: nik('35.10.14', '1990-04-12', 2, true),
    phone: '081334567821',
    desa: 'Bareng',
    kecamatan: 'Kabat',
    skills: 'Dapur Umum',
  },
  {
    name: 'Hariyanto',
    nik: nik('35.10.14', '1978-08-08', 11),
    phone: '085234567822',
    desa: 'Bunder',
    kecamatan: 'Kabat',
    skills: 'Evakuasi',
    training: DASAR,
    trainingDate: D('2018-11-05'),
    certificate: '203/TGN-BWI/XI/2018',
  },
  {
    name: 'Dewi Lestari',
    nik: nik('35.10.15', '1996-02-29', 4, true),
    phone: '082134567823',
    desa: 'Kemiren',
    kecamatan: 'Glagah',
    skills: 'Pendataan',
  },
  {
    name: 'Supriyadi',
    nik: nik('35.10.15', '1981-05-21', 7),
    phone: '081234567824',
    desa: 'Kel. Bakungan',
    kecamatan: 'Glagah',
    skills: 'Evakuasi, Mediasi',
  },
  {
    name: 'Rina Marlina',
    nik: nik('35.10.16', '1993-10-30', 5, true),
    phone: '085334567825',
    desa: 'Kelurahan Pakis',
    kecamatan: 'Banyuwangi',
    skills: 'P3K, Dukungan Psikososial',
    training: LANJUT,
    trainingDate: '03-09-2024',
  },
  {
    name: 'Bayu Saputra',
    nik: nik('35.10.16', '1997-06-06', 2),
    phone: '081334567826',
    desa: 'Sobo',
    kecamatan: 'Banyuwangi',
    skills: 'Komunikasi Radio, Evakuasi',
  },
  {
    name: 'Ahmad Fauzi',
    nik: nik('35.10.17', '1986-11-11', 9),
    phone: '082234567827',
    desa: 'Boyolangu',
    kecamatan: 'Giri',
    skills: 'Mediasi',
  },
  {
    name: 'Endang Sulistyowati',
    nik: nik('35.10.17', '1984-03-18', 3, true),
    phone: '085234567828',
    desa: 'Penataban',
    kecamatan: 'Giri',
    skills: 'Dapur Umum, Pendataan',
  },
  {
    name: 'Yusuf Efendi',
    nik: nik('35.10.20', '1990-12-12', 4),
    phone: '081234567829',
    desa: 'Jambewangi',
    kecamatan: 'Sempu',
    skills: 'Evakuasi',
  },
  { name: 'Sulastri', phone: '085334567830', desa: 'Karangsari', kecamatan: 'Sempu', skills: 'Dapur Umum' },
  {
    name: 'Didik Kurniawan',
    nik: nik('35.10.21', '1987-07-15', 6),
    phone: '081334567831',
    desa: 'Klatak',
    kecamatan: 'Kalipuro',
    skills: 'Evakuasi, P3K',
    training: DASAR,
    trainingDate: D('2020-01-27'),
  },
  {
    name: 'Ika Puspitasari',
    nik: nik('35.10.21', '1995-05-09', 8, true),
    phone: '082134567832',
    desa: 'Bulusan',
    kecamatan: 'Kalipuro',
    skills: 'Dukungan Psikososial',
  },
  {
    name: 'Heru Purnomo',
    nik: nik('35.10.01', '1976-09-23', 2),
    phone: '081234567833',
    desa: 'Sarongan',
    kecamatan: 'Pesanggaran',
    skills: 'Evakuasi, Komunikasi Radio',
    training: DASAR,
    trainingDate: D('2017-04-04'),
    certificate: '019/TGN-BWI/IV/2017',
  },
  {
    name: 'Nanik Sumarni',
    nik: nik('35.10.01', '1983-02-14', 5, true),
    phone: '085234567834',
    desa: 'Sumberagung',
    kecamatan: 'Pesanggaran',
    skills: 'Dapur Umum',
  },
  {
    name: 'Bagus Wicaksono',
    nik: nik('35.10.02', '1994-08-01', 3),
    phone: '082334567835',
    desa: 'Sukorejo',
    kecamatan: 'Bangorejo',
    skills: 'Evakuasi',
  },
  {
    name: 'Rahmat Hidayat',
    nik: nik('35.10.02', '1989-01-06', 7),
    phone: '081334567836',
    desa: 'Temurejo',
    kecamatan: 'Bangorejo',
    skills: 'P3K',
    status: 'Tidak Aktif',
  },
  {
    name: 'Wiwik Handayani',
    nik: nik('35.10.12', '1991-04-27', 4, true),
    phone: '085334567837',
    desa: 'Gambor',
    kecamatan: 'Singojuruh',
    skills: 'Pendataan, Dapur Umum',
  },
  {
    name: 'Samsul Arifin',
    nik: nik('35.10.12', '1980-06-30', 2),
    phone: '081234567838',
    desa: 'Alasmalang',
    kecamatan: 'Singojuruh',
    skills: 'Evakuasi, Mediasi',
  },
  {
    name: 'Yayuk Sriwahyuni',
    nik: nik('35.10.09', '1988-10-02', 10, true),
    phone: '082234567839',
    desa: 'Setail',
    kecamatan: 'Genteng',
    skills: 'Dukungan Psikososial',
  },
  {
    name: 'Mohammad Rizal',
    nik: nik('35.10.05', '1992-11-19', 14),
    phone: '085234567840',
    desa: 'Kedungrejo',
    kecamatan: 'Muncar',
    skills: 'Evakuasi, Pertolongan Pertama',
  },
];

const FIRST_NAMES = [
  'Agus',
  'Budi',
  'Siti',
  'Dwi',
  'Eko',
  'Sri',
  'Nur',
  'Hadi',
  'Rina',
  'Yusuf',
  'Ani',
  'Bayu',
  'Dewi',
  'Imam',
  'Lilik',
  'Wahyu',
  'Fitri',
  'Joko',
  'Endang',
  'Rudi',
];
const LAST_NAMES = [
  'Setiawan',
  'Rahayu',
  'Prasetyo',
  'Hidayati',
  'Susanto',
  'Wibowo',
  'Lestari',
  'Hartono',
  'Purnomo',
  'Handayani',
  'Kurniawan',
  'Santoso',
  'Mujiati',
  'Arifin',
  'Saputra',
  'Astutik',
];
const SKILL_WORDS = [
  'Evakuasi',
  'P3K',
  'Dapur Umum',
  'Mediasi',
  'Dukungan Psikososial',
  'Pendataan',
  'Komunikasi Radio',
];

/**
 * `count` valid roster lines spread over every desa of Banyuwangi, each a different person (distinct NIK and
 * phone); the same `seed` gives the same lines. For tests and the import benchmark.
 */
export function generatedLines(count: number, seed: number): RosterLine[] {
  const regions = readJatimRegions();
  const kecamatanName = new Map(regions.filter((r) => r.level === 'kecamatan').map((r) => [r.code, r.name]));
  const desa = regions.filter((r) => r.level === 'desa' && r.code.startsWith('35.10.'));
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state;
  };
  return Array.from({ length: count }, (_, index) => {
    const place = desa[index % desa.length];
    const kecamatan = place.parentCode as string;
    const isWoman = next() % 2 === 0;
    const day = 1 + (index % 28);
    const month = 1 + (Math.floor(index / 28) % 12);
    const year = 1965 + (Math.floor(index / 336) % 35);
    const birth = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const skills = SKILL_WORDS.filter(() => next() % 3 === 0);
    return {
      name: `${FIRST_NAMES[next() % FIRST_NAMES.length]} ${LAST_NAMES[next() % LAST_NAMES.length]} ${index + 1}`,
      nik: nik(kecamatan, birth, (index % 9999) + 1, isWoman),
      phone: `08${String(1_200_000_000 + seed * 100_000 + index).padStart(10, '0')}`,
      desa: next() % 4 === 0 ? `Ds. ${place.name}` : place.name,
      kecamatan: kecamatanName.get(kecamatan),
      skills: skills.join(', '),
      training: next() % 2 === 0 ? DASAR : undefined,
      trainingDate: D(`20${String(15 + (index % 10)).padStart(2, '0')}-0${1 + (index % 9)}-1${index % 9}`),
    };
  });
}

/** Where the sample lives; the tests read it from there. */
export const SAMPLE_FILE = path.resolve(import.meta.dirname, '../test/fixtures/pillars-sample.xlsx');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeRoster(SAMPLE_FILE, SAMPLE_LINES, {
    title: 'DAFTAR ANGGOTA TAGANA KABUPATEN BANYUWANGI TAHUN 2026',
  });
  console.log(
    `Ditulis / written: ${path.relative(process.cwd(), SAMPLE_FILE)} (${SAMPLE_LINES.length} baris)`,
  );
}
