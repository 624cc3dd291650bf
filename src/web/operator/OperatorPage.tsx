// The office pages (inbox, cases, dashboard, partner dispositions, administration): which path shows which
// page, and each page loaded as its own chunk so the field report page stays small.
import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import type { Role } from '../../shared/users.ts';
import type { SignedInUser } from '../api.ts';
import { TitledPage } from '../Frame.tsx';
import { useT } from '../lang.ts';
import { lazyPages } from '../lazy-page.tsx';
import { findMenuItem, MENUS, type MenuItem, ROUTES, type RouteId } from '../nav.ts';
import { HeadingContext } from './heading.ts';

/** What every office page receives: who is signed in, and the id in the path (a case page). */
export type OperatorPageProps = { me: SignedInUser; param?: string };
type PageComponent = ComponentType<OperatorPageProps>;

const LOADERS = {
  inbox: () => import('./InboxPage.tsx').then((module) => module.InboxPage),
  cases: () => import('./CasesPage.tsx').then((module) => module.CasesPage),
  case: () => import('./CasePage.tsx').then((module) => module.CasePage),
  dashboard: () => import('./DashboardPage.tsx').then((module) => module.DashboardPage),
  dispositions: () => import('./DispositionsPage.tsx').then((module) => module.DispositionsPage),
  pillars: () => import('./PillarsPage.tsx').then((module) => module.PillarsPage),
  users: () => import('./admin/UsersPage.tsx').then((module) => module.UsersPage),
  regions: () => import('./admin/RegionsPage.tsx').then((module) => module.RegionsPage),
  settings: () => import('./admin/SettingsPage.tsx').then((module) => module.SettingsPage),
  backups: () => import('./admin/BackupsPage.tsx').then((module) => module.BackupsPage),
  earlyWarning: () =>
    import('../early-warning/EarlyWarningPage.tsx').then((module) => module.EarlyWarningPage),
  webhooks: () => import('../early-warning/WebhooksPage.tsx').then((module) => module.WebhooksPage),
  workshops: () => import('../learning/WorkshopsPage.tsx').then((module) => module.WorkshopsPage),
  lessons: () => import('../learning/LessonsPage.tsx').then((module) => module.LessonsPage),
  odk: () => import('./admin/OdkDevicesPage.tsx').then((module) => module.OdkDevicesPage),
  queue: () => import('./QueuePage.tsx').then((module) => module.QueuePage),
  privacy: () => import('../privacy/PrivacyPage.tsx').then((module) => module.PrivacyPage),
  provocation: () => import('../provocation/ProvocationPage.tsx').then((module) => module.ProvocationPage),
  history: () => import('./HistoryImportPage.tsx').then((module) => module.HistoryImportPage),
} satisfies Record<string, () => Promise<PageComponent>>;

type OperatorPageId = keyof typeof LOADERS;

const PAGE_OF_ROUTE: Partial<Record<RouteId, OperatorPageId>> = {
  kotakMasuk: 'inbox',
  kasus: 'cases',
  pilar: 'pillars',
  dasbor: 'dashboard',
  disposisi: 'dispositions',
  pengguna: 'users',
  wilayah: 'regions',
  pengaturan: 'settings',
  cadangan: 'backups',
  peringatanDini: 'earlyWarning',
  webhook: 'webhooks',
  lokakarya: 'workshops',
  praktikBaik: 'lessons',
  konten: 'provocation',
  odk: 'odk',
  belumDitempatkan: 'queue',
  privasi: 'privacy',
  imporRiwayat: 'history',
};

/** An office page at a path: the page, its menu route, and the id in the path. */
export type OperatorMatch = { page: OperatorPageId; route: RouteId; param?: string };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Pages of one record (`/kasus/<id>`): shown to whoever has the menu route of the same name. */
const RECORD_ROUTES: readonly { route: RouteId; page: OperatorPageId }[] = [
  { route: 'kasus', page: 'case' },
  { route: 'pilar', page: 'pillars' },
  { route: 'lokakarya', page: 'workshops' },
  { route: 'praktikBaik', page: 'lessons' },
  { route: 'konten', page: 'provocation' },
];

/**
 * The office page `role` has at `path`, if any; a record's page (a case, a pillar, a workshop, a lesson)
 * belongs to whoever has the menu route it sits under.
 */
export function matchOperatorPage(role: Role, path: string): OperatorMatch | undefined {
  const item = findMenuItem(role, path);
  const page = item && PAGE_OF_ROUTE[item.route];
  if (item && page) return { page, route: item.route };
  const has = (route: RouteId) => (MENUS[role] as readonly MenuItem[]).some((entry) => entry.route === route);
  for (const record of RECORD_ROUTES) {
    const id = new RegExp(`^${ROUTES[record.route].path}/(${UUID})$`).exec(path)?.[1];
    if (id && has(record.route)) return { page: record.page, route: record.route, param: id };
  }
  return undefined;
}

/** The path of a case page. */
export function casePath(caseId: string): string {
  return `/kasus/${caseId}`;
}

// The office pages' messages come with the first of them (see src/shared/messages/office.ts).
const OfficeBody = lazyPages(LOADERS, { alongside: () => import('../../shared/messages/office.ts') });

/** An office page: its heading at once (focus and tab title), its body once its chunk has loaded. */
export function OperatorPage(props: { match: OperatorMatch; me: SignedInUser }) {
  const { match } = props;
  const t = useT();
  const [heading, setHeading] = useState<string | undefined>();
  return (
    <TitledPage heading={heading ?? t(ROUTES[match.route].label)} class={`op-page op-page-${match.page}`}>
      <HeadingContext.Provider value={setHeading}>
        <OfficeBody
          page={match.page}
          failure="op.page.loadFailed"
          pageProps={{ me: props.me, param: match.param }}
        />
      </HeadingContext.Provider>
    </TitledPage>
  );
}
