// Evaluasi: the figures of a scope and period beside the period before, each a link to the records behind
// it, simple SVG charts, the definitions as footnotes, and the PDF/XLSX made in the background.
import { useEffect, useState } from 'preact/hooks';
import { DEFINITIONS, type FigureId, labelIn } from '../../shared/evaluation/definitions.ts';
import type { ReportJob as Job } from '../../shared/evaluation/evaluation-replies.ts';
import {
  type EvaluationSummary,
  type Figure,
  formatMinutes,
  formatShare,
  MEASURES,
  type Measure,
  type TimingGroup,
} from '../../shared/evaluation/evaluation-schema.ts';
import { type Period, periodLabel, previousPeriod, quarterOf } from '../../shared/evaluation/period.ts';
import { errorMessage, formatDateTimeWIB, formatNumber, type Lang } from '../../shared/i18n.ts';
import { ApiError, request, type SignedInUser } from '../api.ts';
import { useLang, useT } from '../lang.ts';
import { pillarLabel } from '../operator/pillar-labels.ts';
import { Link } from '../router.tsx';
import './evaluation.css';
import { recordsPagePath } from './RecordsPage.tsx';

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
  const own = code.slice(0, 5);
  return [{ code: own, label: nameOf(own) }];
}

/** A number that opens the page of the records behind it (RecordsPage.tsx), with the same filters. */
function FigureLink(props: { figure: Figure; lang: Lang }) {
  return (
    <Link class="figure-link" href={recordsPagePath(props.figure.link)}>
      {formatNumber(props.figure.value, props.lang)}
    </Link>
  );
}

/** A pillar type's name in `lang`, or the name the summary gave when the type is not a known one. */
function pillarTypeLabel(lang: Lang, type: string, label: string): string {
  return pillarLabel(lang, { types: new Map([[type, label]]), skills: new Map() }, 'type', type);
}

/** A footnote marker pointing at a definition below. */
function Note(props: { id: FigureId; lang: Lang }) {
  const d = DEFINITIONS[props.id];
  return (
    <sup class="footnote-ref">
      <a href={`#def-${props.id.replace(/\./g, '-')}`} title={d.text[props.lang]}>
        [{d.title[props.lang]}]
      </a>
    </sup>
  );
}

/** A horizontal bar chart in SVG, with an optional limit line. */
function BarChart(props: {
  title: string;
  bars: { label: string; value: number | null; text: string }[];
  limit?: { value: number; label: string };
}) {
  const max = Math.max(1, ...props.bars.map((b) => b.value ?? 0), props.limit?.value ?? 0);
  const rowHeight = 22;
  const labelWidth = 150;
  const barWidth = 220;
  const height = props.bars.length * rowHeight + 24;
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${labelWidth + barWidth + 90} ${height}`} role="img" aria-label={props.title}>
        {props.bars.map((bar, i) => {
          const y = i * rowHeight + 4;
          const w = ((bar.value ?? 0) / max) * barWidth;
          return (
            <g key={bar.label}>
              <text x={0} y={y + 14} class="chart-label">
                {bar.label}
              </text>
              <rect x={labelWidth} y={y} width={Math.max(w, 0)} height={16} class="chart-bar" />
              <text x={labelWidth + w + 4} y={y + 13} class="chart-value">
                {bar.text}
              </text>
            </g>
          );
        })}
        {props.limit && (
          <g>
            <line
              x1={labelWidth + (props.limit.value / max) * barWidth}
              x2={labelWidth + (props.limit.value / max) * barWidth}
              y1={0}
              y2={height - 18}
              class="chart-limit"
            />
            <text
              x={labelWidth + (props.limit.value / max) * barWidth + 3}
              y={height - 4}
              class="chart-limit-text"
            >
              {props.limit.label}
            </text>
          </g>
        )}
      </svg>
    </figure>
  );
}

const TIMING_ROWS: TimingGroup[] = ['all', 'P1', 'vulnerable', 'harmed', 'others'];
const MEASURE_NOTE: Record<Measure, FigureId> = {
  acknowledge: 'timing.acknowledge',
  response: 'timing.response',
  resolve: 'timing.resolve',
};

function Timings(props: { summary: EvaluationSummary; lang: Lang }) {
  const t = useT();
  const { lang, summary } = props;
  return (
    <>
      {MEASURES.map((m) => (
        <div class="table-wrap" key={m}>
          <table>
            <caption>
              {DEFINITIONS[MEASURE_NOTE[m]].title[lang]} <Note id={MEASURE_NOTE[m]} lang={lang} />
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('eval.group')}</th>
                <th scope="col">{t('eval.measured')}</th>
                <th scope="col">
                  {DEFINITIONS['timing.median'].title[lang]} <Note id="timing.median" lang={lang} />
                </th>
                <th scope="col">
                  {DEFINITIONS['timing.p90'].title[lang]} <Note id="timing.p90" lang={lang} />
                </th>
                <th scope="col">{t('eval.deadline')}</th>
                <th scope="col">
                  {DEFINITIONS['timing.share'].title[lang]} <Note id="timing.share" lang={lang} />
                </th>
                <th scope="col">{t('eval.previous')}</th>
              </tr>
            </thead>
            <tbody>
              {TIMING_ROWS.map((g) => {
                const s = summary.current.timings[m][g];
                const before = summary.previous.timings[m][g];
                return (
                  <tr key={g}>
                    <th scope="row">{labelIn(g, lang)}</th>
                    <td>
                      <a class="figure-link" href={s.link} target="_blank" rel="noopener">
                        {formatNumber(s.measured, lang)}
                      </a>
                    </td>
                    <td>{formatMinutes(s.median, lang)}</td>
                    <td>{formatMinutes(s.p90, lang)}</td>
                    <td>{formatMinutes(s.deadline, lang)}</td>
                    <td>{formatShare(s.share, lang)}</td>
                    <td>
                      {formatMinutes(before.median, lang)} · {formatShare(before.share, lang)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
      <p class="vulnerable-first">
        {DEFINITIONS.vulnerableFirst.title[lang]} <Note id="vulnerableFirst" lang={lang} />{' '}
        {MEASURES.map((m) => {
          const v = summary.current.vulnerableFirst[m];
          const answer = v.isFaster === null ? '–' : v.isFaster ? t('eval.yes') : t('eval.no');
          return (
            <span key={m} class="vf-item">
              {labelIn(m, lang)}: <strong>{answer}</strong> ({formatMinutes(v.harmedMedian, lang)} /{' '}
              {formatMinutes(v.othersMedian, lang)})
            </span>
          );
        })}
      </p>
    </>
  );
}

type FigureRow = { label: string; note?: FigureId; current: Figure | null; previous: Figure | null };
type Keyed = { key: string; label: string; count: Figure };

/** The row of a defined figure: its title and footnote, this period's value and the previous period's. */
function definedRow(id: FigureId, lang: Lang, current: Figure | null, previous: Figure | null): FigureRow {
  return { label: DEFINITIONS[id].title[lang], note: id, current, previous };
}

/** A row per key of a breakdown, beside the same key's count in the previous period (none without `previous`). */
function keyedRows(
  current: Keyed[],
  previous: Keyed[] | null,
  note: FigureId | undefined,
  labelOf: (item: Keyed) => string,
): FigureRow[] {
  return current.map((item) => ({
    label: labelOf(item),
    note,
    current: item.count,
    previous: previous?.find((p) => p.key === item.key)?.count ?? null,
  }));
}

/** Rows of current and previous figures with their links. */
function FigureTable(props: { caption: string; rows: FigureRow[]; lang: Lang }) {
  const t = useT();
  return (
    <div class="table-wrap">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('eval.figure')}</th>
            <th scope="col">{t('eval.current')}</th>
            <th scope="col">{t('eval.previous')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, index) => (
            <tr key={row.label}>
              <th scope="row">
                {row.label}{' '}
                {/* One marker per run of rows that share a definition, not one beside every label. */}
                {row.note && row.note !== props.rows[index - 1]?.note && (
                  <Note id={row.note} lang={props.lang} />
                )}
              </th>
              <td>{row.current ? <FigureLink figure={row.current} lang={props.lang} /> : '–'}</td>
              <td>{row.previous ? <FigureLink figure={row.previous} lang={props.lang} /> : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Downloads(props: { scope: string; period: Period }) {
  const t = useT();
  const lang = useLang();
  const [jobs, setJobs] = useState<Partial<Record<'pdf' | 'xlsx', Job>>>({});
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => setJobs({}), [props.scope, props.period.from, props.period.to]);

  async function make(format: 'pdf' | 'xlsx') {
    setProblem(undefined);
    try {
      let job = await request<Job>('POST', '/api/evaluations/reports', {
        scope: props.scope,
        ...props.period,
        format,
      });
      setJobs((all) => ({ ...all, [format]: job }));
      while (job.status === 'antri' || job.status === 'berjalan') {
        await new Promise((resolve) => setTimeout(resolve, 700));
        job = await request<Job>('GET', job.link);
        setJobs((all) => ({ ...all, [format]: job }));
      }
    } catch (error) {
      setProblem(errorMessage(lang, error instanceof ApiError ? error.code : 'internal'));
    }
  }

  return (
    <section aria-labelledby="eval-files" class="eval-files">
      <h2 id="eval-files">{t('eval.files')}</h2>
      <div class="actions">
        {(['pdf', 'xlsx'] as const).map((format) => {
          const job = jobs[format];
          const label = format.toUpperCase();
          return (
            <div key={format} class="download">
              <button
                type="button"
                class="button button-secondary"
                disabled={job?.status === 'antri' || job?.status === 'berjalan'}
                onClick={() => void make(format)}
              >
                {t(format === 'pdf' ? 'eval.downloadPdf' : 'eval.downloadXlsx')}
              </button>
              {job && (job.status === 'antri' || job.status === 'berjalan') && (
                <p role="status">
                  <progress max={100} value={job.progress} aria-label={label} />{' '}
                  {t('eval.making', { format: label, percent: job.progress })}
                </p>
              )}
              {job?.status === 'selesai' && job.fileLink && (
                <a class="button button-primary" href={job.fileLink} download>
                  {t('eval.ready', { format: label })}
                </a>
              )}
              {job?.status === 'gagal' && (
                <p class="message message-error">{t('eval.failed', { reason: job.error ?? '' })}</p>
              )}
            </div>
          );
        })}
      </div>
      {problem && <p class="message message-error">{problem}</p>}
    </section>
  );
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
        <label>
          {t('eval.scope')}
          <select value={scope} onChange={(event) => setScope((event.target as HTMLSelectElement).value)}>
            {scopes.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('eval.period')}
          <select
            value={periodKey}
            onChange={(event) => setPeriodKey((event.target as HTMLSelectElement).value)}
          >
            {options.map((o) => (
              <option key={o.key} value={o.key}>
                {o.q ? t('eval.quarter', { q: o.q, year: o.year }) : t('eval.year', { year: o.year })}
              </option>
            ))}
          </select>
        </label>
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

          <section aria-labelledby="eval-reports">
            <h2 id="eval-reports">{t('eval.reports')}</h2>
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
              bars={summary.byKabkota.map((k) => ({
                label: k.name,
                value: k.reports.value,
                text: formatNumber(k.reports.value, lang),
              }))}
            />
          </section>

          <section aria-labelledby="eval-timings">
            <h2 id="eval-timings">{t('eval.timings')}</h2>
            <Timings summary={summary} lang={lang} />
            <BarChart
              title={t('eval.chartAck')}
              bars={summary.byKabkota.map((k) => ({
                label: k.name,
                value: k.acknowledge.median,
                text: formatMinutes(k.acknowledge.median, lang),
              }))}
              limit={
                p1Deadline
                  ? {
                      value: p1Deadline,
                      label: `${t('eval.chartDeadline')} ${formatMinutes(p1Deadline, lang)}`,
                    }
                  : undefined
              }
            />
          </section>

          <section aria-labelledby="eval-cases">
            <h2 id="eval-cases">{t('eval.cases')}</h2>
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
          </section>

          <section aria-labelledby="eval-alerts">
            <h2 id="eval-alerts">{t('eval.alerts')}</h2>
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
          </section>

          <section aria-labelledby="eval-pillars">
            <h2 id="eval-pillars">{t('eval.pillars')}</h2>
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
          </section>

          <section aria-labelledby="eval-sinergi">
            <h2 id="eval-sinergi">
              {t('eval.sinergi')} <Note id="compare.kabkota" lang={lang} />
            </h2>
            <div class="table-wrap">
              <table>
                <caption>{t('eval.sinergi')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('eval.kabkota')}</th>
                    <th scope="col">{t('eval.reports')}</th>
                    <th scope="col">P1</th>
                    <th scope="col">{DEFINITIONS['timing.acknowledge'].title[lang]}</th>
                    <th scope="col">{DEFINITIONS['timing.response'].title[lang]}</th>
                    <th scope="col">{DEFINITIONS['timing.resolve'].title[lang]}</th>
                    <th scope="col">{DEFINITIONS['cases.recurrence'].title[lang]}</th>
                    <th scope="col">{DEFINITIONS['referrals.overdue'].title[lang]}</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.byKabkota.map((k) => (
                    <tr key={k.code}>
                      <th scope="row">{k.name}</th>
                      <td>
                        <FigureLink figure={k.reports} lang={lang} />
                      </td>
                      <td>
                        <FigureLink figure={k.p1} lang={lang} />
                      </td>
                      <td>
                        {formatMinutes(k.acknowledge.median, lang)} · {formatShare(k.acknowledge.share, lang)}
                      </td>
                      <td>
                        {formatMinutes(k.response.median, lang)} · {formatShare(k.response.share, lang)}
                      </td>
                      <td>{formatShare(k.resolve.share, lang)}</td>
                      <td>
                        <FigureLink figure={k.recurred} lang={lang} />
                      </td>
                      <td>
                        <FigureLink figure={k.referralsOverdue} lang={lang} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="eval-definitions" class="definitions">
            <h2 id="eval-definitions">{t('eval.definitions')}</h2>
            <dl>
              {(Object.keys(DEFINITIONS) as FigureId[]).map((id) => (
                <div key={id} id={`def-${id.replace(/\./g, '-')}`}>
                  <dt>{DEFINITIONS[id].title[lang]}</dt>
                  <dd>{DEFINITIONS[id].text[lang]}</dd>
                </div>
              ))}
            </dl>
          </section>
        </>
      )}
    </div>
  );
}
