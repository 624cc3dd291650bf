// Dasbor: the numbers of the viewer's area, a map of East Java coloured by reports, coverage gaps or
// early-warning level with a drill-down from kab/kota to kecamatan, and small charts. Works without a map.
import { useEffect, useState } from 'preact/hooks';
import { useLang, useT } from '../lang.ts';
import { type Bar, Bars, LineChart } from './Charts.tsx';
import { conflictTypeLabel, groupLabel, phaseLabel, warningLevelLabel } from './labels.ts';
import {
  countClasses,
  fillOf,
  GAP_FILLS,
  gapFill,
  type LegendClass,
  NO_DATA_FILL,
  WARNING_FILLS,
  warningFill,
} from './map-scale.ts';
import type { OperatorPageProps } from './OperatorPage.tsx';
import {
  type CoverageReply,
  type GeoCollection,
  getCoverage,
  getKabkotaBoundaries,
  getKecamatanBoundaries,
  getLevels,
  getOverview,
  isMissingRoute,
  listPillarTypes,
  listRegions,
  type StatsOverview,
} from './operator-api.ts';

type CoverageItem = CoverageReply['items'][number];

import type { AreaStyle, RegionMap as RegionMapType } from './RegionMap.tsx';
import { ErrorNotice, Notice, num, useLoad, wibDay } from './ui.tsx';

type ColourBy = 'reports' | 'coverage' | 'warning';
type MapComponent = typeof RegionMapType;

const ATTRIBUTION =
  'Batas wilayah: © Cahya DSN, <a href="https://github.com/cahyadsn/wilayah_boundaries">wilayah_boundaries</a> (MIT)';

/** The dashboard of operators, coordinators and the province. */
export function DashboardPage(props: OperatorPageProps) {
  const t = useT();
  const lang = useLang();
  const { me } = props;
  const home = me.scope.kind === 'region' && me.scope.code.split('.').length === 2 ? me.scope.code : '35';
  const [scope, setScope] = useState(home);
  const [from, setFrom] = useState(() => wibDay(-83));
  const [to, setTo] = useState(() => wibDay(0));
  const [colourBy, setColourBy] = useState<ColourBy>('reports');
  const [pillarType, setPillarType] = useState('tagana');

  const overview = useLoad(() => getOverview({ scope, from, to }), [scope, from, to]);
  const areas = useLoad(() => listRegions(scope).then((r) => r.items), [scope]);
  const boundaries = useLoad<GeoCollection | undefined>(
    () =>
      (scope === '35' ? getKabkotaBoundaries() : getKecamatanBoundaries(scope)).catch((error: unknown) => {
        if ((error as { code?: string }).code === 'geo_unavailable' || isMissingRoute(error))
          return undefined;
        throw error;
      }),
    [scope],
  );
  const pillarTypes = useLoad(
    () => (colourBy === 'coverage' ? listPillarTypes().then((r) => r.items) : Promise.resolve(undefined)),
    [colourBy],
  );
  const coverage = useLoad(
    () =>
      colourBy !== 'coverage'
        ? Promise.resolve(undefined)
        : getCoverage(scope, pillarType).then(
            (r) => ({ isAvailable: true, byCode: new Map(r.items.map((i) => [i.regionCode, i])) }),
            (error: unknown) => {
              if (isMissingRoute(error))
                return { isAvailable: false, byCode: new Map<string, CoverageItem>() };
              throw error;
            },
          ),
    [colourBy, scope, pillarType],
  );
  const levels = useLoad(
    () =>
      colourBy !== 'warning'
        ? Promise.resolve(undefined)
        : getLevels(scope).then(
            (r) => ({
              isAvailable: true,
              byCode: new Map(r.items.map((i) => [i.regionCode ?? i.code ?? '', i.level])),
            }),
            (error: unknown) => {
              if (isMissingRoute(error)) return { isAvailable: false, byCode: new Map<string, string>() };
              throw error;
            },
          ),
    [colourBy, scope],
  );

  // The map library is loaded only once there are boundaries to draw.
  const [RegionMap, setRegionMap] = useState<MapComponent | undefined>();
  const [mapFailed, setMapFailed] = useState(false);
  useEffect(() => {
    if (!boundaries.data || RegionMap) return;
    import('./RegionMap.tsx')
      .then((module) => setRegionMap(() => module.RegionMap))
      .catch(() => setMapFailed(true));
  }, [boundaries.data, RegionMap]);

  const stats = overview.data;
  const byArea = new Map((stats?.byArea ?? []).map((a) => [a.code, a]));
  const nameOf = (code: string) => areas.data?.find((a) => a.code === code)?.name ?? code;
  const maxReports = Math.max(0, ...(stats?.byArea ?? []).map((a) => a.reports));
  const classes = countClasses(maxReports);
  const isDrillable = scope === '35';

  const styleOf = (code: string): AreaStyle => {
    if (colourBy === 'coverage') {
      const item = coverage.data?.byCode.get(code);
      return {
        fill: gapFill(item?.gap),
        label:
          !item || item.gap === null ? t('op.map.noTarget') : t('op.map.gap', { gap: num(item.gap, lang) }),
      };
    }
    if (colourBy === 'warning') {
      const level = levels.data?.byCode.get(code);
      return { fill: warningFill(level), label: level ? warningLevelLabel(t, level) : t('op.map.noData') };
    }
    const reports = byArea.get(code)?.reports ?? 0;
    return { fill: fillOf(reports, classes), label: t('op.map.reports', { count: num(reports, lang) }) };
  };
  const styleKey = [
    colourBy,
    pillarType,
    overview.data ? `${from}:${to}:${maxReports}` : '',
    coverage.data?.byCode.size,
    levels.data?.byCode.size,
    lang,
  ].join('|');

  const scopeName = scope === '35' ? t('op.dash.province') : nameOf(scope);
  const kabkotaName = useLoad(
    () =>
      scope === '35'
        ? Promise.resolve('')
        : listRegions('35').then((r) => r.items.find((a) => a.code === scope)?.name ?? scope),
    [scope],
  );

  return (
    <div class="op-wide op-dashboard">
      <p class="lead">{t('op.dash.lead')}</p>
      <form class="op-form op-filters" onSubmit={(event) => event.preventDefault()}>
        <div class="field">
          <label for="dash-from">{t('op.dash.from')}</label>
          <input
            id="dash-from"
            type="date"
            value={from}
            max={to}
            onChange={(e) => setFrom((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="dash-to">{t('op.dash.to')}</label>
          <input
            id="dash-to"
            type="date"
            value={to}
            min={from}
            onChange={(e) => setTo((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <fieldset class="op-radios">
          <legend>{t('op.dash.colourBy')}</legend>
          {(['reports', 'coverage', 'warning'] as const).map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name="colour-by"
                value={mode}
                checked={colourBy === mode}
                onChange={() => setColourBy(mode)}
              />{' '}
              {t(`op.dash.colour.${mode}`)}
            </label>
          ))}
        </fieldset>
        {colourBy === 'coverage' && pillarTypes.data && (
          <div class="field">
            <label for="dash-pillar-type">{t('op.dash.pillarType')}</label>
            <select
              id="dash-pillar-type"
              value={pillarType}
              onChange={(e) => setPillarType((e.currentTarget as HTMLSelectElement).value)}
            >
              {pillarTypes.data.map((item) => (
                <option key={item.code} value={item.code}>
                  {item.label}
                </option>
              ))}
            </select>
          </div>
        )}
      </form>

      <h2 id="dash-area">
        {t('op.dash.areaHeading', { area: scope === '35' ? scopeName : kabkotaName.data || scopeName })}
      </h2>
      {scope !== '35' && (
        <p>
          <button type="button" class="button op-button-secondary" onClick={() => setScope('35')}>
            {t('op.dash.backToProvince')}
          </button>
        </p>
      )}
      <ErrorNotice error={overview.error} />
      <div class="op-dash-grid">
        <section aria-labelledby="map-heading" class="op-dash-map">
          <h2 id="map-heading" class="visually-hidden">
            {t('op.dash.mapHeading')}
          </h2>
          {colourBy === 'coverage' && coverage.data && !coverage.data.isAvailable && (
            <Notice>{t('op.dash.coverageUnavailable')}</Notice>
          )}
          {colourBy === 'warning' && levels.data && !levels.data.isAvailable && (
            <Notice>{t('op.dash.warningUnavailable')}</Notice>
          )}
          <ErrorNotice error={boundaries.error ?? coverage.error ?? levels.error} />
          {!boundaries.isLoading && !boundaries.data && !boundaries.error && (
            <Notice>{t('op.dash.noBoundaries')}</Notice>
          )}
          {mapFailed && <Notice>{t('op.page.loadFailed')}</Notice>}
          {boundaries.data && RegionMap && (
            <figure class="op-map-figure">
              <RegionMap
                collection={boundaries.data}
                styleOf={styleOf}
                styleKey={styleKey}
                onSelect={isDrillable ? (code) => setScope(code) : undefined}
                attribution={ATTRIBUTION}
              />
              <figcaption>{t(isDrillable ? 'op.dash.mapCaptionDrill' : 'op.dash.mapCaption')}</figcaption>
            </figure>
          )}
          <Legend colourBy={colourBy} classes={classes} />
        </section>
        <section aria-labelledby="figures-heading" class="op-dash-side">
          <h2 id="figures-heading" class="visually-hidden">
            {t('op.dash.figuresHeading')}
          </h2>
          {stats && <Totals stats={stats} />}
        </section>
      </div>
      <section aria-labelledby="areas-heading">
        <h2 id="areas-heading">{t(scope === '35' ? 'op.dash.tableKabkota' : 'op.dash.tableKecamatan')}</h2>
        <AreaTable
          codes={(areas.data ?? []).map((a) => a.code)}
          nameOf={nameOf}
          stats={byArea}
          styleOf={colourBy === 'reports' ? undefined : styleOf}
          colourLabel={t(`op.dash.colour.${colourBy}`)}
          areaLevel={scope === '35' ? 'kabkota' : 'kecamatan'}
          onDrill={isDrillable ? (code) => setScope(code) : undefined}
        />
      </section>

      {stats && <Breakdowns stats={stats} />}
    </div>
  );
}

function Totals(props: { stats: StatsOverview }) {
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

function Legend(props: { colourBy: ColourBy; classes: LegendClass[] }) {
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

type AreaRow = { reports: number; incidents: number; vulnerable: number; p1: number; openCases: number };

/** The map's numbers as a table: the keyboard and screen-reader way to read and drill down. */
function AreaTable(props: {
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
    <div class="op-table-scroll">
      <table class="op-table op-area-table">
        <caption class="visually-hidden">
          {t(props.areaLevel === 'kabkota' ? 'op.dash.tableKabkota' : 'op.dash.tableKecamatan')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('op.dash.col.area')}</th>
            <th scope="col">{t('op.dash.col.reports')}</th>
            <th scope="col">{t('op.dash.col.incidents')}</th>
            <th scope="col">{t('op.dash.col.vulnerable')}</th>
            <th scope="col">P1</th>
            <th scope="col">{t('op.dash.col.openCases')}</th>
            {props.styleOf && <th scope="col">{props.colourLabel}</th>}
            {props.onDrill && (
              <th scope="col">
                <span class="visually-hidden">{t('op.dash.col.drill')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code}>
              <th scope="row">{row.name}</th>
              <td>{num(row.reports, lang)}</td>
              <td>{num(row.incidents, lang)}</td>
              <td>{num(row.vulnerable, lang)}</td>
              <td>{num(row.p1, lang)}</td>
              <td>{num(row.openCases, lang)}</td>
              {props.styleOf && <td>{props.styleOf(row.code).label}</td>}
              {props.onDrill && (
                <td>
                  <button
                    type="button"
                    class="button op-button-secondary op-button-small"
                    onClick={() => props.onDrill?.(row.code)}
                  >
                    {t('op.dash.drill', { name: row.name })}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Breakdowns(props: { stats: StatsOverview }) {
  const t = useT();
  const lang = useLang();
  const { stats } = props;
  const byType: Bar[] = stats.byType.map((row) => ({
    key: row.type,
    label: conflictTypeLabel(t, row.type),
    value: row.count,
  }));
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
  const byPhase: Bar[] = stats.openCasesByPhase.map((row) => ({
    key: row.phase,
    label: phaseLabel(t, row.phase),
    value: row.count,
  }));
  const byPriority: Bar[] = stats.openCasesByPriority.map((row) => ({
    key: row.priority,
    label: `${row.priority} · ${t(`field.priority.${row.priority}`)}`,
    value: row.count,
  }));
  const weekLabel = (week: string) =>
    new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(new Date(`${week}T00:00:00Z`));
  return (
    <div class="op-breakdowns">
      <section aria-labelledby="trend-heading" class="op-breakdown-wide">
        <h2 id="trend-heading">{t('op.dash.trend')}</h2>
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
      </section>
      <section aria-labelledby="type-heading">
        <h2 id="type-heading">{t('op.dash.byType')}</h2>
        {byType.length === 0 ? (
          <p>{t('op.dash.nothing')}</p>
        ) : (
          <Bars items={byType} label={t('op.dash.byType')} />
        )}
      </section>
      <section aria-labelledby="group-heading">
        <h2 id="group-heading">{t('op.dash.byGroup')}</h2>
        <Bars items={byGroup} label={t('op.dash.byGroup')} />
      </section>
      <section aria-labelledby="phase-heading">
        <h2 id="phase-heading">{t('op.dash.byPhase')}</h2>
        <Bars items={byPhase} label={t('op.dash.byPhase')} />
      </section>
      <section aria-labelledby="priority-heading">
        <h2 id="priority-heading">{t('op.dash.byPriority')}</h2>
        <Bars items={byPriority} label={t('op.dash.byPriority')} />
      </section>
      <p class="hint">{t('op.dash.countedNote')}</p>
    </div>
  );
}
