// The text of an uploaded CSV (the history import, the pillar roster): UTF-8 only, as their documents say.
import { DomainError } from './errors.ts';

/**
 * The text of an uploaded CSV, which must be UTF-8 (a BOM is dropped): a file saved in another encoding (Excel's
 * "CSV" on Windows) is refused with a 400 saying so, never read with its other letters replaced by U+FFFD.
 */
export function csvText(file: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file).replace(/^\uFEFF/, '');
  } catch {
    throw new DomainError(
      'validation_failed',
      'Berkas CSV bukan UTF-8: simpan ulang sebagai "CSV UTF-8" / the CSV file is not UTF-8: save it again as "CSV UTF-8"',
    );
  }
}
