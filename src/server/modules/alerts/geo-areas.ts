import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { levelOfCode } from '../../../shared/region-codes.ts';

// Region boundaries for CAP <polygon>: read from the boundaries folder (assets/geo, or GEO_DIR when set).

type Ring = [number, number][];
type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
type Feature = { properties: { code?: string }; geometry: Geometry | null };

/** CAP needs at least four points; receivers cope badly with very long polygons. */
export const MAX_POLYGON_POINTS = 1000;

const FILES = { kecamatan: 'jatim-kecamatan.geojson', kabkota: 'jatim-kabkota.geojson' } as const;

const cache = new Map<string, Map<string, Geometry>>();

function load(geoDir: string, file: string): Map<string, Geometry> {
  const full = path.join(geoDir, file);
  let byCode = cache.get(full);
  if (byCode) return byCode;
  byCode = new Map();
  if (existsSync(full)) {
    const parsed = JSON.parse(readFileSync(full, 'utf8')) as { features: Feature[] };
    for (const feature of parsed.features) {
      if (feature.properties.code && feature.geometry) byCode.set(feature.properties.code, feature.geometry);
    }
  }
  cache.set(full, byCode);
  return byCode;
}

/** Twice the signed area of a ring (shoelace); its absolute value ranks polygons by size. */
function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(sum);
}

function distanceToSegment(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas–Peucker on an open chain of points: keeps the end points and every point farther than tolerance. */
function simplifyChain(points: Ring, tolerance: number): Ring {
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let farthest = -1;
    let max = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i], points[first], points[last]);
      if (d > max) {
        max = d;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** A closed ring simplified until it has at most `maxPoints` points (first point repeated last). */
export function simplifyRing(ring: Ring, maxPoints = MAX_POLYGON_POINTS): Ring {
  if (ring.length <= maxPoints) return ring;
  let tolerance = 0.0001;
  let simplified = ring;
  while (simplified.length > maxPoints) {
    simplified = simplifyChain(ring, tolerance);
    tolerance *= 2;
  }
  return simplified;
}

/**
 * The CAP polygon of a kecamatan or kab/kota: the outer ring of its largest polygon as space-separated
 * 'lat,lon' pairs (CAP's order; GeoJSON is lon,lat), first point repeated last. Undefined when no boundaries
 * are configured or the region has none (desa).
 */
export function capPolygon(geoDir: string | undefined, regionCode: string): string | undefined {
  if (!geoDir) return undefined;
  const level = levelOfCode(regionCode);
  const file = level === 'kabkota' ? FILES.kabkota : level === 'kecamatan' ? FILES.kecamatan : undefined;
  if (!file) return undefined;
  const geometry = load(geoDir, file).get(regionCode);
  if (!geometry) return undefined;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let outer: Ring | undefined;
  for (const polygon of polygons) {
    if (polygon[0] && (!outer || ringArea(polygon[0]) > ringArea(outer))) outer = polygon[0];
  }
  if (!outer || outer.length < 3) return undefined;
  const ring = [...outer];
  const [firstLon, firstLat] = ring[0];
  const [lastLon, lastLat] = ring[ring.length - 1];
  if (firstLon !== lastLon || firstLat !== lastLat) ring.push(ring[0]);
  if (ring.length < 4) return undefined;
  return simplifyRing(ring)
    .map(([lon, lat]) => `${round5(lat)},${round5(lon)}`)
    .join(' ');
}

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;
