// Which pages each role has, in menu order. The server still decides what each role may do;
// this table only decides what the menu shows.
import type { MessageKey } from '../shared/i18n.ts';
import type { Role } from '../shared/users.ts';

/** A page of the signed-in app: its path, menu label and what it is for. */
export type RouteInfo = { path: string; label: MessageKey; purpose: MessageKey };

/** Every menu page, keyed by route id. */
export const ROUTES = {
  lapor: { path: '/lapor', label: 'nav.lapor', purpose: 'purpose.lapor' },
  tugas: { path: '/tugas', label: 'nav.tugas', purpose: 'purpose.tugas' },
  kotakKeluar: { path: '/kotak-keluar', label: 'nav.kotakKeluar', purpose: 'purpose.kotakKeluar' },
  kotakMasuk: { path: '/kotak-masuk', label: 'nav.kotakMasuk', purpose: 'purpose.kotakMasuk' },
  kasus: { path: '/kasus', label: 'nav.kasus', purpose: 'purpose.kasus' },
  pilar: { path: '/pilar', label: 'nav.pilar', purpose: 'purpose.pilar' },
  dasbor: { path: '/dasbor', label: 'nav.dasbor', purpose: 'purpose.dasbor' },
  evaluasi: { path: '/evaluasi', label: 'nav.evaluasi', purpose: 'purpose.evaluasi' },
  peringatanDini: {
    path: '/peringatan-dini',
    label: 'nav.peringatanDini',
    purpose: 'purpose.peringatanDini',
  },
  lokakarya: { path: '/lokakarya', label: 'nav.lokakarya', purpose: 'purpose.lokakarya' },
  praktikBaik: { path: '/praktik-baik', label: 'nav.praktikBaik', purpose: 'purpose.praktikBaik' },
  disposisi: { path: '/disposisi', label: 'nav.disposisi', purpose: 'purpose.disposisi' },
  pengguna: { path: '/pengguna', label: 'nav.pengguna', purpose: 'purpose.pengguna' },
  wilayah: { path: '/wilayah', label: 'nav.wilayah', purpose: 'purpose.wilayah' },
  pengaturan: { path: '/pengaturan', label: 'nav.pengaturan', purpose: 'purpose.pengaturan' },
  webhook: { path: '/webhook', label: 'nav.webhook', purpose: 'purpose.webhook' },
} as const satisfies Record<string, RouteInfo>;

export type RouteId = keyof typeof ROUTES;

/** The change-password page every role has, linked from the header rather than the menu. */
export const ACCOUNT_PATH = '/akun';

/** One menu entry: the route and the role's next steps there. */
export type MenuItem = { route: RouteId; steps: MessageKey };

/** The menu of each role, in order; its first page is where the role lands after signing in. */
export const MENUS = {
  relawan: [
    { route: 'lapor', steps: 'steps.relawan.lapor' },
    { route: 'tugas', steps: 'steps.relawan.tugas' },
    { route: 'kotakKeluar', steps: 'steps.relawan.kotakKeluar' },
    { route: 'praktikBaik', steps: 'steps.praktikBaik' },
  ],
  operator: [
    { route: 'kotakMasuk', steps: 'steps.operator.kotakMasuk' },
    { route: 'kasus', steps: 'steps.operator.kasus' },
    { route: 'pilar', steps: 'steps.operator.pilar' },
    { route: 'dasbor', steps: 'steps.operator.dasbor' },
    { route: 'peringatanDini', steps: 'steps.operator.peringatanDini' },
    { route: 'evaluasi', steps: 'steps.koordinator.evaluasi' },
    { route: 'lokakarya', steps: 'steps.lokakarya' },
    { route: 'praktikBaik', steps: 'steps.praktikBaik' },
    // Operators report from the field too (a call from a village head): the same form and outbox.
    { route: 'lapor', steps: 'steps.relawan.lapor' },
    { route: 'kotakKeluar', steps: 'steps.relawan.kotakKeluar' },
  ],
  koordinator: [
    { route: 'dasbor', steps: 'steps.koordinator.dasbor' },
    { route: 'kotakMasuk', steps: 'op.steps.koordinator.kotakMasuk' },
    { route: 'kasus', steps: 'steps.koordinator.kasus' },
    { route: 'peringatanDini', steps: 'steps.operator.peringatanDini' },
    { route: 'evaluasi', steps: 'steps.koordinator.evaluasi' },
    { route: 'lokakarya', steps: 'steps.lokakarya' },
    { route: 'praktikBaik', steps: 'steps.praktikBaik' },
  ],
  provinsi: [
    { route: 'dasbor', steps: 'steps.provinsi.dasbor' },
    { route: 'kotakMasuk', steps: 'op.steps.provinsi.kotakMasuk' },
    { route: 'kasus', steps: 'op.steps.provinsi.kasus' },
    { route: 'peringatanDini', steps: 'steps.provinsi.peringatanDini' },
    { route: 'evaluasi', steps: 'steps.provinsi.evaluasi' },
    { route: 'lokakarya', steps: 'steps.lokakarya' },
    { route: 'praktikBaik', steps: 'steps.praktikBaik' },
  ],
  mitra: [{ route: 'disposisi', steps: 'steps.mitra.disposisi' }],
  admin: [
    { route: 'pengguna', steps: 'steps.admin.pengguna' },
    { route: 'wilayah', steps: 'steps.admin.wilayah' },
    { route: 'pengaturan', steps: 'steps.admin.pengaturan' },
    { route: 'webhook', steps: 'steps.admin.webhook' },
  ],
} as const satisfies Record<Role, readonly MenuItem[]>;

/** The menu entry of `role` at `path`, if the role has that page. */
export function findMenuItem(role: Role, path: string): MenuItem | undefined {
  return (MENUS[role] as readonly MenuItem[]).find((item) => ROUTES[item.route].path === path);
}

/** Where a role lands after signing in: the first page of its menu. */
export function homePathOf(role: Role): string {
  return ROUTES[MENUS[role][0].route].path;
}
