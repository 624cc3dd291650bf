// The evaluation page's figures: a number that links to its records, footnote markers, SVG bar charts, the
// timings table and the tables of this period beside the one before.
import { DEFINITIONS, type FigureId, labelIn } from '../../shared/evaluation/definitions.ts';
import {
  type EvaluationSummary,
  type Figure,
  formatMinutes,
  formatShare,
  MEASURES,
  type Measure,
  type TimingGroup,
} from '../../shared/evaluation/evaluation-schema.ts';
import { formatNumber, type Lang } from '../../shared/i18n.ts';
import { useT } from '../lang.ts';
import { pillarLabel } from '../operator/pillar-labels.ts';
import { Link } from '../router.tsx';
import { EvalTable } from './EvalTable.tsx';
import { recordsPagePath } from './RecordsPage.tsx';

/** A number that opens the page of the records behind it (RecordsPage.tsx), with the same filters. */
export function FigureLink(props: { figure: Figure; lang: Lang }) {
  return (
    <Link class="figure-link" href={recordsPagePath(props.figure.link)}>
      {formatNumber(props.figure.value, props.lang)}
    </Link>
  );
}

/** A table cell with a figure's link to its records, or a dash when there is no figure. */
export function FigureCell(props: { figure: Figure | null; lang: Lang }) {
  return <td>{props.figure ? <FigureLink figure={props.figure} lang={props.lang} /> : '–'}</td>;
}

/** A pillar type's name in `lang`, or the name the summary gave when the type is not a known one. */
export function pillarTypeLabel(lang: Lang, type: string, label: string): string {
  return pillarLabel(lang, { types: new Map([[type, label]]), skills: new Map() }, 'type', type);
}

/** A footnote marker pointing at a definition below. */
export function Note(props: { id: FigureId; lang: Lang }) {
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
export function BarChart(props: {
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

export function Timings(props: { summary: EvaluationSummary; lang: Lang }) {
  const t = useT();
  const { lang, summary } = props;
  return (
    <>
      {MEASURES.map((m) => (
        <EvalTable
          key={m}
          caption={
            <>
              {DEFINITIONS[MEASURE_NOTE[m]].title[lang]} <Note id={MEASURE_NOTE[m]} lang={lang} />
            </>
          }
          columns={[
            t('eval.group'),
            t('eval.measured'),
            <>
              {DEFINITIONS['timing.median'].title[lang]} <Note id="timing.median" lang={lang} />
            </>,
            <>
              {DEFINITIONS['timing.p90'].title[lang]} <Note id="timing.p90" lang={lang} />
            </>,
            t('eval.deadline'),
            <>
              {DEFINITIONS['timing.share'].title[lang]} <Note id="timing.share" lang={lang} />
            </>,
            t('eval.previous'),
          ]}
        >
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
        </EvalTable>
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

export type FigureRow = { label: string; note?: FigureId; current: Figure | null; previous: Figure | null };
export type Keyed = { key: string; label: string; count: Figure };

/** The row of a defined figure: its title and footnote, this period's value and the previous period's. */
export function definedRow(
  id: FigureId,
  lang: Lang,
  current: Figure | null,
  previous: Figure | null,
): FigureRow {
  return { label: DEFINITIONS[id].title[lang], note: id, current, previous };
}

/** A row per key of a breakdown, beside the same key's count in the previous period (none without `previous`). */
export function keyedRows(
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
export function FigureTable(props: { caption: string; rows: FigureRow[]; lang: Lang }) {
  const t = useT();
  return (
    <EvalTable caption={props.caption} columns={[t('eval.figure'), t('eval.current'), t('eval.previous')]}>
      {props.rows.map((row, index) => (
        <tr key={row.label}>
          <th scope="row">
            {row.label}{' '}
            {/* One marker per run of rows that share a definition, not one beside every label. */}
            {row.note && row.note !== props.rows[index - 1]?.note && <Note id={row.note} lang={props.lang} />}
          </th>
          <FigureCell figure={row.current} lang={props.lang} />
          <FigureCell figure={row.previous} lang={props.lang} />
        </tr>
      ))}
    </EvalTable>
  );
}
