import type { SignedInUser } from '../api.ts';
import { useDocumentTitle } from '../Frame.tsx';
import { useT } from '../lang.ts';
import { lazyPages } from '../lazy-page.tsx';

const EvaluationBody = lazyPages(
  { evaluation: () => import('./EvaluationPage.tsx').then((module) => module.EvaluationPage) },
  // The page's messages are in the office table (src/shared/messages/office.ts).
  { alongside: () => import('../../shared/messages/office.ts') },
);

/** Evaluasi: the heading at once (focus, tab title), the page from its own chunk (charts stay off field phones). */
export function EvaluationRoute(props: { me: SignedInUser }) {
  const t = useT();
  const heading = t('nav.evaluasi');
  useDocumentTitle(heading);
  return (
    <article class="page">
      <h1 tabIndex={-1}>{heading}</h1>
      <EvaluationBody page="evaluation" failure="error.network" pageProps={{ me: props.me }} />
    </article>
  );
}
