import { describe, expect, it } from 'vitest';
import { readConflictType } from './classify.ts';
import { makeDoc } from './doc.ts';

const type = (text: string) => readConflictType(makeDoc(text)).value;

describe('the conflict type of a message', () => {
  it('reads a tawuran as "lainnya" unless perguruan or supporters fight it', () => {
    expect(type('tawuran pemuda antar kampung, korban luka 5 org')).toBe('lainnya');
    expect(type('pesilat pagar nusa dan psht tawuran di jalan raya, 4 org luka')).toBe(
      'antar_perguruan_silat',
    );
    expect(type('tawuran suporter usai laga di dekat stadion')).toBe('antar_suporter');
  });

  it('does not read a house of worship used as a shelter as a religious matter', () => {
    expect(
      type('puluhan warga mengungsi ke masjid setelah rumah mereka dilempari massa dr kampung sebelah'),
    ).toBe('antarwarga');
    expect(type('massa melempari masjid saat pengajian berlangsung')).toBe('sara_agama');
  });

  it('knows the words of faith a message may use', () => {
    expect(type('video penghinaan thd Nabi dr akun warga viral, massa mendatangi rumah pemilik akun')).toBe(
      'sara_agama',
    );
    expect(type('tujuh rumah warga penganut aliran kepercayaan dirusak massa')).toBe('sara_agama');
    expect(type('warga diminta tidak terpancing isu penyerangan pondok pesantren')).toBe('sara_agama');
  });

  it('reads pesilat attacked by local youths, in any passive form, as a perguruan against residents', () => {
    expect(
      type('rombongan pesilat yg pulang dr pengesahan dilempari batu oleh pemuda kampung, tiga pesilat luka'),
    ).toBe('perguruan_silat_vs_warga');
  });

  it('reads a quarrel of fishermen over their waters as a resource dispute, not an election', () => {
    expect(type('dua kubu nelayan ribut di perairan utara, satu perahu dirusak')).toBe('sengketa_lahan_sda');
  });

  it('reads a land quarrel over an inheritance between kin as a family feud', () => {
    expect(type('sengketa tanah warisan, adik kakak saling pukul di depan rumah')).toBe('antarwarga');
    expect(type('sengketa tanah dengan perusahaan perkebunan memanas')).toBe('sengketa_lahan_sda');
  });

  it('gives pesilat who fight the police, or beat an outsider, the perguruan-against-others type', () => {
    expect(type('ratusan pesilat bentrok dengan aparat di depan mapolres')).toBe('perguruan_silat_vs_warga');
    expect(type('seorang pelajar jadi korban pengeroyokan oleh oknum pesilat')).toBe(
      'perguruan_silat_vs_warga',
    );
    expect(type('anggota psht dikeroyok oleh pesilat lain di pertigaan')).toBe('antar_perguruan_silat');
  });

  it('reads a victim of an assault "dilakukan oknum pesilat" as an outsider, unless of another perguruan', () => {
    expect(type('korban pengeroyokan yang dilakukan oknum pesilat mengalami patah tulang')).toBe(
      'perguruan_silat_vs_warga',
    );
    expect(type('remaja korban penganiayaan yang dilakukan pesilat karena memakai kaus perguruan lain')).toBe(
      'antar_perguruan_silat',
    );
  });

  it('weighs most what the quarrel is said to be about', () => {
    expect(type('bentrok antar kampung semalam gara-gara rebutan air sumur, 3 luka')).toBe(
      'sengketa_lahan_sda',
    );
    expect(type('cekcok soal batas pekarangan antara dua tetangga, 1 org luka')).toBe('antarwarga');
  });
});

describe('the borders between conflict types, fourth pass', () => {
  it('does not read a meeting held in a mosque as a matter of religion', () => {
    expect(type('warga kumpul di masjid bahas tuduhan santet thd seorang janda')).toBe('antarwarga');
    expect(type('massa ormas berkumpul di depan gereja, menolak kebaktian natal')).toBe('sara_agama');
  });

  it('reads two desa claiming the same hamlet as a boundary quarrel', () => {
    expect(type('2 pemdes saling klaim dukuh di pinggir sungai, warga dukuh itu bingung ikut siapa')).toBe(
      'batas_wilayah',
    );
  });

  it('reads two families or two neighbourhoods at odds, and a mob against one person, as antarwarga', () => {
    expect(type('dua keluarga gegeran soal ayam yg masuk kebun, jendela rumah pecah dilempar')).toBe(
      'antarwarga',
    );
    expect(type('pemuda 3 RT saling ejek lalu ribut soal lapangan voli, 1 org luka')).toBe('antarwarga');
    expect(type('seorang nenek dipukuli cucunya sendiri krn tdk dikasih uang, memar di lengan')).toBe(
      'antarwarga',
    );
    expect(type('warga hajar pengemudi pikap yg nabrak anak kecil, mobilnya dibakar')).toBe('antarwarga');
  });

  it('reads a perguruan monument pulled down by residents as perguruan against residents', () => {
    expect(
      type(
        'tugu kecil perguruan di pinggir sawah dibongkar pemuda desa semalam, pengurus perguruan lapor polsek',
      ),
    ).toBe('perguruan_silat_vs_warga');
  });

  it('does not read vehicles queueing at a blockade as an aid queue', () => {
    expect(type('warga tutup akses ke lokasi tambang, truk2 antre sampai 1 km')).toBe('sengketa_lahan_sda');
    expect(type('antrean penerima BLT di balai desa ricuh, warga saling dorong')).toBe('lainnya');
  });
});

describe('the conflict type, fifth pass', () => {
  it('reads "perguruan sebelah" as another perguruan', () => {
    expect(type('anggota Pagar Nusa dikeroyok oknum perguruan sebelah di warung kopi')).toBe(
      'antar_perguruan_silat',
    );
  });

  it('reads residents who act against a perguruan as perguruan against residents', () => {
    expect(type('pemuda desa sweeping atribut perguruan di pos ronda, 2 pesilat luka')).toBe(
      'perguruan_silat_vs_warga',
    );
  });

  it("reads the border of a house or a yard as a neighbours' quarrel, not a boundary", () => {
    expect(type('tetangga di RT 05 ribut soal batas pagar rumah, satu bawa parang')).toBe('antarwarga');
  });

  it('reads two desa named side by side, or a desa that claims ground, as a boundary matter', () => {
    expect(type('warga ds. Sumberrejo & ds. Karangrejo saling klaim lapangan bola di ujung dusun')).toBe(
      'batas_wilayah',
    );
    expect(type('pedagang pasar dilarang buka lapak di lahan yg diklaim desa sebelah')).toBe('batas_wilayah');
  });

  it('reads an attack on a padepokan or a ranting post as one perguruan against another', () => {
    expect(type('katanya pendekar dr kampung sebelah mau nyerang padepokan malam ini, warga takut')).toBe(
      'antar_perguruan_silat',
    );
  });

  it('reads a developer or pollution as a land and resources matter, and fasting as a matter of faith', () => {
    expect(type('warga kampung demo ke pengembang perumahan yg nutup saluran')).toBe('sengketa_lahan_sda');
    expect(type('warga demo ke pabrik krn pencemaran sungai')).toBe('sengketa_lahan_sda');
    expect(type('ormas sweeping warung yg buka siang pas bulan puasa')).toBe('sara_agama');
  });

  it('reads waste from a factory and a claim to the ground as a land and resources matter', () => {
    expect(type('warga protes bau limbah pabrik tahu, demo di depan pabrik')).toBe('sengketa_lahan_sda');
    expect(type('pemuda yg main voli diusir orang yg ngaku punya tanahnya')).toBe('sengketa_lahan_sda');
  });
});

describe('the conflict type, news pass', () => {
  it("reads a pesilat beaten for wearing the perguruan's shirt while passing through as perguruan against residents", () => {
    expect(
      type('remaja kampung mengeroyok seorang pesilat karena korban memakai kaus perguruan saat melintas'),
    ).toBe('perguruan_silat_vs_warga');
    // another perguruan's shirt names the other side
    expect(type('pesilat menganiaya remaja yang memakai kaus perguruan lain saat melintas')).toBe(
      'antar_perguruan_silat',
    );
  });
});

describe('the conflict type, second news pass', () => {
  it('reads a border said to lie between families as their quarrel, not a boundary between desa', () => {
    expect(type('dua orang terluka, keributan dipicu sengketa batas sawah antarkeluarga')).toBe('antarwarga');
    expect(type('warga dua desa ribut soal batas sawah di perbatasan')).toBe('batas_wilayah');
  });

  it("reads a quarrel with a neighbour as a neighbours' feud whatever it is about", () => {
    expect(type('seorang pria membacok tetangganya dalam cekcok soal saluran air sawah')).toBe('antarwarga');
    expect(type('petani dua dusun rebutan saluran air irigasi, pintu air dirusak')).toBe(
      'sengketa_lahan_sda',
    );
  });
});
