// The dashboard map: Leaflet drawing the configured kab/kota or kecamatan boundaries as SVG, coloured by the
// dashboard. No base map tiles: the boundaries alone make the map, so it works on any network. Loaded as its own
// chunk (Leaflet is the largest library of the app) only when the dashboard has boundaries to draw.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../lang.ts';
import type { GeoCollection } from './operator-api.ts';

/** How one area is drawn: its fill and the words a tooltip shows. */
export type AreaStyle = { fill: string; label: string };

type Props = {
  collection: GeoCollection;
  styleOf: (code: string) => AreaStyle;
  /** A key that changes whenever `styleOf` gives other answers (the colour mode, the numbers). */
  styleKey: string;
  /** Clicking an area, or Enter on it, drills down into it; absent at the lowest level. */
  onSelect?: (code: string) => void;
  /** The accessible name of an area that drills down (what it shows, and what Enter does). */
  selectLabel?: (name: string, code: string) => string;
};

/** Where the boundaries come from, after the words for them in the user's language (assets/geo, MIT). */
const BOUNDARIES_SOURCE =
  '© Cahya DSN, <a href="https://github.com/cahyadsn/wilayah_boundaries">wilayah_boundaries</a> (MIT)';

const BORDER = '#00375f';
/** The outline of the area that has the keyboard focus: thick and dark, visible on every fill. */
const FOCUS_STYLE: L.PathOptions = { color: '#0b0c0c', weight: 4 };

/** A Leaflet map of the collection's areas, fitted to them. */
export function RegionMap(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | undefined>(undefined);
  const layer = useRef<L.GeoJSON | undefined>(undefined);
  const latest = useRef(props);
  latest.current = props;
  const attribution = `${useT()('op.map.boundaries')}: ${BOUNDARIES_SOURCE}`;

  useEffect(() => {
    if (!container.current) return;
    const created = L.map(container.current, {
      zoomSnap: 0.25,
      attributionControl: true,
      // Keyboard panning and zooming stay on (Leaflet's defaults); scrolling the page must not zoom the map.
      scrollWheelZoom: false,
    });
    created.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    map.current = created;
    return () => {
      created.remove();
      map.current = undefined;
    };
  }, []);

  // The source of the boundaries, in the language the user reads (again when they switch).
  useEffect(() => {
    const control = map.current?.attributionControl;
    control?.addAttribution(attribution);
    return () => control?.removeAttribution(attribution);
  }, [attribution]);

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
        // The SVG element exists once the map has a view (after fitBounds below): made focusable then.
        shape.on('add', () => makeFocusable(shape as L.Path));
      },
    }).addTo(target);
    layer.current = drawn;
    const bounds = drawn.getBounds();
    if (bounds.isValid()) target.fitBounds(bounds, { padding: [8, 8] });
  }, [props.collection]);

  useEffect(() => {
    layer.current?.setStyle((feature) => styleFor(String(feature?.properties?.code ?? '')));
    layer.current?.eachLayer((shape) => {
      const element = (shape as L.Path).getElement();
      if (element?.hasAttribute('role')) element.setAttribute('aria-label', labelOf(shape as L.Path));
    });
  }, [props.styleKey]);

  function propertiesOf(shape: L.Path): { code: string; name: string } {
    const properties = (shape as L.Path & { feature?: GeoJSON.Feature }).feature?.properties ?? {};
    const code = String(properties.code ?? '');
    return { code, name: String(properties.name ?? code) };
  }

  function labelOf(shape: L.Path): string {
    const { code, name } = propertiesOf(shape);
    return latest.current.selectLabel?.(name, code) ?? name;
  }

  /** Drillable areas are buttons for the keyboard too: Tab reaches each, Enter or Space opens it. */
  function makeFocusable(shape: L.Path) {
    const element = shape.getElement();
    if (!element || !latest.current.onSelect) return;
    const { code } = propertiesOf(shape);
    element.setAttribute('tabindex', '0');
    element.setAttribute('role', 'button');
    element.setAttribute('aria-label', labelOf(shape));
    element.addEventListener('keydown', (event) => {
      const key = (event as KeyboardEvent).key;
      if (key !== 'Enter' && key !== ' ') return;
      event.preventDefault();
      event.stopPropagation();
      latest.current.onSelect?.(code);
    });
    // Leaflet opens the tooltip on focus itself. Not brought to front: moving the focused element in the
    // DOM would drop the focus.
    element.addEventListener('focus', () => shape.setStyle(FOCUS_STYLE));
    // The tooltip goes with the focus and the pointer: none stays open over the map once both have left.
    element.addEventListener('blur', () => {
      shape.setStyle(styleFor(code));
      shape.closeTooltip();
    });
    shape.on('mouseout', () => {
      if (document.activeElement !== element) shape.closeTooltip();
    });
  }

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
