// Journalistic Indonesian: datelines, "Polisi mengamankan …", "Kapolres … mengatakan", reported speech, long
// sentences naming places that are not the clash site (an origin, a police station, a hospital in another town).
// Every text is invented for these tests; the place names are real.
import { describe, expect, it } from 'vitest';
import { readText } from '../../../shared/text-reader/read-text.ts';
import { jatimGazetteer } from './gazetteer-load.ts';

const g = jatimGazetteer();
const read = (text: string) => readText(text, g);
const name = (code: string | null) => (code ? g.byCode.get(code)?.name : null);

describe('the reader on news text', () => {
  it('reads a pesilat convoy that clashes with residents where it passes, not where it came from', () => {
    const r = read(
      'NGANJUK - Polisi mengamankan 14 pesilat yang diduga merusak warung milik warga di Desa Kemaduh, Kecamatan ' +
        'Baron, Kabupaten Nganjuk, Minggu (9/6) dini hari. Kapolres Nganjuk mengatakan rombongan konvoi itu ' +
        'pulang dari acara di Kabupaten Madiun. "Seorang pemilik warung mengalami luka di pelipis," ujarnya.',
    );
    expect(r.kind).toBe('kejadian');
    expect(r.conflictType).toBe('perguruan_silat_vs_warga');
    expect(name(r.kabkotaCode)).toBe('Kabupaten Nganjuk');
    expect(name(r.kecamatanCode)).toBe('Baron');
    expect(r.injured).toBe(1);
  });

  it('gives a clash of pesilat with the police a silat type, and counts injured officers', () => {
    const r = read(
      'Massa pesilat terlibat bentrok dengan polisi di simpang empat Kecamatan Caruban, Kabupaten Madiun, ' +
        'Sabtu malam. Empat polisi terluka terkena lemparan batu.',
    );
    expect(r.conflictType).toBe('perguruan_silat_vs_warga');
    expect(name(r.kabkotaCode)).toBe('Kabupaten Madiun');
    expect(r.injured).toBe(4);
  });

  it('gives a clash of supporters with the police the supporter type, at the clash site', () => {
    const r = read(
      'Ratusan Bonek yang hendak menuju Malang bentrok dengan aparat saat diadang di Kecamatan Lawang. ' +
        'Polisi menembakkan gas air mata. Enam suporter dan tiga polisi luka-luka.',
    );
    expect(r.kind).toBe('kejadian');
    expect(r.conflictType).toBe('antar_suporter');
    expect(name(r.kabkotaCode)).toBe('Kabupaten Malang');
    expect(r.injured).toBe(9);
  });

  it('places a protest where it is held, not where the protesters come from', () => {
    const r = read(
      'Puluhan nelayan asal Kecamatan Puger, Jember, berunjuk rasa di depan kantor DKP Kabupaten Lumajang, ' +
        'Selasa (4/2), menolak kapal cantrang yang beroperasi di wilayah perairan mereka.',
    );
    expect(r.kind).toBe('kejadian');
    expect(r.conflictType).toBe('sengketa_lahan_sda');
    expect(name(r.kabkotaCode)).toBe('Kabupaten Lumajang');
  });

  it('does not count the wound of a man who died as an injured person', () => {
    const r = read(
      'Kasat Reskrim Polres Bangkalan mengatakan, satu orang tewas dengan luka bacok di dada dalam carok di ' +
        'Kecamatan Tanjungbumi. Pelaku menyerahkan diri ke Polsek.',
    );
    expect(r.dead).toBe(1);
    expect(r.injured).toBeNull();
    expect(r.conflictType).toBe('antarwarga');
  });

  it('takes the stated total of displaced people over the first persons named', () => {
    const r = read(
      'Seorang kakek dan istrinya mengungsi ke rumah kerabat setelah rumahnya dirusak massa di Desa Pakel, ' +
        'Kecamatan Licin, Banyuwangi. Kepala desa menyebut total 11 orang kini mengungsi.',
    );
    expect(r.displaced).toBe(11);
    expect(r.vulnerableGroups).toContain('lansia');
  });

  it('reads a circulating call to attack, denied by the police, as a sign and not an event', () => {
    const r = read(
      'Polres Tuban menyiagakan 200 personel setelah beredar ajakan di media sosial untuk menyerang ' +
        'kelompok suporter tamu yang akan datang ke stadion, Jumat (7/3). Hingga Kamis malam belum ada ' +
        'pergerakan massa.',
    );
    expect(r.kind).toBe('sinyal');
    expect(r.conflictType).toBe('antar_suporter');
    expect(name(r.kabkotaCode)).toBe('Kabupaten Tuban');
    expect(r.injured).toBeNull();
  });

  it('reads a follow-up arrest as a kejadian and does not count the perpetrators', () => {
    const r = read(
      'Polisi menangkap tiga pelaku pengeroyokan terhadap seorang pemuda di Kecamatan Rogojampi, Banyuwangi, ' +
        'yang terjadi pekan lalu. Korban masih dirawat di rumah sakit.',
    );
    expect(r.kind).toBe('kejadian');
    expect(name(r.kabkotaCode)).toBe('Kabupaten Banyuwangi');
    expect(r.injured).toBe(1);
  });

  it('reads a land quarrel between siblings over an inheritance as a family feud', () => {
    const r = read(
      'Dua saudara kandung di Kecamatan Kedungadem, Bojonegoro, saling bacok karena sengketa tanah warisan. ' +
        'Keduanya mengalami luka serius dan dilarikan ke RSUD.',
    );
    expect(r.conflictType).toBe('antarwarga');
    expect(r.injured).toBe(2);
  });

  it('counts two persons hurt in a contrast, and a child bystander as vulnerable', () => {
    const r = read(
      'Tawuran pelajar pecah di Kecamatan Candi, Sidoarjo. Seorang siswa SD yang melintas terkena lemparan ' +
        'batu, sementara seorang pedagang mengalami luka di tangan. Polisi mengamankan enam pelajar.',
    );
    expect(r.conflictType).toBe('lainnya');
    expect(r.injured).toBe(2);
    expect(r.vulnerableGroups).toEqual(['anak']);
  });
});
