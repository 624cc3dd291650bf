// Konten provokatif (/konten-provokatif): the items in the office's regions, newest first, with a filter for
// counter-messages awaiting review, and the evaluation opened from it; an item's page at /konten-provokatif/<id>.
import { useState } from 'preact/hooks';
import '../../shared/messages/provocation.ts';
import { can } from '../../shared/permissions/index.ts';
import { ASSESSMENTS } from '../../shared/provocation/provocation-rules.ts';
import type { SignedInUser } from '../api.ts';
import { CheckField, SelectField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { ROUTES } from '../nav.ts';
import type { OperatorPageProps } from '../operator/OperatorPage.tsx';
import { DataTable, ErrorNotice, useLoad, wib } from '../operator/ui.tsx';
import { Link } from '../router.tsx';
import { AssessmentTag } from './AssessmentTag.tsx';
import { ProvocationEvaluation } from './ProvocationEvaluation.tsx';
import { ProvocationItem } from './ProvocationItem.tsx';
import { listItems } from './provocation-api.ts';

/** The path of an item's page. */
export function itemPath(id: string): string {
  return `${ROUTES.konten.path}/${id}`;
}

export function ProvocationPage(props: OperatorPageProps) {
  const [isEvaluation, setEvaluation] = useState(false);
  if (props.param) return <ProvocationItem key={props.param} id={props.param} me={props.me} />;
  return isEvaluation ? (
    <ProvocationEvaluation onBack={() => setEvaluation(false)} />
  ) : (
    <ItemList me={props.me} onEvaluation={() => setEvaluation(true)} />
  );
}

function ItemList(props: { me: SignedInUser; onEvaluation: () => void }) {
  const t = useT();
  const lang = useLang();
  const [assessment, setAssessment] = useState('');
  const loaded = useLoad(() => listItems({ assessment: assessment || undefined }), [assessment]);
  const items = loaded.data?.items ?? [];
  const isReviewer = can(props.me.role, 'provocation.approve');
  const [onlyReview, setOnlyReview] = useState(false);
  const shown = onlyReview ? items.filter((i) => i.pendingReview > 0) : items;
  return (
    <div class="op-wide">
      <p class="lead">{t('prov.purpose')}</p>
      {can(props.me.role, 'provocation.evaluate') && (
        <p>
          <button type="button" class="button op-button-secondary" onClick={props.onEvaluation}>
            {t('provw.eval.link')}
          </button>
        </p>
      )}
      <div class="op-filters">
        <SelectField
          id="prov-filter-assessment"
          label={t('prov.filter.assessment')}
          value={assessment}
          onChange={setAssessment}
          options={[
            { value: '', label: t('prov.filter.all') },
            ...ASSESSMENTS.map((a) => ({ value: a, label: t(`prov.assessment.${a}`) })),
          ]}
        />
        {isReviewer && (
          <CheckField label={t('prov.filter.review')} checked={onlyReview} onChange={setOnlyReview} />
        )}
      </div>
      <ErrorNotice error={loaded.error} />
      {loaded.data && shown.length === 0 && <p>{t('prov.list.empty')}</p>}
      {shown.length > 0 && (
        <DataTable
          caption={t('prov.list.caption')}
          columns={[
            t('prov.col.content'),
            t('prov.col.platform'),
            t('prov.col.assessment'),
            t('prov.col.spread'),
            t('prov.col.due'),
          ]}
        >
          {shown.map((item) => (
            <tr key={item.id}>
              <td>
                <Link href={itemPath(item.id)}>{item.title}</Link>
              </td>
              <td>{t(`prov.platform.${item.platform}`)}</td>
              <td>
                <AssessmentTag item={item} />
              </td>
              <td>{t('prov.spreadValue', { n: item.sightingCount, k: item.kecamatanCount })}</td>
              <td>
                {item.answered
                  ? t('prov.answered')
                  : item.dueAt
                    ? wib(item.dueAt, lang)
                    : t('prov.noDeadline')}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
