import { describe, expect, it } from 'vitest';
import type { ReportKind } from '../reports/report-schema.ts';
import { makeDoc } from './doc.ts';
import { readKind } from './kind.ts';

/** A message and the kind it must read as. */
type Reading = readonly [text: string, kind: ReportKind];

const kind = (text: string) => readKind(makeDoc(text)).value;

/** Each pass over the reader, with each of its rules and the messages that show it. */
const PASSES: Record<string, Record<string, readonly Reading[]>> = {
  'what happened and what did not: the kind of a message': {
    'finds a verb of violence in any affixed form, Indonesian or Javanese': [
      ['pembubaran paksa kebaktian di rumah warga oleh sekelompok ormas, jemaat ketakutan', 'kejadian'],
      ['pesilat 2 perguruan saling serang di pertigaan semalam', 'kejadian'],
      ['seorang pemuda kepukul kayu waktu melerai, kepalanya bocor', 'kejadian'],
      ['pemuda rong kampung gelut neng lapangan, wong telu tatu kenek watu', 'kejadian'],
    ],
    'reads a plan or a wish as a signal, however far the plan word stands from the verb': [
      ['warga berencana menggeruduk kantor desa besok pagi, menuntut kades mundur', 'sinyal'],
      ['ada wacana warga 3 dusun memblokade jalan tambang mulai senin kalau tuntutan tdk dipenuhi', 'sinyal'],
      ['massa 2 perguruan nyaris bentrok di alun2, berhasil dihalau polisi', 'sinyal'],
    ],
    'does not read "rencana" after a word of refusal as a plan': [
      ['warga yg menolak rencana tambang pasir memblokir jalan desa sejak pagi', 'kejadian'],
    ],
    'ends the reach of a negation at a cause or a next step, and at the word it governs': [
      ['truk tambang tdk bisa lewat krn jalan diblokir warga', 'kejadian'],
      ['keluarga korban yg tidak terima langsung mendatangi rumah pelaku & merusak pintunya', 'kejadian'],
      ['bbrp org tak dikenal merusak makam leluhur warga adat tadi malam', 'kejadian'],
      ['sempat adu mulut antara pendukung 2 calon kades, tp tidak sampai bentrok', 'sinyal'],
      ['tdk ada pemukulan, cuma adu mulut antara sopir angkot & driver ojol, sdh dipisah petugas', 'sinyal'],
    ],
    'reads the content of a rumour as a rumour': [
      ['beredar kabar di grup WA ada pesilat dibacok pemuda di pasar. sdh dicek ternyata hoaks', 'sinyal'],
      ['info dr warga, semalam terjadi pembacokan gara2 utang, 1 org luka parah', 'kejadian'],
    ],
    'reads an incident dated in the past after its verb as the reason for worry': [
      ['bentrok di jembatan 2 bulan lalu blm tuntas, pemuda 2 kampung saling tantang lagi di IG', 'sinyal'],
      ['warga msh trauma dgn bentrok dgn pihak perkebunan thn 2019, skrg patok baru dipasang', 'sinyal'],
    ],
    'does not read a cut in aid as a physical event by itself': [
      ['warga berencana demo besok, menuntut kades mundur krn BLT dipotong', 'sinyal'],
    ],
    'reads a truck held back or a road closed in the news spelling "diadang" as something that happened': [
      ['warga menolak proyek galian, sempat menahan truk pengangkut sampai sore', 'kejadian'],
      ['rombongan suporter diadang pemuda di jalan raya semalam', 'kejadian'],
      ['ketua perguruan minta anggotanya menahan diri dan tdk terpancing', 'sinyal'],
    ],
    'reads a clash that was prevented, or only could happen, as not having happened': [
      ['massa dua kelompok disekat aparat sehingga bentrokan dapat dicegah', 'sinyal'],
      ['polisi memantau ajakan di medsos yg berpotensi memicu bentrokan', 'sinyal'],
      ['patroli digelar untuk mengantisipasi tawuran saat sahur', 'sinyal'],
    ],
    'reads what people are asked to do, and a rumour said to be untrue, as not having happened': [
      ['warga di sepanjang jalur diminta menutup warung lebih awal malam ini', 'sinyal'],
      ['beredar kabar pemuda dianiaya, polisi memastikan kabar itu tidak benar', 'sinyal'],
    ],
    'reads a fight in the comments or a chat group as words, not a physical event': [
      ['pendukung calon ngamuk di kolom komentar, saling tuduh beli suara', 'sinyal'],
      ['pendukung calon ngamuk di balai desa, kursi dibanting', 'kejadian'],
    ],
  },
  'what did not happen, fourth pass': {
    'reads what was dispersed "before" a clash, and the clash itself, as not having happened': [
      ['massa 2 kampung sdh bawa pentungan, tp dibubarkan polisi sblm bentrok', 'sinyal'],
      ['pemuda 2 desa kumpul di jembatan, dilerai tokoh masyarakat sebelum tawuran', 'sinyal'],
      ['td malam 2 geng sdh kumpul, massa bubar sblm ada yg tawuran', 'sinyal'],
      // dispersal with nothing "before" it is still an event
      ['perang sarung remaja dibubarkan warga, 4 remaja diamankan', 'kejadian'],
    ],
    'reads a sentence opening with a time long past as an old incident recalled': [
      [
        'thn lalu waktu sedekah bumi ada carok di dusun ini, 2 org tewas. tahun ini acaranya digelar lagi, warga was2',
        'sinyal',
      ],
      ['dulu pernah ada pembakaran rumah di sini, skrg sengketa tanahnya muncul lagi', 'sinyal'],
      ['semalam rumah kades dilempari batu, kaca pecah', 'kejadian'],
    ],
    'does not take a death by illness or an accident for an event of the conflict': [
      ['stlh 3 sapi & 1 warga mati mendadak, warga tuduh tetangganya pakai santet', 'sinyal'],
      ['seorang pengendara tewas tertabrak bus, keluarganya minta sopir dihukum berat', 'sinyal'],
    ],
    'reads a demand or an ultimatum as a sign, with everything it names in its clause': [
      [
        'keluarga korban beri waktu 2 hari ke polsek menangkap pelaku pembacokan, kalau tdk mau cari sendiri',
        'sinyal',
      ],
      ['ormas mendesak bupati membongkar bangunan tempat ibadah itu minggu ini', 'sinyal'],
    ],
    'knows the informal forms of threatening, closing and sealing': [
      ['pemuda kampung ngancam bakar gudang pengepul kalau harga tdk naik', 'sinyal'],
      ['petani nutup pintu air irigasi pake karung pasir sejak subuh', 'kejadian'],
      ['pendukung calon nyegel kantor desa pake gembok & rantai', 'kejadian'],
    ],
    'reads a wall or a fence put up across a way as a dispute over access, not a blockade': [
      ['ahli waris nutup jalan setapak pake pagar bambu permanen, tetangga gak bisa lewat', 'sinyal'],
      ['warga nutup jalan proyek pake batu & kayu, alat berat gak bisa masuk', 'kejadian'],
    ],
  },
  'what did not happen, fifth pass': {
    'reads "wilayah tangkap" as a fishing ground, not an arrest': [
      ['nelayan 2 dusun saling larang masuk wilayah tangkap masing2', 'sinyal'],
      ['polisi tangkap 3 pemuda yg bakar perahu nelayan', 'kejadian'],
    ],
    'reads "belum ada kontak fisik" as nothing physical, like "tidak ada"': [
      ['ada keributan 2 kelompok pemuda di lapangan, belum ada kontak fisik', 'sinyal'],
      ['ada keributan 2 kelompok pemuda di lapangan, 1 org luka', 'kejadian'],
    ],
    'reads a plan or a proposal refused as words, not people turned back': [
      ['usulan pendirian tower di lahan makam ditolak warga dlm rapat desa', 'sinyal'],
      ['rombongan konvoi ditolak warga di gapura desa, sempat saling dorong', 'kejadian'],
    ],
    'reads a dispute closed with a signed record as a settled incident': [
      [
        'warga 2 dusun yg ribut soal jalan akhirnya tanda tangan berita acara di kantor kecamatan',
        'kejadian',
      ],
    ],
    'reads things carried off and people chased as something that happened': [
      ['kotak suara dibawa kabur pendukung calon, petugas dikejar2', 'kejadian'],
      ['pedagang dikejar utang rentenir, keluarganya resah', 'sinyal'],
    ],
  },
  'what happened without violence, fifth pass': {
    'reads an eviction, an occupation, land taken or crops pulled up as something that happened': [
      ['penggusuran rumah2 di bantaran kali td pagi, 12 keluarga kehilangan tempat tinggal', 'kejadian'],
      ['pendukung caleg duduki kantor kecamatan sejak pagi', 'kejadian'],
      ['dua keluarga saling serobot tegalan, jagungnya dicabuti', 'kejadian'],
      ['warga tolak rencana penggusuran pasar tahun depan', 'sinyal'],
    ],
    'knows "sempet" and a scuffle by the collar': [
      ['juru parkir & sopir sempet tarik2an kerah di depan toko', 'kejadian'],
    ],
    'reads a plan refused as words however long its subject, and a fight agreed on as a plan': [
      ['rencana pembangunan tower di lahan bekas lapangan desa dekat sekolah ditolak warga', 'sinyal'],
      ['dua geng janjian tawuran di jembatan lewat DM instagram', 'sinyal'],
    ],
    'reads what someone is accused of as an accusation, up to the next step': [
      ['petani dituduh membakar gudang perkebunan, dilaporkan ke polisi', 'sinyal'],
      ['pemuda dituduh maling lalu dikeroyok warga', 'kejadian'],
    ],
    'reads a protest at a place and a fence pulled down by force as something that happened': [
      ['kantor kepala desa didemo warga soal dana desa', 'kejadian'],
      ['warga bongkar paksa portal pengembang di jalan kampung', 'kejadian'],
    ],
    'reads people held apart after a near clash or a threat as nothing having happened': [
      ['2 geng nyaris bentrok di pasar malam, berhasil dilerai warga', 'sinyal'],
      ['dua pemuda saling ancam di warung, dilerai pemilik warung', 'sinyal'],
      // a fight that was broken up did happen
      ['dua pemuda berkelahi di warung, dilerai pemilik warung', 'kejadian'],
    ],
    'reads a settlement still to come as no settlement': [
      ['2 kampung saling tantang di medsos, bsk mau diselesaikan di lapangan', 'sinyal'],
    ],
    'ends a rumour at a later clause that says its own event was done': [
      ['ada isu maling anak di kampung, warga jaga malam, seorang pemulung sempat dihadang', 'kejadian'],
      ['beredar isu rumah kades mau dibakar, warga jaga malam', 'sinyal'],
    ],
    'reads a raid and a parade of shame as something that happened': [
      ['warga gerebek kos2an yg dicurigai, penghuninya diarak keliling kampung', 'kejadian'],
    ],
    'reads banners damaged as tension however far the verb stands from them': [
      ['baliho calon bupati di sepanjang jalan raya menuju pasar dirusak OTK', 'sinyal'],
    ],
  },
};

for (const [pass, rules] of Object.entries(PASSES)) {
  describe(pass, () => {
    it.each(Object.entries(rules))('%s', (_rule, readings) => {
      for (const [text, expected] of readings) expect(kind(text), text).toBe(expected);
    });
  });
}
