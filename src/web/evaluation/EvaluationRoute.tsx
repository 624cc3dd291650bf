import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SignedInUser } from '../api.ts';
import { useDocumentTitle } from '../Frame.tsx';
import { useT } from '../lang.ts';

type Page = ComponentType<{ me: SignedInUser }>;
let loaded: Page | undefined;

/** Evaluasi: the heading at once (focus, tab title), the page from its own chunk (charts stay off field phones). */
export function EvaluationRoute(props: { me: SignedInUser }) {
  const t = useT();
  const heading = t('nav.evaluasi');
  useDocumentTitle(heading);
  const [Loaded, setLoaded] = useState<Page | undefined>(() => loaded);
  const [hasFailed, setFailed] = useState(false);
  useEffect(() => {
    if (loaded) return;
    // The page's messages are in the office table (src/shared/messages/office.ts).
    Promise.all([import('../../shared/messages/office.ts'), import('./EvaluationPage.tsx')])
      .then(([, module]) => {
        loaded = module.EvaluationPage;
        setLoaded(() => loaded);
      })
      .catch(() => setFailed(true));
  }, []);
  return (
    <article class="page">
      <h1 tabIndex={-1}>{heading}</h1>
      {Loaded ? (
        <Loaded me={props.me} />
      ) : hasFailed ? (
        <p class="message message-error">{t('error.network')}</p>
      ) : (
        <p class="loading">{t('common.loading')}</p>
      )}
    </article>
  );
}
