// Which pages each role has, in menu order. The server still decides what each role may do;
// this table only decides what the menu shows.
import type { MessageKey } from '../shared/i18n.ts';
import type { Role } from '../shared/users.ts';

/** A page of the signed-in app: its path and menu label. */
export type RouteInfo = { path: string; label: MessageKey };

/** Every menu page, keyed by route id. */
export const ROUTES = {
  lapor: { path: '/lapor', label: 'nav.lapor' },
  tugas: { path: '/tugas', label: 'nav.tugas' },
  kotakKeluar: { path: '/kotak-keluar', label: 'nav.kotakKeluar' },
  kotakMasuk: { path: '/kotak-masuk', label: 'nav.kotakMasuk' },
  kasus: { path: '/kasus', label: 'nav.kasus' },
  pilar: { path: '/pilar', label: 'nav.pilar' },
  dasbor: { path: '/dasbor', label: 'nav.dasbor' },
  evaluasi: { path: '/evaluasi', label: 'nav.evaluasi' },
  peringatanDini: {
    path: '/peringatan-dini',
    label: 'nav.peringatanDini',
  },
  lokakarya: { path: '/lokakarya', label: 'nav.lokakarya' },
  praktikBaik: { path: '/praktik-baik', label: 'nav.praktikBaik' },
  konten: { path: '/konten-provokatif', label: 'nav.konten' },
  disposisi: { path: '/disposisi', label: 'nav.disposisi' },
  pengguna: { path: '/pengguna', label: 'nav.pengguna' },
  wilayah: { path: '/wilayah', label: 'nav.wilayah' },
  pengaturan: { path: '/pengaturan', label: 'nav.pengaturan' },
  cadangan: { path: '/cadangan', label: 'nav.cadangan' },
  webhook: { path: '/webhook', label: 'nav.webhook' },
  odk: { path: '/ponsel-odk', label: 'nav.odk' },
  belumDitempatkan: { path: '/belum-ditempatkan', label: 'nav.belumDitempatkan' },
  privasi: { path: '/pelindungan-data', label: 'nav.privasi' },
  imporRiwayat: { path: '/impor-riwayat', label: 'nav.imporRiwayat' },
} as const satisfies Record<string, RouteInfo>;

export type RouteId = keyof typeof ROUTES;

/** The change-password page every role has, linked from the header rather than the menu. */
export const ACCOUNT_PATH = '/akun';

/** One menu entry: the route. */
export type MenuItem = { route: RouteId };

/** The menu of each role, in order; its first page is where the role lands after signing in. */
export const MENUS = {
  relawan: [{ route: 'lapor' }, { route: 'tugas' }, { route: 'kotakKeluar' }, { route: 'praktikBaik' }],
  operator: [
    { route: 'kotakMasuk' },
    { route: 'kasus' },
    { route: 'pilar' },
    { route: 'dasbor' },
    { route: 'peringatanDini' },
    { route: 'konten' },
    { route: 'evaluasi' },
    { route: 'lokakarya' },
    { route: 'praktikBaik' },
    // Operators report from the field too (a call from a village head): the same form and outbox.
    { route: 'lapor' },
    { route: 'kotakKeluar' },
  ],
  koordinator: [
    { route: 'dasbor' },
    { route: 'kotakMasuk' },
    { route: 'belumDitempatkan' },
    { route: 'kasus' },
    { route: 'peringatanDini' },
    { route: 'konten' },
    { route: 'evaluasi' },
    { route: 'lokakarya' },
    { route: 'praktikBaik' },
  ],
  provinsi: [
    { route: 'dasbor' },
    { route: 'kotakMasuk' },
    { route: 'belumDitempatkan' },
    { route: 'kasus' },
    { route: 'peringatanDini' },
    { route: 'imporRiwayat' },
    { route: 'konten' },
    { route: 'evaluasi' },
    { route: 'lokakarya' },
    { route: 'praktikBaik' },
  ],
  mitra: [{ route: 'disposisi' }],
  admin: [
    { route: 'pengguna' },
    { route: 'wilayah' },
    { route: 'pengaturan' },
    { route: 'cadangan' },
    { route: 'peringatanDini' },
    { route: 'imporRiwayat' },
    { route: 'webhook' },
    { route: 'odk' },
    { route: 'privasi' },
  ],
  // The data protection officer reads people's data only through the privacy module.
  ppdp: [{ route: 'privasi' }],
} as const satisfies Record<Role, readonly MenuItem[]>;

/** The menu entry of `role` at `path`, if the role has that page. */
export function findMenuItem(role: Role, path: string): MenuItem | undefined {
  return (MENUS[role] as readonly MenuItem[]).find((item) => ROUTES[item.route].path === path);
}

/** Where a role lands after signing in: the first page of its menu. */
export function homePathOf(role: Role): string {
  return ROUTES[MENUS[role][0].route].path;
}
