import type { SignedInUser } from '../api.ts';
import { TitledPage } from '../Frame.tsx';
import { useT } from '../lang.ts';
import { lazyPages } from '../lazy-page.tsx';

const EvaluationBody = lazyPages(
  {
    evaluation: () => import('./EvaluationPage.tsx').then((module) => module.EvaluationPage),
    records: () => import('./RecordsPage.tsx').then((module) => module.RecordsPage),
  },
  // The page's messages are in the office table (src/shared/messages/office.ts).
  { alongside: () => import('../../shared/messages/office.ts') },
);

/** The page of the records behind one figure (RecordsPage.tsx): under the evaluation's menu entry. */
export const EVALUATION_RECORDS_PATH = '/evaluasi/catatan';

/** Evaluasi: the heading at once (focus, tab title), the page from its own chunk (charts stay off field phones). */
export function EvaluationRoute(props: { me: SignedInUser; path: string }) {
  const t = useT();
  return (
    <TitledPage heading={t('nav.evaluasi')}>
      <EvaluationBody
        key={props.path}
        page={props.path === EVALUATION_RECORDS_PATH ? 'records' : 'evaluation'}
        failure="error.network"
        pageProps={{ me: props.me }}
      />
    </TitledPage>
  );
}
