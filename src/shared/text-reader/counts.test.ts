// The numbers of people harmed, each rule with its own short text.
import { describe, expect, it } from 'vitest';
import { readCounts } from './counts.ts';
import { makeDoc } from './doc.ts';

const counts = (text: string) => {
  const c = readCounts(makeDoc(text));
  return [c.injured.value, c.dead.value, c.displaced.value];
};

describe('the counts of people harmed, further rules', () => {
  it('reads "keduanya" and "ketiganya" as numbers of the people just named', () => {
    expect(counts('dua pemuda berkelahi pakai celurit, keduanya luka parah')).toEqual([2, null, null]);
    expect(counts('tiga warga dikeroyok, ketiganya luka memar')).toEqual([3, null, null]);
  });

  it('adds numbers of people joined by "dan" before one word of harm', () => {
    expect(counts('lima warga dan dua petugas luka-luka kena lemparan')).toEqual([7, null, null]);
    // a word of harm between them makes two counts
    expect(counts('seorang tewas dan tiga lainnya luka')).toEqual([3, 1, null]);
  });

  it('adds a second person hurt in a contrast ("sementara seorang …")', () => {
    expect(counts('seorang sopir luka di kepala, sementara seorang penumpang terkena pecahan kaca')).toEqual([
      2,
      null,
      null,
    ]);
  });

  it('counts a person and their kin named together as two', () => {
    expect(counts('seorang ibu dan anaknya terluka kena lemparan batu')).toEqual([2, null, null]);
  });

  it('prefers a stated total to the first persons named', () => {
    expect(counts('seorang janda mengungsi ke rumah anaknya. kasun bilang total 9 orang mengungsi')).toEqual([
      null,
      null,
      9,
    ]);
  });

  it('does not count the wound that killed someone as an injured person', () => {
    expect(counts('satu korban tewas dengan luka tusuk di perut')).toEqual([null, 1, null]);
  });

  it('reads being hit by glass or a thrown stone as an injury', () => {
    expect(counts('1 penumpang kena pecahan kaca bus')).toEqual([1, null, null]);
    expect(counts('dua pengendara terkena lemparan batu')).toEqual([2, null, null]);
  });

  it('reads people taken in elsewhere as displaced', () => {
    expect(counts('keluarga yg terdiri atas empat orang kini ditampung di rumah kades')).toEqual([
      null,
      null,
      4,
    ]);
  });

  it('reads "kena bacok" and people who fell as injured, but not one who died of the wound', () => {
    expect(counts('1 siswa kena bacok di punggung')).toEqual([1, null, null]);
    expect(counts('jamaah berhamburan, 2 jamaah lansia jatuh')).toEqual([2, null, null]);
    expect(counts('seorang pemuda kena tusuk, nyawanya tak tertolong di RSUD')).toEqual([null, 1, null]);
  });
});

describe('the counts of people harmed, fourth pass', () => {
  it('reads "&" as "dan" when numbers of people add up', () => {
    expect(counts('2 satpam & 5 buruh luka2 saat ricuh di gerbang pabrik')).toEqual([7, null, null]);
  });

  it('keeps the injured when the message says nobody died', () => {
    expect(counts('bentrok di dermaga, 4 nelayan luka, tdk ada korban jiwa')).toEqual([4, 0, null]);
  });

  it('reads "satu dari tiga" as one, "satunya" as one, and "satu-satunya" as no number', () => {
    expect(counts('satu dari tiga pemuda yg dibacok meninggal di jalan, satunya lagi dirawat')).toEqual([
      1,
      1,
      null,
    ]);
    expect(counts('satu-satunya jembatan ditutup warga, 12 jiwa mengungsi')).toEqual([null, null, 12]);
  });

  it('reads the number of people the violence was done to when only a weaker word follows', () => {
    expect(counts('wong telu dikeroyok pemuda kampung, saiki dirawat nang RS')).toEqual([3, null, null]);
    // a perpetrator's number is not a victim's
    expect(counts('4 pemuda mengeroyok penjual sate, korbannya dirawat')).toEqual([null, null, null]);
  });

  it('adds one person named by kin before a counted group', () => {
    expect(counts('rumahnya dibakar, istri & dua anaknya ditampung di rumah kades')).toEqual([null, null, 3]);
  });

  it('does not take the number after a passive verb of violence, its doers, for victims', () => {
    expect(counts('penjual bakso dihajar 4 pemuda mabuk, penjualnya luka di pelipis')).toEqual([
      null,
      null,
      null,
    ]);
    expect(counts('2 santri dipukuli oleh 5 org tak dikenal, keduanya luka')).toEqual([2, null, null]);
  });

  it('reads "belum ada korban" as nobody hurt or dead yet', () => {
    expect(counts('massa saling dorong di depan balai desa, blm ada korban')).toEqual([0, 0, null]);
  });

  it('states no number for a part beside a vague amount of the same harm', () => {
    expect(counts('belasan santri luka & seorang ustaz kritis')).toEqual([null, null, null]);
    expect(counts('puluhan warga mengungsi, 2 org luka')).toEqual([2, null, null]);
  });

  it('adds the victim named before a counted group of kin', () => {
    expect(counts('rumahnya dibakar, korban & 3 cucunya numpang di rumah kadus')).toEqual([null, null, 4]);
  });

  it('does not count the harm of an old incident recalled at the start of a sentence', () => {
    expect(counts('tahun lalu bentrok di sini, 3 org luka. skrg suasana panas lagi')).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('does not count a death by illness or accident behind a quarrel', () => {
    expect(counts('seorang warga meninggal krn sakit, keluarganya nuduh tetangga nyantet')).toEqual([
      null,
      null,
      null,
    ]);
  });
});

describe('the counts of people harmed, fifth pass', () => {
  it('reads a number after RT, TPS or paslon as a label, not a count', () => {
    expect(counts('ketua KPPS TPS 07 dipukul pendukung paslon 02, dibawa ke puskesmas')).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('reads the Madurese "mate" as died, and a cause in the clause before as no trigger', () => {
    expect(counts('bentrok gara2 utang, 2 oreng mate')).toEqual([null, 2, null]);
    expect(counts('stlh 2 warga meninggal mendadak, warga tuduh dukun')).toEqual([null, null, null]);
  });

  it('reads a blow that hit a part of the body as an injury', () => {
    expect(counts('seorang tukang parkir kena di kepala waktu massa lempar batu')).toEqual([1, null, null]);
  });

  it('counts the people violence was done to when the message names no other harm', () => {
    expect(counts('tiga pedagang dikeroyok preman pasar td pagi')).toEqual([3, null, null]);
    // nor when the message says nobody was hurt
    expect(counts('dua warga dikeroyok preman, tidak ada korban')).toEqual([0, 0, null]);
    expect(counts('dua warga dikeroyok preman, tdk ada yg luka')).toEqual([0, null, null]);
    // violence threatened hurt nobody yet
    expect(counts('preman ancam 3 pedagang mau dikeroyok kalau tdk bayar')).toEqual([null, null, null]);
  });
});

describe('the counts of people harmed, news pass', () => {
  it('reads "kepala keluarga" written out as a number of families, not of people', () => {
    expect(counts('sebanyak 12 kepala keluarga mengungsi ke rumah kerabat')).toEqual([null, null, null]);
    expect(counts('sebanyak 12 warga mengungsi ke rumah kerabat')).toEqual([null, null, 12]);
  });

  it('reads the one named after "salah satunya" as a part of the count before it', () => {
    expect(counts('tiga warga, salah satunya seorang ibu hamil, terjatuh saat didorong')).toEqual([
      3,
      null,
      null,
    ]);
  });

  it('adds a counted person of a three-word noun joined by "dan" to the next count', () => {
    expect(counts('seorang tukang ojek pangkalan dan dua pengemudi ojol terluka')).toEqual([3, null, null]);
    // a state of the first person between them ends it
    expect(counts('seorang ibu hamil pingsan dan dua lansia terjatuh')).toEqual([2, null, null]);
  });

  it('does not read the wound of one who died as one injured', () => {
    expect(counts('seorang pria berinisial MS (45) tewas dengan luka bacok di sekujur tubuh')).toEqual([
      null,
      1,
      null,
    ]);
  });
});
