// A page body that comes from its own chunk, so a field phone downloads only the pages it shows. Shared by
// the field pages, the office pages and the evaluation: the loading notice, the failure notice and the cache.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { MessageKey } from '../shared/i18n.ts';
import { useT } from './lang.ts';

type Loaders<Id extends string, Props> = Record<Id, () => Promise<ComponentType<Props>>>;

/**
 * The bodies of a group of pages, each loaded the first time it is shown and kept for the next time.
 * Each loader must call `import()` with a literal path, so Vite makes that page a chunk of its own. `ready`
 * holds pages already in the first script (the field report page: no round trip before its form), shown at
 * once. `alongside` is loaded with every page (the office messages table), a failure of it failing the page.
 * Returns the component showing one page's body: the page once loaded, until then a loading notice, and a
 * notice saying `failure` with a reload button if the chunk cannot load.
 */
export function lazyPages<Id extends string, Props extends object>(
  loaders: Loaders<Id, Props>,
  options: { ready?: Partial<Record<Id, ComponentType<Props>>>; alongside?: () => Promise<unknown> } = {},
) {
  const loaded = new Map(Object.entries(options.ready ?? {}) as [Id, ComponentType<Props>][]);
  const load = (page: Id) =>
    Promise.all([options.alongside?.(), loaders[page]()]).then(([, component]) => component);

  return function LazyPage(props: { page: Id; failure: MessageKey; pageProps: Props }) {
    const t = useT();
    const [Page, setPage] = useState<ComponentType<Props> | undefined>(() => loaded.get(props.page));
    const [hasFailed, setFailed] = useState(false);

    useEffect(() => {
      const ready = loaded.get(props.page);
      setPage(() => ready);
      setFailed(false);
      if (ready) return;
      // A reply for a page no longer shown must not replace the one shown now.
      let isCurrent = true;
      load(props.page)
        .then((component) => {
          loaded.set(props.page, component);
          if (isCurrent) setPage(() => component);
        })
        .catch(() => {
          if (isCurrent) setFailed(true);
        });
      return () => {
        isCurrent = false;
      };
    }, [props.page]);

    if (Page) return <Page {...props.pageProps} />;
    if (hasFailed) {
      // A chunk that cannot load means a newer version replaced this one: loading the page again fixes it.
      return (
        <div role="alert" class="alert-region">
          <p class="message message-error">{t(props.failure)}</p>
          <button type="button" class="button button-primary" onClick={() => location.reload()}>
            {t('common.retry')}
          </button>
        </div>
      );
    }
    return (
      <p class="loading" role="status">
        {t('common.loading')}
      </p>
    );
  };
}
