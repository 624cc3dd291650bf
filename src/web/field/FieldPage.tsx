import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SignedInUser } from '../api.ts';
import { useDocumentTitle } from '../Frame.tsx';
import { useT } from '../lang.ts';
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

const loaded = new Map<FieldRoute, FieldPageComponent>([['lapor', ReportPage]]);

/** A field page: its heading at once (for focus and the tab title), its body once its chunk has loaded. */
export function FieldPage(props: { route: FieldRoute; me: SignedInUser }) {
  const t = useT();
  const heading = t(ROUTES[props.route].label);
  useDocumentTitle(heading);
  const [Page, setPage] = useState<FieldPageComponent | undefined>(() => loaded.get(props.route));
  const [hasFailed, setFailed] = useState(false);

  useEffect(() => {
    const ready = loaded.get(props.route);
    setPage(() => ready);
    setFailed(false);
    if (ready) return;
    let isCurrent = true;
    LOADERS[props.route]()
      .then((component) => {
        loaded.set(props.route, component);
        if (isCurrent) setPage(() => component);
      })
      .catch(() => {
        if (isCurrent) setFailed(true);
      });
    return () => {
      isCurrent = false;
    };
  }, [props.route]);

  return (
    <article class={`page field-page field-${props.route}`}>
      <h1 tabIndex={-1}>{heading}</h1>
      {Page ? (
        <Page me={props.me} />
      ) : hasFailed ? (
        // A chunk that cannot load means a newer version replaced this one: loading the page again fixes it.
        <div role="alert" class="alert-region">
          <p class="message message-error">{t('field.page.loadFailed')}</p>
          <button type="button" class="button button-primary" onClick={() => location.reload()}>
            {t('common.retry')}
          </button>
        </div>
      ) : (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      )}
    </article>
  );
}
