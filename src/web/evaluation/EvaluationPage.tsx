// Evaluasi: the figures of a scope and period beside the period before, each a link to the records behind
// it (EvaluationFigures.tsx), simple SVG charts, the definitions as footnotes, and the PDF/XLSX made in the
// background (EvaluationDownloads.tsx).
import { useEffect, useState } from 'preact/hooks';
import { DEFINITIONS, type FigureId, labelIn } from '../../shared/evaluation/definitions.ts';
import {
  type EvaluationSummary,
  formatMinutes,
  formatShare,
} from '../../shared/evaluation/evaluation-schema.ts';
import { type Period, periodLabel, previousPeriod, quarterOf } from '../../shared/evaluation/period.ts';
import { errorMessage, formatDateTimeWIB, formatNumber, type Lang } from '../../shared/i18n.ts';
import { ApiError, request, type SignedInUser } from '../api.ts';
import { SelectField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import './evaluation.css';
import { kabkotaOf } from '../../shared/region-codes.ts';
import { Section } from '../ui/Section.tsx';
import { EvalTable } from './EvalTable.tsx';
import { Downloads } from './EvaluationDownloads.tsx';
import {
  BarChart,
  definedRow,
  FigureCell,
  FigureTable,
  type Keyed,
  keyedRows,
  Note,
  pillarTypeLabel,
  Timings,
} from './EvaluationFigures.tsx';

type ScopeOption = { code: string; label: string };

const ROMAN = ['I', 'II', 'III', 'IV'];

/** The quarters to offer: this one and the seven before, then this year and last year. */
function periodOptions(now: Date): { key: string; period: Period; q?: string; year: string }[] {
  const out: { key: string; period: Period; q?: string; year: string }[] = [];
  let quarter = quarterOf(now);
  for (let i = 0; i < 8; i++) {
    const q = ROMAN[Math.floor((Number(quarter.from.slice(5, 7)) - 1) / 3)];
    out.push({ key: `${quarter.from}_${quarter.to}`, period: quarter, q, year: quarter.from.slice(0, 4) });
    quarter = previousPeriod(quarter);
  }
  const year = Number(quarterOf(now).from.slice(0, 4));
  for (const y of [year, year - 1]) {
    out.push({
      key: `${y}-01-01_${y}-12-31`,
      period: { from: `${y}-01-01`, to: `${y}-12-31` },
      year: String(y),
    });
  }
  return out;
}

async function loadScopes(me: SignedInUser, provinceLabel: string): Promise<ScopeOption[]> {
  const [{ items: bakorwil }, { items: kabkota }] = await Promise.all([
    request<{ items: { id: string; name: string; members: string[] }[] }>('GET', '/api/bakorwil'),
    request<{ items: { code: string; name: string }[] }>('GET', '/api/regions?parent=35&limit=100'),
  ]);
  const nameOf = (code: string) => kabkota.find((k) => k.code === code)?.name ?? code;
  const scope = me.scope;
  if (scope.kind === 'bakorwil') {
    const own = bakorwil.find((b) => b.id === scope.id);
    return [
      { code: scope.id, label: own?.name ?? scope.name },
      ...(own?.members ?? []).map((code) => ({ code, label: nameOf(code) })),
    ];
  }
  const code = scope.code;
  if (code === '35') {
    return [
      { code: '35', label: provinceLabel },
      ...bakorwil.map((b) => ({ code: b.id, label: b.name })),
      ...kabkota.map((k) => ({ code: k.code, label: k.name })),
    ];
  }
  const own = kabkotaOf(code) ?? code;
  return [{ code: own, label: nameOf(own) }];
}

/** The evaluation page of koordinator, provinsi and operator users. */
export function EvaluationPage(props: { me: SignedInUser }) {
  const t = useT();
  const lang = useLang();
  const options = periodOptions(new Date());
  // A link may name the scope and period (?scope=V&from=2026-07-01&to=2026-09-30: a workshop's evaluation).
  const [wanted] = useState(() => new URLSearchParams(location.search));
  const [scopes, setScopes] = useState<ScopeOption[]>([]);
  const [scope, setScope] = useState<string>('');
  const [periodKey, setPeriodKey] = useState(() => {
    const key = `${wanted.get('from')}_${wanted.get('to')}`;
    return options.some((o) => o.key === key) ? key : options[0].key;
  });
  const [summary, setSummary] = useState<EvaluationSummary | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [isLoading, setLoading] = useState(false);
  const period = (options.find((o) => o.key === periodKey) ?? options[0]).period;

  useEffect(() => {
    loadScopes(props.me, t('eval.province'))
      .then((list) => {
        setScopes(list);
        const linked = list.find((s) => s.code === wanted.get('scope'));
        setScope((current) => current || linked?.code || list[0]?.code || '');
      })
      .catch((error: unknown) =>
        setProblem(errorMessage(lang, error instanceof ApiError ? error.code : 'internal')),
      );
  }, [props.me.id]);

  useEffect(() => {
    if (!scope) return;
    setLoading(true);
    setProblem(undefined);
    const params = new URLSearchParams({ scope, from: period.from, to: period.to });
    request<EvaluationSummary>('GET', `/api/evaluations/summary?${params.toString()}`)
      .then(setSummary)
      .catch((error: unknown) =>
        setProblem(errorMessage(lang, error instanceof ApiError ? error.code : 'internal')),
      )
      .finally(() => setLoading(false));
  }, [scope, periodKey]);

  const cur = summary?.current;
  const prev = summary?.previous;
  const byLabel = (item: Keyed) => labelIn(item.key, lang, item.label);
  const p1Deadline = cur?.timings.acknowledge.P1.deadline ?? null;

  return (
    <div class="evaluation">
      <p class="lead">{t('eval.intro')}</p>
      <form class="eval-pickers" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          id="eval-scope"
          label={t('eval.scope')}
          value={scope}
          onChange={setScope}
          options={scopes.map((s) => ({ value: s.code, label: s.label }))}
        />
        <SelectField
          id="eval-period"
          label={t('eval.period')}
          value={periodKey}
          onChange={setPeriodKey}
          options={options.map((o) => ({
            value: o.key,
            label: o.q ? t('eval.quarter', { q: o.q, year: o.year }) : t('eval.year', { year: o.year }),
          }))}
        />
      </form>
      <div role="alert">{problem && <p class="message message-error">{problem}</p>}</div>
      {isLoading && <p class="loading">{t('common.loading')}</p>}
      {summary && cur && prev && (
        <>
          <p class="hint">
            <strong>{summary.scope.name}</strong> · {periodLabel(cur.period, lang)} · {t('eval.previous')}:{' '}
            {periodLabel(prev.period, lang)} ·{' '}
            {t('eval.generatedAt', { time: formatDateTimeWIB(summary.generatedAt, lang) })}
          </p>
          {scope && <Downloads scope={scope} period={period} />}

          <Section id="eval-reports" heading={t('eval.reports')}>
            <FigureTable
              caption={DEFINITIONS['reports.total'].title[lang]}
              lang={lang}
              rows={[
                definedRow('reports.total', lang, cur.reports.total, prev.reports.total),
                ...keyedRows(cur.reports.byKind, prev.reports.byKind, undefined, byLabel),
                ...keyedRows(cur.reports.byPriority, prev.reports.byPriority, 'reports.byPriority', byLabel),
                definedRow(
                  'reports.incidentsWithPriorSignal',
                  lang,
                  cur.reports.incidentsWithPriorSignal,
                  prev.reports.incidentsWithPriorSignal,
                ),
                definedRow('reports.priorSignals', lang, cur.reports.priorSignals, prev.reports.priorSignals),
              ]}
            />
            <BarChart
              title={t('eval.chartReports')}
              bars={kabkotaBars(summary, lang, (k) => k.reports.value, formatNumber)}
            />
          </Section>

          <Section id="eval-timings" heading={t('eval.timings')}>
            <Timings summary={summary} lang={lang} />
            <BarChart
              title={t('eval.chartAck')}
              bars={kabkotaBars(summary, lang, (k) => k.acknowledge.median, formatMinutes)}
              limit={
                p1Deadline
                  ? {
                      value: p1Deadline,
                      label: `${t('eval.chartDeadline')} ${formatMinutes(p1Deadline, lang)}`,
                    }
                  : undefined
              }
            />
          </Section>

          <Section id="eval-cases" heading={t('eval.cases')}>
            <FigureTable
              caption={t('eval.cases')}
              lang={lang}
              rows={[
                definedRow('cases.opened', lang, cur.cases.opened, prev.cases.opened),
                ...keyedRows(cur.cases.byPhase, null, 'cases.byPhase', byLabel),
                ...keyedRows(cur.cases.byOutcome, prev.cases.byOutcome, 'cases.byOutcome', byLabel),
                definedRow('cases.recurrence', lang, cur.cases.recurred, prev.cases.recurred),
                definedRow(
                  'cases.closedWithOpenReferrals',
                  lang,
                  cur.cases.closedWithOpenReferrals,
                  prev.cases.closedWithOpenReferrals,
                ),
              ]}
            />
            <FigureTable
              caption={t('eval.referrals')}
              lang={lang}
              rows={(['made', 'completed', 'overdue'] as const).map((key) =>
                definedRow(`referrals.${key}`, lang, cur.referrals[key], prev.referrals[key]),
              )}
            />
            <p>
              {DEFINITIONS['referrals.medianCompletion'].title[lang]}{' '}
              <Note id="referrals.medianCompletion" lang={lang} />:{' '}
              <strong>{formatMinutes(cur.referrals.medianCompletionMinutes, lang)}</strong>
            </p>
          </Section>

          <Section id="eval-alerts" heading={t('eval.alerts')}>
            {cur.alerts.available && prev.alerts.available ? (
              <FigureTable
                caption={t('eval.alerts')}
                lang={lang}
                rows={(['raised', 'acknowledgedInTime', 'followedByIncident', 'answered'] as const).map(
                  (key) =>
                    definedRow(
                      `alerts.${key}`,
                      lang,
                      cur.alerts.available ? cur.alerts[key] : null,
                      prev.alerts.available ? prev.alerts[key] : null,
                    ),
                )}
              />
            ) : (
              <p class="hint">{t('eval.alertsUnavailable')}</p>
            )}
          </Section>

          <Section id="eval-pillars" heading={t('eval.pillars')}>
            <ul class="coverage">
              {cur.pillars.coverage.map((c) => (
                <li key={`${c.pillarType}-${c.areaLevel}`}>
                  <a href={c.link} target="_blank" rel="noopener">
                    {t('eval.coverage', {
                      type: pillarTypeLabel(lang, c.pillarType, c.label),
                      met: formatNumber(c.areasMet, lang),
                      areas: formatNumber(c.areas, lang),
                      level: labelIn(c.areaLevel, lang),
                      shortfall: formatNumber(c.shortfall, lang),
                    })}
                  </a>
                </li>
              ))}
            </ul>
            <FigureTable
              caption={DEFINITIONS['pillars.assignments'].title[lang]}
              lang={lang}
              rows={[
                ...keyedRows(cur.pillars.assignments, prev.pillars.assignments, 'pillars.assignments', (a) =>
                  labelIn(a.key, lang, pillarTypeLabel(lang, a.key, a.label)),
                ),
                definedRow('pillars.safetyAlerts', lang, cur.pillars.safetyAlerts, prev.pillars.safetyAlerts),
              ]}
            />
          </Section>

          <section aria-labelledby="eval-sinergi">
            <h2 id="eval-sinergi">
              {t('eval.sinergi')} <Note id="compare.kabkota" lang={lang} />
            </h2>
            <EvalTable
              caption={t('eval.sinergi')}
              columns={[
                t('eval.kabkota'),
                t('eval.reports'),
                'P1',
                DEFINITIONS['timing.acknowledge'].title[lang],
                DEFINITIONS['timing.response'].title[lang],
                DEFINITIONS['timing.resolve'].title[lang],
                DEFINITIONS['cases.recurrence'].title[lang],
                DEFINITIONS['referrals.overdue'].title[lang],
              ]}
            >
              {summary.byKabkota.map((k) => (
                <tr key={k.code}>
                  <th scope="row">{k.name}</th>
                  <FigureCell figure={k.reports} lang={lang} />
                  <FigureCell figure={k.p1} lang={lang} />
                  <td>
                    {formatMinutes(k.acknowledge.median, lang)} · {formatShare(k.acknowledge.share, lang)}
                  </td>
                  <td>
                    {formatMinutes(k.response.median, lang)} · {formatShare(k.response.share, lang)}
                  </td>
                  <td>{formatShare(k.resolve.share, lang)}</td>
                  <FigureCell figure={k.recurred} lang={lang} />
                  <FigureCell figure={k.referralsOverdue} lang={lang} />
                </tr>
              ))}
            </EvalTable>
          </section>

          <Section id="eval-definitions" heading={t('eval.definitions')} class="definitions">
            <dl>
              {(Object.keys(DEFINITIONS) as FigureId[]).map((id) => (
                <div key={id} id={`def-${id.replace(/\./g, '-')}`}>
                  <dt>{DEFINITIONS[id].title[lang]}</dt>
                  <dd>{DEFINITIONS[id].text[lang]}</dd>
                </div>
              ))}
            </dl>
          </Section>
        </>
      )}
    </div>
  );
}

/** A bar per kabkota of one figure, with its text in the figure's own unit. */
function kabkotaBars<V extends number | null>(
  summary: EvaluationSummary,
  lang: Lang,
  figureOf: (kabkota: EvaluationSummary['byKabkota'][number]) => V,
  format: (value: V, lang: Lang) => string,
) {
  return summary.byKabkota.map((k) => ({
    label: k.name,
    value: figureOf(k),
    text: format(figureOf(k), lang),
  }));
}
