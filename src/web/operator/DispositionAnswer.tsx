// The partner agency's answer to a disposition, as the case page and the agency's own list both show it.
import { useLang, useT } from '../lang.ts';
import type { Disposition } from './operator-api.ts';
import { wib } from './ui.tsx';

/** The answer with the moment it came (WIB), or nothing while the agency has not answered. */
export function DispositionAnswer(props: { item: Disposition }) {
  const { item } = props;
  const t = useT();
  const lang = useLang();
  if (!item.answer) return null;
  return (
    <p>
      <strong>{t('op.disposition.answer')}</strong> {item.answer}
      {item.answeredAt && <span class="hint"> ({wib(item.answeredAt, lang)})</span>}
    </p>
  );
}
