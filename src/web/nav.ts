// Which pages each role has, in menu order. The server still decides what each role may do;
// this table only decides what the menu shows.
import type { MessageKey } from '../shared/i18n.ts';
import type { Role } from '../shared/users.ts';

/** A page of the signed-in app: its path and menu label. */
export type RouteInfo = { path: string; label: MessageKey };

/** Every menu page's path, keyed by route id; its menu label is `nav.<route id>`. */
const PATHS = {
  lapor: '/lapor',
  tugas: '/tugas',
  kotakKeluar: '/kotak-keluar',
  kotakMasuk: '/kotak-masuk',
  kasus: '/kasus',
  pilar: '/pilar',
  dasbor: '/dasbor',
  evaluasi: '/evaluasi',
  peringatanDini: '/peringatan-dini',
  lokakarya: '/lokakarya',
  praktikBaik: '/praktik-baik',
  konten: '/konten-provokatif',
  disposisi: '/disposisi',
  pengguna: '/pengguna',
  wilayah: '/wilayah',
  pengaturan: '/pengaturan',
  cadangan: '/cadangan',
  webhook: '/webhook',
  odk: '/ponsel-odk',
  belumDitempatkan: '/belum-ditempatkan',
  privasi: '/pelindungan-data',
  imporRiwayat: '/impor-riwayat',
} as const;

export type RouteId = keyof typeof PATHS;

/** A menu page of each route id: its path, and its label from the messages table (checked below). */
type Routes = { readonly [Id in RouteId]: { path: (typeof PATHS)[Id]; label: `nav.${Id}` } };

/** Every menu page, keyed by route id. */
export const ROUTES = Object.fromEntries(
  Object.entries(PATHS).map(([id, path]) => [id, { path, label: `nav.${id}` }]),
) as Routes satisfies Record<RouteId, RouteInfo>;

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
