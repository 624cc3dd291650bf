import type { ComponentType } from 'preact';
import type { SignedInUser } from '../api.ts';
import { TitledPage } from '../Frame.tsx';
import { useT } from '../lang.ts';
import { lazyPages } from '../lazy-page.tsx';
import { ROUTES } from '../nav.ts';

import { ReportPage } from './ReportPage.tsx';

type FieldPageComponent = ComponentType<{ me: SignedInUser }>;

/**
 * The field pages. The report page is part of the app's first script: on a slow network a phone gets the
 * form with the scripts it loads anyway, not one round trip later (bench/slow-3g.ts). The others are chunks.
 */
const LOADERS = {
  lapor: () => Promise.resolve(ReportPage),
  tugas: () => import('./TasksPage.tsx').then((module) => module.TasksPage),
  kotakKeluar: () => import('./OutboxPage.tsx').then((module) => module.OutboxPage),
} satisfies Record<string, () => Promise<FieldPageComponent>>;

/** A route id that has a field page. */
export type FieldRoute = keyof typeof LOADERS;

/** True when the route is one of the field pages (Lapor, Tugas saya, Kotak keluar). */
export function isFieldRoute(route: string): route is FieldRoute {
  return route in LOADERS;
}

const FieldBody = lazyPages(LOADERS, { ready: { lapor: ReportPage } });

/** A field page: its heading at once (for focus and the tab title), its body once its chunk has loaded. */
export function FieldPage(props: { route: FieldRoute; me: SignedInUser }) {
  const t = useT();
  return (
    <TitledPage heading={t(ROUTES[props.route].label)} class={`field-page field-${props.route}`}>
      <FieldBody page={props.route} failure="field.page.loadFailed" pageProps={{ me: props.me }} />
    </TitledPage>
  );
}
