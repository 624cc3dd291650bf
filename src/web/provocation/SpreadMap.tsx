// The kecamatan where an item was seen, shaded on a small map of its kab/kota (when boundaries are configured),
// with the same places in a table and the sightings per day as a timeline.
import { useEffect, useState } from 'preact/hooks';
import { formatDay } from '../../shared/evaluation/period.ts';
import type { Spread } from '../../shared/provocation/provocation-schema.ts';
import { useLang, useT } from '../lang.ts';
import { getKecamatanBoundaries } from '../operator/operator-api.ts';
import type { RegionMap as RegionMapType } from '../operator/RegionMap.tsx';
import { DataTable, useLoad, wib } from '../operator/ui.tsx';

export function SpreadSection(props: { spread: Spread; kabkota: string | undefined }) {
  const t = useT();
  const lang = useLang();
  const { spread } = props;
  const boundaries = useLoad(
    () => (props.kabkota ? getKecamatanBoundaries(props.kabkota) : Promise.resolve(undefined)),
    [props.kabkota],
  );
  const [RegionMap, setRegionMap] = useState<typeof RegionMapType | undefined>();
  useEffect(() => {
    if (!boundaries.data || RegionMap) return;
    import('../operator/RegionMap.tsx')
      .then((module) => setRegionMap(() => module.RegionMap))
      .catch(() => undefined);
  }, [boundaries.data, RegionMap]);
  const byCode = new Map(spread.kecamatan.map((k) => [k.code, k]));
  const max = Math.max(1, ...spread.perDay.map((d) => d.count));
  return (
    <section aria-labelledby="prov-spread">
      <h2 id="prov-spread">{t('prov.spread.title')}</h2>
      <p>
        {t('prov.spread.summary', {
          n: spread.sightings,
          k: spread.kecamatan.length,
          h: spread.within48h,
          span: spread.hoursSpan,
        })}
      </p>
      {boundaries.data && RegionMap && (
        <figure class="op-map-figure prov-map">
          <RegionMap
            collection={boundaries.data}
            styleKey={spread.kecamatan.map((k) => `${k.code}:${k.count}`).join(',')}
            styleOf={(code) => {
              const place = byCode.get(code);
              return {
                fill: place ? '#b3261e' : '#f3f2f1',
                label: place ? t('prov.spread.area', { name: place.name, n: place.count }) : '',
              };
            }}
          />
          <figcaption>{t('prov.spread.mapLabel')}</figcaption>
        </figure>
      )}
      <DataTable
        caption={t('prov.spread.placesCaption')}
        columns={[t('prov.spread.place'), t('prov.spread.count'), t('prov.spread.first')]}
        isCaptionShown
      >
        {spread.kecamatan.map((k) => (
          <tr key={k.code}>
            <td>{k.name}</td>
            <td>{k.count}</td>
            <td>{wib(k.firstSeenAt, lang)}</td>
          </tr>
        ))}
      </DataTable>
      <h3>{t('prov.timeline.title')}</h3>
      <ol class="prov-timeline">
        {spread.perDay.map((d) => (
          <li key={d.day}>
            <span>{t('prov.timeline.day', { day: formatDay(d.day, lang), n: d.count })}</span>
            <span class="prov-bar" style={{ width: `${(d.count / max) * 100}%` }} aria-hidden="true" />
          </li>
        ))}
      </ol>
    </section>
  );
}
