// Evaluasi pantauan konten (opened from the list at /konten-provokatif): items by assessment and platform, the median hours
// from the first sighting to an approved counter-message and to a takedown, and the share of items answered
// before an incident in the same kecamatan. Province and admin (provocation.evaluate).
import { useState } from 'preact/hooks';
import type { MessageKey } from '../../shared/i18n.ts';
import { SelectField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { listRegions } from '../operator/operator-api.ts';
import { DataTable, ErrorNotice, Loading, num, useHeading, useLoad } from '../operator/ui.tsx';
import { getEvaluation } from './provocation-api.ts';

export function ProvocationEvaluation(props: { onBack: () => void }) {
  const t = useT();
  const lang = useLang();
  useHeading(t('provw.eval.title'));
  const [kabkota, setKabkota] = useState('');
  const regions = useLoad(() => listRegions('35'), []);
  const loaded = useLoad(() => getEvaluation(kabkota || undefined), [kabkota]);
  const figures = loaded.data;
  const hours = (value: number | null) =>
    value === null
      ? t('provw.eval.none')
      : t('provw.eval.hours', { hours: num(Math.round(value * 10) / 10, lang) });
  const share = (value: number) => `${num(Math.round(value * 1000) / 10, lang)}%`;
  return (
    <div class="op-wide">
      <p>
        <button type="button" class="button op-button-secondary" onClick={props.onBack}>
          {t('prov.back')}
        </button>
      </p>
      <p class="lead">{t('provw.eval.purpose')}</p>
      <div class="op-filters">
        <SelectField
          id="provw-eval-kabkota"
          label={t('provw.eval.kabkota')}
          value={kabkota}
          onChange={setKabkota}
          options={[
            { value: '', label: t('provw.eval.allKabkota') },
            ...(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name })),
          ]}
        />
      </div>
      <ErrorNotice error={loaded.error} />
      {!figures && !loaded.error && <Loading />}
      {figures && (
        <>
          <dl class="op-facts">
            <dt>{t('provw.eval.items')}</dt>
            <dd>{num(figures.items, lang)}</dd>
            <dt>{t('provw.eval.toCounter')}</dt>
            <dd>{hours(figures.medianHoursToCounter)}</dd>
            <dt>{t('provw.eval.toTakedown')}</dt>
            <dd>{hours(figures.medianHoursToTakedown)}</dd>
            <dt>{t('provw.eval.beforeIncident')}</dt>
            <dd>
              {figures.answeredBeforeIncident === null
                ? t('provw.eval.none')
                : t('provw.eval.beforeIncidentValue', {
                    share: share(figures.answeredBeforeIncident),
                    n: figures.itemsWithIncident,
                  })}
            </dd>
          </dl>
          <CountTable
            id="provw-by-assessment"
            title={t('provw.eval.byAssessment')}
            counts={figures.byAssessment}
            label={(key) =>
              key === 'belum_dinilai'
                ? t('provw.eval.notAssessed')
                : t(`prov.assessment.${key}` as MessageKey)
            }
          />
          <CountTable
            id="provw-by-platform"
            title={t('provw.eval.byPlatform')}
            counts={figures.byPlatform}
            label={(key) => t(`prov.platform.${key}` as MessageKey)}
          />
        </>
      )}
    </div>
  );
}

function CountTable(props: {
  id: string;
  title: string;
  counts: Record<string, number>;
  label: (key: string) => string;
}) {
  const t = useT();
  const lang = useLang();
  const rows = Object.entries(props.counts).sort(([, a], [, b]) => b - a);
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {rows.length === 0 ? (
        <p>{t('provw.eval.none')}</p>
      ) : (
        <DataTable columns={[props.title, t('provw.eval.count')]} isScrolling={false}>
          {rows.map(([key, n]) => (
            <tr key={key}>
              <td>{props.label(key)}</td>
              <td>{num(n, lang)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
