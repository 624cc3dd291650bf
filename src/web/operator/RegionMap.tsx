// The dashboard map: Leaflet drawing the configured kab/kota or kecamatan boundaries as SVG, coloured by the
// dashboard. No base map tiles: the boundaries alone make the map, so it works on any network. Loaded as its own
// chunk (Leaflet is the largest library of the app) only when the dashboard has boundaries to draw.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'preact/hooks';
import type { GeoCollection } from './operator-api.ts';

/** How one area is drawn: its fill and the words a tooltip shows. */
export type AreaStyle = { fill: string; label: string };

type Props = {
  collection: GeoCollection;
  styleOf: (code: string) => AreaStyle;
  /** A key that changes whenever `styleOf` gives other answers (the colour mode, the numbers). */
  styleKey: string;
  /** Clicking an area drills down into it; absent at the lowest level. */
  onSelect?: (code: string) => void;
  attribution: string;
};

const BORDER = '#00375f';

/** A Leaflet map of the collection's areas, fitted to them. */
export function RegionMap(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | undefined>(undefined);
  const layer = useRef<L.GeoJSON | undefined>(undefined);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    if (!container.current) return;
    const created = L.map(container.current, {
      zoomSnap: 0.25,
      attributionControl: true,
      // Keyboard panning and zooming stay on (Leaflet's defaults); scrolling the page must not zoom the map.
      scrollWheelZoom: false,
    });
    created.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    created.attributionControl.addAttribution(latest.current.attribution);
    map.current = created;
    return () => {
      created.remove();
      map.current = undefined;
    };
  }, []);

  useEffect(() => {
    const target = map.current;
    if (!target) return;
    layer.current?.remove();
    const drawn = L.geoJSON(props.collection as unknown as GeoJSON.FeatureCollection, {
      style: (feature) => styleFor(String(feature?.properties?.code ?? '')),
      onEachFeature: (feature, shape) => {
        const code = String(feature.properties?.code ?? '');
        const name = String(feature.properties?.name ?? code);
        shape.bindTooltip(() => `${name}: ${latest.current.styleOf(code).label}`, { sticky: true });
        shape.on('click', () => latest.current.onSelect?.(code));
      },
    }).addTo(target);
    layer.current = drawn;
    const bounds = drawn.getBounds();
    if (bounds.isValid()) target.fitBounds(bounds, { padding: [8, 8] });
  }, [props.collection]);

  useEffect(() => {
    layer.current?.setStyle((feature) => styleFor(String(feature?.properties?.code ?? '')));
  }, [props.styleKey]);

  function styleFor(code: string): L.PathOptions {
    return {
      color: BORDER,
      weight: 1,
      fillColor: latest.current.styleOf(code).fill,
      fillOpacity: 0.85,
      className: latest.current.onSelect ? 'op-map-area op-map-area-drill' : 'op-map-area',
    };
  }

  return <div ref={container} class="op-map" />;
}
