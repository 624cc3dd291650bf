// Dasbor: the numbers of the viewer's area, a map of East Java coloured by reports, coverage gaps or
// early-warning level with a drill-down from kab/kota to kecamatan, and small charts. Works without a map.
// Each user starts at home: an operator at their kab/kota, a coordinator at their Bakorwil, the province at 35.
import { useEffect, useRef, useState } from 'preact/hooks';
import { levelOfCode } from '../../shared/region-codes.ts';
import { InputField, RadioField, SelectField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { Section } from '../ui/Section.tsx';
import { AreaTable, Breakdowns, type ColourBy, Legend, Totals } from './DashboardParts.tsx';
import { warningLevelLabel } from './labels.ts';
import { countClasses, fillOf, gapFill, warningFill } from './map-scale.ts';
import type { OperatorPageProps } from './OperatorPage.tsx';
import {
  type GeoCollection,
  getCoverage,
  getKabkotaBoundaries,
  getKecamatanBoundaries,
  getLevels,
  getOverview,
  listBakorwil,
  listPillarTypes,
  listRegions,
} from './operator-api.ts';
import type { AreaStyle, RegionMap as RegionMapType } from './RegionMap.tsx';
import { ErrorNotice, Notice, num, useLoad, wibDay } from './ui.tsx';

type MapComponent = typeof RegionMapType;

/** The scope value for the coordinator's Bakorwil: its kab/kota, counted one by one like the province's. */
const BAKORWIL = 'bakorwil';

/** The dashboard of operators, coordinators and the province. */
export function DashboardPage(props: OperatorPageProps) {
  const t = useT();
  const lang = useLang();
  const { me } = props;
  const bakorwilId = me.scope.kind === 'bakorwil' ? me.scope.id : undefined;
  const home = bakorwilId
    ? BAKORWIL
    : me.scope.kind === 'region' && levelOfCode(me.scope.code) === 'kabkota'
      ? me.scope.code
      : '35';
  const [scope, setScope] = useState(home);
  const [from, setFrom] = useState(() => wibDay(-83));
  const [to, setTo] = useState(() => wibDay(0));
  const [colourBy, setColourBy] = useState<ColourBy>('reports');
  const [pillarType, setPillarType] = useState('tagana');
  const areaHeading = useRef<HTMLHeadingElement>(null);
  const [isMoved, setMoved] = useState(false);

  /** Shows another area; the focus goes to its heading so keyboard users land on what changed. */
  const goTo = (code: string) => {
    setMoved(true);
    setScope(code);
  };
  useEffect(() => {
    if (isMoved) areaHeading.current?.focus();
  }, [scope, isMoved]);

  const isByBakorwil = scope === BAKORWIL;
  /** The region whose children are counted: the province for a Bakorwil too. */
  const region = isByBakorwil ? '35' : scope;
  const bakorwil = useLoad(
    () =>
      bakorwilId
        ? listBakorwil().then((r) => r.items.find((b) => b.id === bakorwilId))
        : Promise.resolve(undefined),
    [bakorwilId],
  );
  // A Bakorwil that cannot be found shows no areas rather than waiting for ever.
  const members = isByBakorwil
    ? (bakorwil.data?.members ?? (bakorwil.isLoading ? undefined : []))
    : undefined;
  /** Keeps a Bakorwil's own kab/kota; everything else passes. */
  const isShown = (code: string) => !isByBakorwil || (members ?? []).includes(code);
  const membersKey = isByBakorwil ? (members?.join(',') ?? 'loading') : '';

  const overview = useLoad(
    () => getOverview({ scope: region, bakorwil: isByBakorwil ? bakorwilId : undefined, from, to }),
    [scope, from, to],
  );
  const areas = useLoad(
    () =>
      membersKey === 'loading'
        ? Promise.resolve(undefined)
        : listRegions(region).then((r) => r.items.filter((a) => isShown(a.code))),
    [scope, membersKey],
  );
  const boundaries = useLoad<GeoCollection | undefined>(
    () =>
      membersKey === 'loading'
        ? Promise.resolve(undefined)
        : (region === '35' ? getKabkotaBoundaries() : getKecamatanBoundaries(region))
            .then((collection) => ({
              ...collection,
              features: collection.features.filter((f) => isShown(f.properties.code)),
            }))
            .catch((error: unknown) => {
              if ((error as { code?: string }).code === 'geo_unavailable') return undefined;
              throw error;
            }),
    [scope, membersKey],
  );
  const pillarTypes = useLoad(
    () => (colourBy === 'coverage' ? listPillarTypes().then((r) => r.items) : Promise.resolve(undefined)),
    [colourBy],
  );
  const coverage = useLoad(
    () =>
      colourBy !== 'coverage'
        ? Promise.resolve(undefined)
        : getCoverage(region, pillarType).then((r) => ({
            byCode: new Map(r.items.map((i) => [i.regionCode, i])),
          })),
    [colourBy, scope, pillarType],
  );
  const levels = useLoad(
    () =>
      colourBy !== 'warning'
        ? Promise.resolve(undefined)
        : getLevels(region).then((r) => ({ byCode: new Map(r.items.map((i) => [i.regionCode, i.level])) })),
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
  const isDrillable = region === '35';

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

  const bakorwilName = bakorwil.data?.name ?? (me.scope.kind === 'bakorwil' ? me.scope.name : '');
  const kabkotaName = useLoad(
    () =>
      region === '35'
        ? Promise.resolve('')
        : listRegions('35').then((r) => r.items.find((a) => a.code === scope)?.name ?? scope),
    [scope],
  );
  const scopeName =
    scope === '35' ? t('op.dash.province') : isByBakorwil ? bakorwilName : kabkotaName.data || scope;
  // Up one level: a coordinator's kab/kota goes back to their Bakorwil, anything else to the province.
  const back: { to: string; label: string } | undefined =
    region !== '35'
      ? home === BAKORWIL && (bakorwil.data?.members ?? []).includes(scope)
        ? { to: BAKORWIL, label: t('op.dash.backTo', { name: bakorwilName }) }
        : { to: '35', label: t('op.dash.backToProvince') }
      : isByBakorwil
        ? { to: '35', label: t('op.dash.wholeProvince') }
        : home === BAKORWIL
          ? { to: BAKORWIL, label: t('op.dash.backTo', { name: bakorwilName }) }
          : undefined;

  return (
    <div class="op-wide op-dashboard">
      <p class="lead">{t('op.dash.lead')}</p>
      <form class="op-form op-filters" onSubmit={(event) => event.preventDefault()}>
        <InputField
          id="dash-from"
          label={t('op.dash.from')}
          type="date"
          value={from}
          max={to}
          onInput={setFrom}
        />
        <InputField id="dash-to" label={t('op.dash.to')} type="date" value={to} min={from} onInput={setTo} />
        <RadioField
          legend={t('op.dash.colourBy')}
          name="colour-by"
          options={(['reports', 'coverage', 'warning'] as const).map((mode) => ({
            value: mode,
            label: t(`op.dash.colour.${mode}`),
          }))}
          value={colourBy}
          onChange={setColourBy}
        />
        {colourBy === 'coverage' && pillarTypes.data && (
          <SelectField
            id="dash-pillar-type"
            label={t('op.dash.pillarType')}
            value={pillarType}
            onChange={setPillarType}
            options={pillarTypes.data.map((item) => ({ value: item.code, label: item.label }))}
          />
        )}
      </form>

      <h2 id="dash-area" ref={areaHeading} tabIndex={-1}>
        {t('op.dash.areaHeading', { area: scopeName })}
      </h2>
      {back && (
        <p>
          <button type="button" class="button op-button-secondary" onClick={() => goTo(back.to)}>
            {back.label}
          </button>
        </p>
      )}
      <ErrorNotice error={overview.error ?? bakorwil.error} />
      <div class="op-dash-grid">
        <section aria-labelledby="map-heading" class="op-dash-map">
          <h2 id="map-heading" class="visually-hidden">
            {t('op.dash.mapHeading')}
          </h2>
          <ErrorNotice error={boundaries.error ?? coverage.error ?? levels.error} />
          {!boundaries.isLoading && membersKey !== 'loading' && !boundaries.data && !boundaries.error && (
            <Notice>{t('op.dash.noBoundaries')}</Notice>
          )}
          {mapFailed && <Notice>{t('op.page.loadFailed')}</Notice>}
          {boundaries.data && RegionMap && (
            <figure class="op-map-figure">
              <RegionMap
                collection={boundaries.data}
                styleOf={styleOf}
                styleKey={styleKey}
                onSelect={isDrillable ? goTo : undefined}
                selectLabel={(name, code) => t('op.map.areaButton', { name, value: styleOf(code).label })}
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
      <Section
        id="areas-heading"
        heading={t(isDrillable ? 'op.dash.tableKabkota' : 'op.dash.tableKecamatan')}
      >
        <AreaTable
          codes={(areas.data ?? []).map((a) => a.code)}
          nameOf={nameOf}
          stats={byArea}
          styleOf={colourBy === 'reports' ? undefined : styleOf}
          colourLabel={t(`op.dash.colour.${colourBy}`)}
          areaLevel={isDrillable ? 'kabkota' : 'kecamatan'}
          onDrill={isDrillable ? goTo : undefined}
        />
      </Section>

      {stats && <Breakdowns stats={stats} />}
    </div>
  );
}
