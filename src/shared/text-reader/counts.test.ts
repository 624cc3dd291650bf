// The numbers of people harmed, each rule with its own short text.
import { describe, expect, it } from 'vitest';
import { readCounts } from './counts.ts';
import { makeDoc } from './doc.ts';

/** A message and the numbers it must read: injured, dead, displaced (null where it states none). */
type Reading = readonly [text: string, counts: readonly (number | null)[]];

const counts = (text: string) => {
  const c = readCounts(makeDoc(text));
  return [c.injured.value, c.dead.value, c.displaced.value];
};

/** Each pass over the reader, with each of its rules and the messages that show it. */
const PASSES: Record<string, Record<string, readonly Reading[]>> = {
  'counts of victims as messages write them': {
    'reads compound number words': [
      ['dua puluh lima warga mengungsi ke balai desa', [null, null, 25]],
      ['dua belas warga mengalami luka2 akibat bentrok', [12, null, null]],
      ['seratus dua puluh jiwa mengungsi', [null, null, 120]],
    ],
    'gives null for vague amounts and ranges': [
      ['puluhan warga mengungsi ke masjid', [null, null, null]],
      ['belasan org luka ringan, 2 di antaranya dirawat di RSUD', [null, null, null]],
      ['perkelahian pemuda habis orkes, 3-4 org luka kena botol', [null, null, null]],
    ],
    'takes the latest total when a count grows': [
      ['korban luka akibat bentrok di kec. Sampung bertambah menjadi tujuh orang', [7, null, null]],
      ['carok, korban meninggal bertambah jadi 2 stlh 1 korban luka meninggal di RS', [null, 2, null]],
    ],
    'adds up the parts of a count given by severity': [
      ['bentrok warga dgn penambang, 2 org luka berat dan 3 luka ringan', [5, null, null]],
    ],
    'reads deaths and injuries said without the usual words': [
      ['seorang pesilat kena tusuk, nyawanya tak tertolong di RSUD', [null, 1, null]],
      ['seorang sopir truk dihajar warga, korban babak belur', [1, null, null]],
      ['bentrok pekan lalu yg melukai enam orang', [6, null, null]],
      ['pengeroyokan 2 pemuda di depan minimarket. korban luka lebam', [2, null, null]],
      ['seorang kakek dianiaya tetangganya, korban skrg dirawat di puskesmas', [1, null, null]],
    ],
    'counts the victims, not the people arrested nor the crowd': [
      ['bentrok pemuda 2 kampung, sebelas orang diamankan polisi, tiga orang terluka', [3, null, null]],
      ['massa sekitar 300 org mendatangi kantor perusahaan, 2 satpam luka kena lemparan', [2, null, null]],
    ],
    'does not count fainting without violence done to the person as an injury': [
      ['seorang ibu hamil di dalam rumah syok & pingsan, dibawa ke puskesmas', [null, null, null]],
    ],
  },
  'the counts of people harmed, further rules': {
    'reads "keduanya" and "ketiganya" as numbers of the people just named': [
      ['dua pemuda berkelahi pakai celurit, keduanya luka parah', [2, null, null]],
      ['tiga warga dikeroyok, ketiganya luka memar', [3, null, null]],
    ],
    'adds numbers of people joined by "dan" before one word of harm': [
      ['lima warga dan dua petugas luka-luka kena lemparan', [7, null, null]],
      // a word of harm between them makes two counts
      ['seorang tewas dan tiga lainnya luka', [3, 1, null]],
    ],
    'adds a second person hurt in a contrast ("sementara seorang …")': [
      ['seorang sopir luka di kepala, sementara seorang penumpang terkena pecahan kaca', [2, null, null]],
    ],
    'counts a person and their kin named together as two': [
      ['seorang ibu dan anaknya terluka kena lemparan batu', [2, null, null]],
    ],
    'prefers a stated total to the first persons named': [
      ['seorang janda mengungsi ke rumah anaknya. kasun bilang total 9 orang mengungsi', [null, null, 9]],
    ],
    'does not count the wound that killed someone as an injured person': [
      ['satu korban tewas dengan luka tusuk di perut', [null, 1, null]],
    ],
    'reads being hit by glass or a thrown stone as an injury': [
      ['1 penumpang kena pecahan kaca bus', [1, null, null]],
      ['dua pengendara terkena lemparan batu', [2, null, null]],
    ],
    'reads people taken in elsewhere as displaced': [
      ['keluarga yg terdiri atas empat orang kini ditampung di rumah kades', [null, null, 4]],
    ],
    'reads "kena bacok" and people who fell as injured, but not one who died of the wound': [
      ['1 siswa kena bacok di punggung', [1, null, null]],
      ['jamaah berhamburan, 2 jamaah lansia jatuh', [2, null, null]],
      ['seorang pemuda kena tusuk, nyawanya tak tertolong di RSUD', [null, 1, null]],
    ],
  },
  'the counts of people harmed, fourth pass': {
    'reads "&" as "dan" when numbers of people add up': [
      ['2 satpam & 5 buruh luka2 saat ricuh di gerbang pabrik', [7, null, null]],
    ],
    'keeps the injured when the message says nobody died': [
      ['bentrok di dermaga, 4 nelayan luka, tdk ada korban jiwa', [4, 0, null]],
    ],
    'reads "satu dari tiga" as one, "satunya" as one, and "satu-satunya" as no number': [
      ['satu dari tiga pemuda yg dibacok meninggal di jalan, satunya lagi dirawat', [1, 1, null]],
      ['satu-satunya jembatan ditutup warga, 12 jiwa mengungsi', [null, null, 12]],
    ],
    'reads the number of people the violence was done to when only a weaker word follows': [
      ['wong telu dikeroyok pemuda kampung, saiki dirawat nang RS', [3, null, null]],
      // a perpetrator's number is not a victim's
      ['4 pemuda mengeroyok penjual sate, korbannya dirawat', [null, null, null]],
    ],
    'adds one person named by kin before a counted group': [
      ['rumahnya dibakar, istri & dua anaknya ditampung di rumah kades', [null, null, 3]],
    ],
    'does not take the number after a passive verb of violence, its doers, for victims': [
      ['penjual bakso dihajar 4 pemuda mabuk, penjualnya luka di pelipis', [null, null, null]],
      ['2 santri dipukuli oleh 5 org tak dikenal, keduanya luka', [2, null, null]],
    ],
    'reads "belum ada korban" as nobody hurt or dead yet': [
      ['massa saling dorong di depan balai desa, blm ada korban', [0, 0, null]],
    ],
    'states no number for a part beside a vague amount of the same harm': [
      ['belasan santri luka & seorang ustaz kritis', [null, null, null]],
      ['puluhan warga mengungsi, 2 org luka', [2, null, null]],
    ],
    'adds the victim named before a counted group of kin': [
      ['rumahnya dibakar, korban & 3 cucunya numpang di rumah kadus', [null, null, 4]],
    ],
    'does not count the harm of an old incident recalled at the start of a sentence': [
      ['tahun lalu bentrok di sini, 3 org luka. skrg suasana panas lagi', [null, null, null]],
    ],
    'does not count a death by illness or accident behind a quarrel': [
      ['seorang warga meninggal krn sakit, keluarganya nuduh tetangga nyantet', [null, null, null]],
    ],
  },
  'the counts of people harmed, fifth pass': {
    'reads a number after RT, TPS or paslon as a label, not a count': [
      ['ketua KPPS TPS 07 dipukul pendukung paslon 02, dibawa ke puskesmas', [null, null, null]],
    ],
    'reads the Madurese "mate" as died, and a cause in the clause before as no trigger': [
      ['bentrok gara2 utang, 2 oreng mate', [null, 2, null]],
      ['stlh 2 warga meninggal mendadak, warga tuduh dukun', [null, null, null]],
    ],
    'reads a blow that hit a part of the body as an injury': [
      ['seorang tukang parkir kena di kepala waktu massa lempar batu', [1, null, null]],
    ],
    'counts the people violence was done to when the message names no other harm': [
      ['tiga pedagang dikeroyok preman pasar td pagi', [3, null, null]],
      // nor when the message says nobody was hurt
      ['dua warga dikeroyok preman, tidak ada korban', [0, 0, null]],
      ['dua warga dikeroyok preman, tdk ada yg luka', [0, null, null]],
      // violence threatened hurt nobody yet
      ['preman ancam 3 pedagang mau dikeroyok kalau tdk bayar', [null, null, null]],
    ],
  },
  'the counts of people harmed, news pass': {
    'reads "kepala keluarga" written out as a number of families, not of people': [
      ['sebanyak 12 kepala keluarga mengungsi ke rumah kerabat', [null, null, null]],
      ['sebanyak 12 warga mengungsi ke rumah kerabat', [null, null, 12]],
    ],
    'reads the one named after "salah satunya" as a part of the count before it': [
      ['tiga warga, salah satunya seorang ibu hamil, terjatuh saat didorong', [3, null, null]],
    ],
    'adds a counted person of a three-word noun joined by "dan" to the next count': [
      ['seorang tukang ojek pangkalan dan dua pengemudi ojol terluka', [3, null, null]],
      // a state of the first person between them ends it
      ['seorang ibu hamil pingsan dan dua lansia terjatuh', [2, null, null]],
    ],
    'does not read the wound of one who died as one injured': [
      ['seorang pria berinisial MS (45) tewas dengan luka bacok di sekujur tubuh', [null, 1, null]],
    ],
  },
};

for (const [pass, rules] of Object.entries(PASSES)) {
  describe(pass, () => {
    it.each(Object.entries(rules))('%s', (_rule, readings) => {
      for (const [text, expected] of readings) expect(counts(text), text).toEqual(expected);
    });
  });
}
