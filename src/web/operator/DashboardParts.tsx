// The dashboard's read-only parts: key figures, the map legend, the numbers per area as a table (the keyboard
// and screen-reader way through the map), and the small charts.
import { useLang, useT } from '../lang.ts';
import { DrillCell } from '../ui/DataTable.tsx';
import { Section } from '../ui/Section.tsx';
import { type Bar, Bars, LineChart } from './Charts.tsx';
import { conflictTypeLabel, groupLabel, phaseLabel, warningLevelLabel } from './labels.ts';
import { GAP_FILLS, type LegendClass, NO_DATA_FILL, WARNING_FILLS } from './map-scale.ts';
import type { StatsOverview } from './operator-api.ts';
import type { AreaStyle } from './RegionMap.tsx';
import { DataTable, num } from './ui.tsx';

/** What the map is coloured by. */
export type ColourBy = 'reports' | 'coverage' | 'warning';

/** The key figures of the area and period. */
export function Totals(props: { stats: StatsOverview }) {
  const t = useT();
  const lang = useLang();
  const { totals, missedDeadlines } = props.stats;
  const figures = [
    ['op.dash.total.reports', totals.reports],
    ['op.dash.total.incidents', totals.incidents],
    ['op.dash.total.signals', totals.signals],
    ['op.dash.total.vulnerable', totals.vulnerable],
    ['op.dash.total.openCases', totals.openCases],
    ['op.dash.total.missedAck', missedDeadlines.acknowledge],
    ['op.dash.total.missedResponse', missedDeadlines.response],
    ['op.dash.total.missedResolve', missedDeadlines.resolve],
  ] as const;
  return (
    <dl class="op-figures">
      {figures.map(([key, value]) => (
        <div
          key={key}
          class={key.includes('missed') && value > 0 ? 'op-figure op-figure-alert' : 'op-figure'}
        >
          <dt>{t(key)}</dt>
          <dd>{num(value, lang)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What the map's colours mean, in words. */
export function Legend(props: { colourBy: ColourBy; classes: LegendClass[] }) {
  const t = useT();
  const lang = useLang();
  const entries: { fill: string; label: string }[] =
    props.colourBy === 'reports'
      ? props.classes.map((c) => ({
          fill: c.fill,
          label: c.from === c.to ? num(c.from, lang) : `${num(c.from, lang)}–${num(c.to, lang)}`,
        }))
      : props.colourBy === 'coverage'
        ? [
            { fill: GAP_FILLS.met, label: t('op.map.legend.met') },
            { fill: GAP_FILLS.small, label: t('op.map.legend.small') },
            { fill: GAP_FILLS.large, label: t('op.map.legend.large') },
            { fill: NO_DATA_FILL, label: t('op.map.noTarget') },
          ]
        : [
            ...Object.entries(WARNING_FILLS).map(([level, fill]) => ({
              fill,
              label: warningLevelLabel(t, level),
            })),
            { fill: NO_DATA_FILL, label: t('op.map.noData') },
          ];
  return (
    <div class="op-legend-box">
      <p class="op-legend-title">
        {t('op.map.legendTitle', { what: t(`op.dash.colour.${props.colourBy}`) })}
      </p>
      <ul class="op-legend">
        {entries.map((entry) => (
          <li key={entry.label}>
            <span class="op-swatch" style={{ background: entry.fill }} aria-hidden="true" /> {entry.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The numbers of one area in the table. */
type AreaRow = { reports: number; incidents: number; vulnerable: number; p1: number; openCases: number };

/** The map's numbers as a table: the keyboard and screen-reader way to read and drill down. */
export function AreaTable(props: {
  codes: string[];
  nameOf: (code: string) => string;
  stats: Map<string, AreaRow>;
  styleOf?: (code: string) => AreaStyle;
  colourLabel: string;
  areaLevel: 'kabkota' | 'kecamatan';
  onDrill?: (code: string) => void;
}) {
  const t = useT();
  const lang = useLang();
  const zero: AreaRow = { reports: 0, incidents: 0, vulnerable: 0, p1: 0, openCases: 0 };
  const rows = props.codes
    .map((code) => ({ code, name: props.nameOf(code), ...(props.stats.get(code) ?? zero) }))
    .sort((a, b) => b.reports - a.reports || b.openCases - a.openCases || a.name.localeCompare(b.name));
  return (
    <DataTable
      caption={t(props.areaLevel === 'kabkota' ? 'op.dash.tableKabkota' : 'op.dash.tableKecamatan')}
      columns={[
        t('op.dash.col.area'),
        t('op.dash.col.reports'),
        t('op.dash.col.incidents'),
        t('op.dash.col.vulnerable'),
        'P1',
        t('op.dash.col.openCases'),
        props.styleOf && props.colourLabel,
      ]}
      actionsLabel={props.onDrill && t('op.dash.col.drill')}
      tableClass="op-area-table"
    >
      {rows.map((row) => (
        <tr key={row.code}>
          <th scope="row">{row.name}</th>
          <td>{num(row.reports, lang)}</td>
          <td>{num(row.incidents, lang)}</td>
          <td>{num(row.vulnerable, lang)}</td>
          <td>{num(row.p1, lang)}</td>
          <td>{num(row.openCases, lang)}</td>
          {props.styleOf && <td>{props.styleOf(row.code).label}</td>}
          <DrillCell onDrill={props.onDrill} code={row.code} label={t('op.dash.drill', { name: row.name })} />
        </tr>
      ))}
    </DataTable>
  );
}

/** One breakdown: its heading, which names its bars too, and the bars (or, when given, the `empty` line). */
function Breakdown(props: { id: string; title: string; bars: Bar[]; empty?: string }) {
  return (
    <Section id={props.id} heading={props.title}>
      {props.empty !== undefined && props.bars.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <Bars items={props.bars} label={props.title} />
      )}
    </Section>
  );
}

/** A bar per counted row, keyed and named by what it counts. */
function countBars<R extends { count: number }, F extends keyof R>(
  rows: readonly R[],
  field: F,
  labelOf: (key: R[F]) => string,
): Bar[] {
  return rows.map((row) => ({ key: String(row[field]), label: labelOf(row[field]), value: row.count }));
}

/** Reports per week, type and group; open cases per phase and priority. */
export function Breakdowns(props: { stats: StatsOverview }) {
  const t = useT();
  const lang = useLang();
  const { stats } = props;
  const byType = countBars(stats.byType, 'type', (type) => conflictTypeLabel(t, type));
  const byGroup: Bar[] = stats.byVulnerableGroup.map((row) => ({
    key: row.group,
    label: groupLabel(t, row.group),
    value: row.harmed + row.displaced + row.atRisk,
    detail: t('op.dash.groupDetail', {
      harmed: num(row.harmed, lang),
      displaced: num(row.displaced, lang),
      atRisk: num(row.atRisk, lang),
    }),
  }));
  const byPhase = countBars(stats.openCasesByPhase, 'phase', (phase) => phaseLabel(t, phase));
  const byPriority = countBars(
    stats.openCasesByPriority,
    'priority',
    (priority) => `${priority} · ${t(`field.priority.${priority}`)}`,
  );
  const weekLabel = (week: string) =>
    new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(new Date(`${week}T00:00:00Z`));
  return (
    <div class="op-breakdowns">
      <Section id="trend-heading" heading={t('op.dash.trend')} class="op-breakdown-wide">
        <LineChart
          title={t('op.dash.trendTitle', { from: stats.from, to: stats.to })}
          labels={stats.byWeek.map((w) => weekLabel(w.week))}
          series={[
            {
              key: 'reports',
              label: t('op.dash.total.reports'),
              values: stats.byWeek.map((w) => w.reports),
              className: 'op-series-a',
            },
            {
              key: 'incidents',
              label: t('op.dash.total.incidents'),
              values: stats.byWeek.map((w) => w.incidents),
              className: 'op-series-b',
            },
          ]}
        />
      </Section>
      <Breakdown id="type-heading" title={t('op.dash.byType')} bars={byType} empty={t('op.dash.nothing')} />
      <Breakdown id="group-heading" title={t('op.dash.byGroup')} bars={byGroup} />
      <Breakdown id="phase-heading" title={t('op.dash.byPhase')} bars={byPhase} />
      <Breakdown id="priority-heading" title={t('op.dash.byPriority')} bars={byPriority} />
      <p class="hint">{t('op.dash.countedNote')}</p>
    </div>
  );
}
