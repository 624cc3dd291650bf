import { describe, expect, it } from 'vitest';
import { makeDoc } from './doc.ts';
import { readKind } from './kind.ts';

const kind = (text: string) => readKind(makeDoc(text)).value;

describe('what happened and what did not: the kind of a message', () => {
  it('finds a verb of violence in any affixed form, Indonesian or Javanese', () => {
    expect(kind('pembubaran paksa kebaktian di rumah warga oleh sekelompok ormas, jemaat ketakutan')).toBe(
      'kejadian',
    );
    expect(kind('pesilat 2 perguruan saling serang di pertigaan semalam')).toBe('kejadian');
    expect(kind('seorang pemuda kepukul kayu waktu melerai, kepalanya bocor')).toBe('kejadian');
    expect(kind('pemuda rong kampung gelut neng lapangan, wong telu tatu kenek watu')).toBe('kejadian');
  });

  it('reads a plan or a wish as a signal, however far the plan word stands from the verb', () => {
    expect(kind('warga berencana menggeruduk kantor desa besok pagi, menuntut kades mundur')).toBe('sinyal');
    expect(
      kind('ada wacana warga 3 dusun memblokade jalan tambang mulai senin kalau tuntutan tdk dipenuhi'),
    ).toBe('sinyal');
    expect(kind('massa 2 perguruan nyaris bentrok di alun2, berhasil dihalau polisi')).toBe('sinyal');
  });

  it('does not read "rencana" after a word of refusal as a plan', () => {
    expect(kind('warga yg menolak rencana tambang pasir memblokir jalan desa sejak pagi')).toBe('kejadian');
  });

  it('ends the reach of a negation at a cause or a next step, and at the word it governs', () => {
    expect(kind('truk tambang tdk bisa lewat krn jalan diblokir warga')).toBe('kejadian');
    expect(kind('keluarga korban yg tidak terima langsung mendatangi rumah pelaku & merusak pintunya')).toBe(
      'kejadian',
    );
    expect(kind('bbrp org tak dikenal merusak makam leluhur warga adat tadi malam')).toBe('kejadian');
    expect(kind('sempat adu mulut antara pendukung 2 calon kades, tp tidak sampai bentrok')).toBe('sinyal');
    expect(
      kind('tdk ada pemukulan, cuma adu mulut antara sopir angkot & driver ojol, sdh dipisah petugas'),
    ).toBe('sinyal');
  });

  it('reads the content of a rumour as a rumour', () => {
    expect(
      kind('beredar kabar di grup WA ada pesilat dibacok pemuda di pasar. sdh dicek ternyata hoaks'),
    ).toBe('sinyal');
    expect(kind('info dr warga, semalam terjadi pembacokan gara2 utang, 1 org luka parah')).toBe('kejadian');
  });

  it('reads an incident dated in the past after its verb as the reason for worry', () => {
    expect(
      kind('bentrok di jembatan 2 bulan lalu blm tuntas, pemuda 2 kampung saling tantang lagi di IG'),
    ).toBe('sinyal');
    expect(kind('warga msh trauma dgn bentrok dgn pihak perkebunan thn 2019, skrg patok baru dipasang')).toBe(
      'sinyal',
    );
  });

  it('does not read a cut in aid as a physical event by itself', () => {
    expect(kind('warga berencana demo besok, menuntut kades mundur krn BLT dipotong')).toBe('sinyal');
  });

  it('reads a truck held back or a road closed in the news spelling "diadang" as something that happened', () => {
    expect(kind('warga menolak proyek galian, sempat menahan truk pengangkut sampai sore')).toBe('kejadian');
    expect(kind('rombongan suporter diadang pemuda di jalan raya semalam')).toBe('kejadian');
    expect(kind('ketua perguruan minta anggotanya menahan diri dan tdk terpancing')).toBe('sinyal');
  });

  it('reads a clash that was prevented, or only could happen, as not having happened', () => {
    expect(kind('massa dua kelompok disekat aparat sehingga bentrokan dapat dicegah')).toBe('sinyal');
    expect(kind('polisi memantau ajakan di medsos yg berpotensi memicu bentrokan')).toBe('sinyal');
    expect(kind('patroli digelar untuk mengantisipasi tawuran saat sahur')).toBe('sinyal');
  });

  it('reads what people are asked to do, and a rumour said to be untrue, as not having happened', () => {
    expect(kind('warga di sepanjang jalur diminta menutup warung lebih awal malam ini')).toBe('sinyal');
    expect(kind('beredar kabar pemuda dianiaya, polisi memastikan kabar itu tidak benar')).toBe('sinyal');
  });

  it('reads a fight in the comments or a chat group as words, not a physical event', () => {
    expect(kind('pendukung calon ngamuk di kolom komentar, saling tuduh beli suara')).toBe('sinyal');
    expect(kind('pendukung calon ngamuk di balai desa, kursi dibanting')).toBe('kejadian');
  });
});

describe('what did not happen, fourth pass', () => {
  it('reads what was dispersed "before" a clash, and the clash itself, as not having happened', () => {
    expect(kind('massa 2 kampung sdh bawa pentungan, tp dibubarkan polisi sblm bentrok')).toBe('sinyal');
    expect(kind('pemuda 2 desa kumpul di jembatan, dilerai tokoh masyarakat sebelum tawuran')).toBe('sinyal');
    expect(kind('td malam 2 geng sdh kumpul, massa bubar sblm ada yg tawuran')).toBe('sinyal');
    // dispersal with nothing "before" it is still an event
    expect(kind('perang sarung remaja dibubarkan warga, 4 remaja diamankan')).toBe('kejadian');
  });

  it('reads a sentence opening with a time long past as an old incident recalled', () => {
    expect(
      kind(
        'thn lalu waktu sedekah bumi ada carok di dusun ini, 2 org tewas. tahun ini acaranya digelar lagi, warga was2',
      ),
    ).toBe('sinyal');
    expect(kind('dulu pernah ada pembakaran rumah di sini, skrg sengketa tanahnya muncul lagi')).toBe(
      'sinyal',
    );
    expect(kind('semalam rumah kades dilempari batu, kaca pecah')).toBe('kejadian');
  });

  it('does not take a death by illness or an accident for an event of the conflict', () => {
    expect(kind('stlh 3 sapi & 1 warga mati mendadak, warga tuduh tetangganya pakai santet')).toBe('sinyal');
    expect(kind('seorang pengendara tewas tertabrak bus, keluarganya minta sopir dihukum berat')).toBe(
      'sinyal',
    );
  });

  it('reads a demand or an ultimatum as a sign, with everything it names in its clause', () => {
    expect(
      kind(
        'keluarga korban beri waktu 2 hari ke polsek menangkap pelaku pembacokan, kalau tdk mau cari sendiri',
      ),
    ).toBe('sinyal');
    expect(kind('ormas mendesak bupati membongkar bangunan tempat ibadah itu minggu ini')).toBe('sinyal');
  });

  it('knows the informal forms of threatening, closing and sealing', () => {
    expect(kind('pemuda kampung ngancam bakar gudang pengepul kalau harga tdk naik')).toBe('sinyal');
    expect(kind('petani nutup pintu air irigasi pake karung pasir sejak subuh')).toBe('kejadian');
    expect(kind('pendukung calon nyegel kantor desa pake gembok & rantai')).toBe('kejadian');
  });

  it('reads a wall or a fence put up across a way as a dispute over access, not a blockade', () => {
    expect(kind('ahli waris nutup jalan setapak pake pagar bambu permanen, tetangga gak bisa lewat')).toBe(
      'sinyal',
    );
    expect(kind('warga nutup jalan proyek pake batu & kayu, alat berat gak bisa masuk')).toBe('kejadian');
  });
});

describe('what did not happen, fifth pass', () => {
  it('reads "wilayah tangkap" as a fishing ground, not an arrest', () => {
    expect(kind('nelayan 2 dusun saling larang masuk wilayah tangkap masing2')).toBe('sinyal');
    expect(kind('polisi tangkap 3 pemuda yg bakar perahu nelayan')).toBe('kejadian');
  });

  it('reads "belum ada kontak fisik" as nothing physical, like "tidak ada"', () => {
    expect(kind('ada keributan 2 kelompok pemuda di lapangan, belum ada kontak fisik')).toBe('sinyal');
    expect(kind('ada keributan 2 kelompok pemuda di lapangan, 1 org luka')).toBe('kejadian');
  });

  it('reads a plan or a proposal refused as words, not people turned back', () => {
    expect(kind('usulan pendirian tower di lahan makam ditolak warga dlm rapat desa')).toBe('sinyal');
    expect(kind('rombongan konvoi ditolak warga di gapura desa, sempat saling dorong')).toBe('kejadian');
  });

  it('reads a dispute closed with a signed record as a settled incident', () => {
    expect(
      kind('warga 2 dusun yg ribut soal jalan akhirnya tanda tangan berita acara di kantor kecamatan'),
    ).toBe('kejadian');
  });

  it('reads things carried off and people chased as something that happened', () => {
    expect(kind('kotak suara dibawa kabur pendukung calon, petugas dikejar2')).toBe('kejadian');
    expect(kind('pedagang dikejar utang rentenir, keluarganya resah')).toBe('sinyal');
  });
});

describe('what happened without violence, fifth pass', () => {
  it('reads an eviction, an occupation, land taken or crops pulled up as something that happened', () => {
    expect(kind('penggusuran rumah2 di bantaran kali td pagi, 12 keluarga kehilangan tempat tinggal')).toBe(
      'kejadian',
    );
    expect(kind('pendukung caleg duduki kantor kecamatan sejak pagi')).toBe('kejadian');
    expect(kind('dua keluarga saling serobot tegalan, jagungnya dicabuti')).toBe('kejadian');
    expect(kind('warga tolak rencana penggusuran pasar tahun depan')).toBe('sinyal');
  });

  it('knows "sempet" and a scuffle by the collar', () => {
    expect(kind('juru parkir & sopir sempet tarik2an kerah di depan toko')).toBe('kejadian');
  });

  it('reads a plan refused as words however long its subject, and a fight agreed on as a plan', () => {
    expect(kind('rencana pembangunan tower di lahan bekas lapangan desa dekat sekolah ditolak warga')).toBe(
      'sinyal',
    );
    expect(kind('dua geng janjian tawuran di jembatan lewat DM instagram')).toBe('sinyal');
  });

  it('reads what someone is accused of as an accusation, up to the next step', () => {
    expect(kind('petani dituduh membakar gudang perkebunan, dilaporkan ke polisi')).toBe('sinyal');
    expect(kind('pemuda dituduh maling lalu dikeroyok warga')).toBe('kejadian');
  });

  it('reads a protest at a place and a fence pulled down by force as something that happened', () => {
    expect(kind('kantor kepala desa didemo warga soal dana desa')).toBe('kejadian');
    expect(kind('warga bongkar paksa portal pengembang di jalan kampung')).toBe('kejadian');
  });

  it('reads people held apart after a near clash or a threat as nothing having happened', () => {
    expect(kind('2 geng nyaris bentrok di pasar malam, berhasil dilerai warga')).toBe('sinyal');
    expect(kind('dua pemuda saling ancam di warung, dilerai pemilik warung')).toBe('sinyal');
    // a fight that was broken up did happen
    expect(kind('dua pemuda berkelahi di warung, dilerai pemilik warung')).toBe('kejadian');
  });

  it('reads a settlement still to come as no settlement', () => {
    expect(kind('2 kampung saling tantang di medsos, bsk mau diselesaikan di lapangan')).toBe('sinyal');
  });

  it('ends a rumour at a later clause that says its own event was done', () => {
    expect(kind('ada isu maling anak di kampung, warga jaga malam, seorang pemulung sempat dihadang')).toBe(
      'kejadian',
    );
    expect(kind('beredar isu rumah kades mau dibakar, warga jaga malam')).toBe('sinyal');
  });

  it('reads a raid and a parade of shame as something that happened', () => {
    expect(kind('warga gerebek kos2an yg dicurigai, penghuninya diarak keliling kampung')).toBe('kejadian');
  });

  it('reads banners damaged as tension however far the verb stands from them', () => {
    expect(kind('baliho calon bupati di sepanjang jalan raya menuju pasar dirusak OTK')).toBe('sinyal');
  });
});
