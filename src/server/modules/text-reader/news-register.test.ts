// Journalistic Indonesian: datelines, "Polisi mengamankan …", "Kapolres … mengatakan", reported speech, long
// sentences naming places that are not the clash site (an origin, a police station, a hospital in another town).
// Every text is invented for these tests; the place names are real.
import { describe, expect, it } from 'vitest';
import { readText } from '../../../shared/text-reader/read-text.ts';
import { jatimGazetteer } from './gazetteer-load.ts';

const g = jatimGazetteer();
const read = (text: string) => readText(text, g);
const name = (code: string | null) => (code ? g.byCode.get(code)?.name : null);

/** Each news text with what the reader must take from it; `kabkota` and `kecamatan` by their names. */
const CASES: { should: string; text: string; reads: Record<string, unknown> }[] = [
  {
    should: 'reads a pesilat convoy that clashes with residents where it passes, not where it came from',
    text:
      'NGANJUK - Polisi mengamankan 14 pesilat yang diduga merusak warung milik warga di Desa Kemaduh, Kecamatan ' +
      'Baron, Kabupaten Nganjuk, Minggu (9/6) dini hari. Kapolres Nganjuk mengatakan rombongan konvoi itu ' +
      'pulang dari acara di Kabupaten Madiun. "Seorang pemilik warung mengalami luka di pelipis," ujarnya.',
    reads: {
      kind: 'kejadian',
      conflictType: 'perguruan_silat_vs_warga',
      kabkota: 'Kabupaten Nganjuk',
      kecamatan: 'Baron',
      injured: 1,
    },
  },
  {
    should: 'gives a clash of pesilat with the police a silat type, and counts injured officers',
    text:
      'Massa pesilat terlibat bentrok dengan polisi di simpang empat Kecamatan Caruban, Kabupaten Madiun, ' +
      'Sabtu malam. Empat polisi terluka terkena lemparan batu.',
    reads: { conflictType: 'perguruan_silat_vs_warga', kabkota: 'Kabupaten Madiun', injured: 4 },
  },
  {
    should: 'gives a clash of supporters with the police the supporter type, at the clash site',
    text:
      'Ratusan Bonek yang hendak menuju Malang bentrok dengan aparat saat diadang di Kecamatan Lawang. ' +
      'Polisi menembakkan gas air mata. Enam suporter dan tiga polisi luka-luka.',
    reads: { kind: 'kejadian', conflictType: 'antar_suporter', kabkota: 'Kabupaten Malang', injured: 9 },
  },
  {
    should: 'places a protest where it is held, not where the protesters come from',
    text:
      'Puluhan nelayan asal Kecamatan Puger, Jember, berunjuk rasa di depan kantor DKP Kabupaten Lumajang, ' +
      'Selasa (4/2), menolak kapal cantrang yang beroperasi di wilayah perairan mereka.',
    reads: { kind: 'kejadian', conflictType: 'sengketa_lahan_sda', kabkota: 'Kabupaten Lumajang' },
  },
  {
    should: 'does not count the wound of a man who died as an injured person',
    text:
      'Kasat Reskrim Polres Bangkalan mengatakan, satu orang tewas dengan luka bacok di dada dalam carok di ' +
      'Kecamatan Tanjungbumi. Pelaku menyerahkan diri ke Polsek.',
    reads: { dead: 1, injured: null, conflictType: 'antarwarga' },
  },
  {
    should: 'takes the stated total of displaced people over the first persons named',
    text:
      'Seorang kakek dan istrinya mengungsi ke rumah kerabat setelah rumahnya dirusak massa di Desa Pakel, ' +
      'Kecamatan Licin, Banyuwangi. Kepala desa menyebut total 11 orang kini mengungsi.',
    reads: { displaced: 11, vulnerableGroups: expect.arrayContaining(['lansia']) },
  },
  {
    should: 'reads a circulating call to attack, denied by the police, as a sign and not an event',
    text:
      'Polres Tuban menyiagakan 200 personel setelah beredar ajakan di media sosial untuk menyerang ' +
      'kelompok suporter tamu yang akan datang ke stadion, Jumat (7/3). Hingga Kamis malam belum ada ' +
      'pergerakan massa.',
    reads: { kind: 'sinyal', conflictType: 'antar_suporter', kabkota: 'Kabupaten Tuban', injured: null },
  },
  {
    should: 'reads a follow-up arrest as a kejadian and does not count the perpetrators',
    text:
      'Polisi menangkap tiga pelaku pengeroyokan terhadap seorang pemuda di Kecamatan Rogojampi, Banyuwangi, ' +
      'yang terjadi pekan lalu. Korban masih dirawat di rumah sakit.',
    reads: { kind: 'kejadian', kabkota: 'Kabupaten Banyuwangi', injured: 1 },
  },
  {
    should: 'reads a land quarrel between siblings over an inheritance as a family feud',
    text:
      'Dua saudara kandung di Kecamatan Kedungadem, Bojonegoro, saling bacok karena sengketa tanah warisan. ' +
      'Keduanya mengalami luka serius dan dilarikan ke RSUD.',
    reads: { conflictType: 'antarwarga', injured: 2 },
  },
  {
    should: 'counts two persons hurt in a contrast, and a child bystander as vulnerable',
    text:
      'Tawuran pelajar pecah di Kecamatan Candi, Sidoarjo. Seorang siswa SD yang melintas terkena lemparan ' +
      'batu, sementara seorang pedagang mengalami luka di tangan. Polisi mengamankan enam pelajar.',
    reads: { conflictType: 'lainnya', injured: 2, vulnerableGroups: ['anak'] },
  },
];

describe('the reader on news text', () => {
  it.each(CASES)('$should', ({ text, reads }) => {
    const r = read(text);
    expect({ ...r, kabkota: name(r.kabkotaCode), kecamatan: name(r.kecamatanCode) }).toMatchObject(reads);
  });
});
