import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWeb } from '../scripts/build-web.ts';

// The JavaScript the field-report page loads, compressed as a server would send it, from the built files:
// the scripts index.html names (and modulepreloads), everything they import statically, and any lazily
// loaded chunk of the report page itself with its static imports.

const WEB_DIR = path.resolve(import.meta.dirname, '../dist/web');

/** The budget of the field-report page on low-end phones and slow networks (STACK.md). */
export const BUDGET_BYTES = 150 * 1024;

export type BundleFile = { file: string; bytes: number; gzipBytes: number; isLazy: boolean };

const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{},\s]*?\bfrom\s*)?["']([^"'\s]+\.js)["']/g;
// Minified output may write a dynamic import's path as a template literal.
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`\s]+\.js)["'`]\s*\)/g;
/** The lazily loaded chunk of the field-report page (src/web/field/ReportPage.tsx). */
const REPORT_CHUNK = /^ReportPage-[\w-]+\.js$/;

function resolveFrom(fromFile: string, specifier: string): string {
  return specifier.startsWith('/')
    ? path.join(WEB_DIR, specifier)
    : path.resolve(path.dirname(fromFile), specifier);
}

/** Builds dist/web when it is stale, then sums the gzip sizes of the report page's JavaScript. */
export async function measureWebBundle(): Promise<{ files: BundleFile[]; gzipBytes: number; bytes: number }> {
  await ensureWeb();
  const html = readFileSync(path.join(WEB_DIR, 'index.html'), 'utf8');
  const entries = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g),
  ].map((m) => path.join(WEB_DIR, m[1]));
  const seen = new Map<string, boolean>();
  const queue = entries.map((file) => ({ file, isLazy: false }));
  while (queue.length > 0) {
    const { file, isLazy } = queue.shift()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.set(file, isLazy);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push({ file: resolveFrom(file, m[1]), isLazy });
    for (const m of code.matchAll(DYNAMIC_IMPORT)) {
      if (REPORT_CHUNK.test(path.basename(m[1]))) queue.push({ file: resolveFrom(file, m[1]), isLazy: true });
    }
  }
  const files = [...seen].map(([file, isLazy]) => {
    const content = readFileSync(file);
    return {
      file: path.relative(WEB_DIR, file),
      bytes: content.length,
      gzipBytes: gzipSync(content).length,
      isLazy,
    };
  });
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}
