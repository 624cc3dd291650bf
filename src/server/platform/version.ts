import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Sigap's version, from package.json. */
export const SIGAP_VERSION: string = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../package.json'), 'utf8'),
).version;
