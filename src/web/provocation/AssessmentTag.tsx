import type { ItemSummary } from '../../shared/provocation/provocation-schema.ts';
import { useT } from '../lang.ts';
import { Tag } from '../operator/ui.tsx';

/** An item's assessment as a coloured tag: a threat or hate speech in red, not a problem in green. */
export function AssessmentTag(props: { item: Pick<ItemSummary, 'assessment'> }) {
  const t = useT();
  const a = props.item.assessment;
  if (!a) return <Tag tone="muted">{t('prov.notAssessed')}</Tag>;
  const tone = a === 'bukan_masalah' ? 'ok' : a === 'ancaman' || a === 'ujaran_kebencian' ? 'danger' : 'warn';
  return <Tag tone={tone}>{t(`prov.assessment.${a}`)}</Tag>;
}
