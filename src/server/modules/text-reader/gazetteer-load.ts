import { buildGazetteer, type Gazetteer } from '../../../shared/text-reader/gazetteer.ts';
import { readJatimRegions } from '../regions/regions-data.ts';

let cached: Gazetteer | null = null;

/** The gazetteer of Jawa Timur, built once per process from the regions data the package ships (idn-area-data). */
export function jatimGazetteer(): Gazetteer {
  cached ??= buildGazetteer(readJatimRegions());
  return cached;
}
