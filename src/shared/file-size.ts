// A file's size in words, for the office pages and the command line. Its own file so the i18n chunk every page
// loads (the field phones' too) does not carry it.
import { formatNumber, type Lang } from './i18n.ts';

/** A file's size in words: 1,5 MB from a mebibyte up, else whole KB rounded up (a byte is 1 KB). */
export function formatFileSize(bytes: number, lang: Lang): string {
  if (bytes >= 1_048_576) return `${formatNumber(Math.round(bytes / 104_857.6) / 10, lang)} MB`;
  return `${formatNumber(Math.ceil(bytes / 1024), lang)} KB`;
}
