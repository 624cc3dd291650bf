import { describe, expect, it } from 'vitest';
import { readCounts } from './counts.ts';
import { makeDoc } from './doc.ts';
import { readGroups } from './people.ts';

const counts = (text: string) => {
  const c = readCounts(makeDoc(text));
  return [c.injured.value, c.dead.value, c.displaced.value];
};
const groups = (text: string) => readGroups(makeDoc(text)).map((g) => g.group);

describe('counts of victims as messages write them', () => {
  it('reads compound number words', () => {
    expect(counts('dua puluh lima warga mengungsi ke balai desa')).toEqual([null, null, 25]);
    expect(counts('dua belas warga mengalami luka2 akibat bentrok')).toEqual([12, null, null]);
    expect(counts('seratus dua puluh jiwa mengungsi')).toEqual([null, null, 120]);
  });

  it('gives null for vague amounts and ranges', () => {
    expect(counts('puluhan warga mengungsi ke masjid')).toEqual([null, null, null]);
    expect(counts('belasan org luka ringan, 2 di antaranya dirawat di RSUD')).toEqual([null, null, null]);
    expect(counts('perkelahian pemuda habis orkes, 3-4 org luka kena botol')).toEqual([null, null, null]);
  });

  it('takes the latest total when a count grows', () => {
    expect(counts('korban luka akibat bentrok di kec. Sampung bertambah menjadi tujuh orang')).toEqual([
      7,
      null,
      null,
    ]);
    expect(counts('carok, korban meninggal bertambah jadi 2 stlh 1 korban luka meninggal di RS')).toEqual([
      null,
      2,
      null,
    ]);
  });

  it('adds up the parts of a count given by severity', () => {
    expect(counts('bentrok warga dgn penambang, 2 org luka berat dan 3 luka ringan')).toEqual([
      5,
      null,
      null,
    ]);
  });

  it('reads deaths and injuries said without the usual words', () => {
    expect(counts('seorang pesilat kena tusuk, nyawanya tak tertolong di RSUD')).toEqual([null, 1, null]);
    expect(counts('seorang sopir truk dihajar warga, korban babak belur')).toEqual([1, null, null]);
    expect(counts('bentrok pekan lalu yg melukai enam orang')).toEqual([6, null, null]);
    expect(counts('pengeroyokan 2 pemuda di depan minimarket. korban luka lebam')).toEqual([2, null, null]);
    expect(counts('seorang kakek dianiaya tetangganya, korban skrg dirawat di puskesmas')).toEqual([
      1,
      null,
      null,
    ]);
  });

  it('counts the victims, not the people arrested nor the crowd', () => {
    expect(counts('bentrok pemuda 2 kampung, sebelas orang diamankan polisi, tiga orang terluka')).toEqual([
      3,
      null,
      null,
    ]);
    expect(counts('massa sekitar 300 org mendatangi kantor perusahaan, 2 satpam luka kena lemparan')).toEqual(
      [2, null, null],
    );
  });

  it('does not count fainting without violence done to the person as an injury', () => {
    expect(counts('seorang ibu hamil di dalam rumah syok & pingsan, dibawa ke puskesmas')).toEqual([
      null,
      null,
      null,
    ]);
  });
});

describe('a stated age after the noun for a person', () => {
  it('makes a child or an elderly person, not when the person is the perpetrator', () => {
    expect(groups('seorang remaja 15 th yg sedang lewat terkena sabetan celurit')).toEqual(['anak']);
    expect(groups('pelaku 2 remaja 15 tahun sdh diamankan')).toEqual([]);
  });

  it('reads the news words for the elderly and for aid recipients', () => {
    expect(groups('sejumlah warga lanjut usia tidak masuk daftar penerima beras')).toEqual(['lansia']);
    expect(groups('ratusan keluarga penerima manfaat memprotes data yang salah')).toEqual(['fakir_miskin']);
  });

  it('does not read paralysed traffic as a disabled person', () => {
    expect(groups('jalan diblokir sopir angkot, lalu lintas di pusat kota lumpuh tiga jam')).toEqual([]);
    expect(groups('seorang warga lumpuh terjebak di rumahnya')).toEqual(['disabilitas']);
  });
});

describe('vulnerable groups, fourth pass', () => {
  it('counts a possessive child described as young, not a grown one', () => {
    expect(groups('rumahnya dirusak, ibu & dua anaknya yg masih kecil mengungsi ke rumah RT')).toContain(
      'anak',
    );
    expect(groups('rumahnya dirusak, ibu & anaknya yg sdh menikah mengungsi ke rumah RT')).not.toContain(
      'anak',
    );
  });
});

describe('who is at risk, fifth pass', () => {
  it('does not count the people who provoke as people at risk', () => {
    expect(groups('anak2 geng motor nantang pemuda kampung sebelah lewat status WA')).toEqual([]);
    expect(groups('bocah2 smp ikut komen kasar di postingan itu')).toEqual([]);
    // a child hurt after being mocked is still a victim
    expect(groups('seorang bocah dipukul krn dikira ngejek rombongan')).toEqual(['anak']);
  });

  it('does not count the people named in what someone is accused of', () => {
    expect(groups('sopir truk yg dituduh nabrak anak dikeroyok warga')).toEqual([]);
  });
});

describe('who is at risk, news pass', () => {
  it('does not count minors among the people the police arrested, in the clause or as a part after it', () => {
    expect(groups('polisi mengamankan sembilan pemuda, lima di antaranya masih di bawah umur')).toEqual([]);
    expect(groups('polisi mengamankan lima siswa SMP yang membawa celurit')).toEqual([]);
    // a part of a group that was hurt stays at risk
    expect(groups('sembilan warga terluka, dua di antaranya masih di bawah umur')).toEqual(['anak']);
  });
});
