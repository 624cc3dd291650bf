// Builds the web app into dist/web only when it is missing or older than its sources, so that
// starting the server a second time stays fast. Run with Node 24: `npm run ensure-web`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUTPUT = path.join(ROOT, 'dist/web/index.html');
/** Everything the web bundle is made from. */
const SOURCES = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'].map((p) =>
  path.join(ROOT, p),
);

/** The newest modification time (ms) of the file or of any file below the folder; 0 when absent. */
function newestChange(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's time
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    newest = Math.max(newest, newestChange(path.join(target, entry.name)));
  }
  return newest;
}

/** Why the web app must be (re)built, or undefined when dist/web is up to date. */
export function findRebuildReason(): string | undefined {
  if (!existsSync(OUTPUT)) return 'dist/web/index.html belum ada / does not exist';
  const builtAt = statSync(OUTPUT).mtimeMs;
  const changed = SOURCES.find((source) => newestChange(source) > builtAt);
  return changed
    ? `${path.relative(ROOT, changed)} lebih baru dari hasil build / newer than the build`
    : undefined;
}

/** Builds dist/web with Vite when needed; returns whether it built. */
export async function ensureWeb(): Promise<boolean> {
  const reason = findRebuildReason();
  if (!reason) {
    console.log('Aplikasi web sudah mutakhir / web app is up to date: dist/web');
    return false;
  }
  console.log(`Membangun aplikasi web / building the web app (${reason})…`);
  const started = performance.now();
  // Imported only when needed: an installation without dev dependencies can still start
  // from a dist/web that was built elsewhere.
  const { build } = await import('vite');
  // Always the production build, whoever asks: under a test runner NODE_ENV is 'test', and Vite would then
  // build development JSX (source positions, hook names) that `npm start` would serve afterwards.
  process.env.NODE_ENV = 'production';
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  console.log(
    `Aplikasi web dibangun / web app built: dist/web (${Math.round(performance.now() - started)} ms)`,
  );
  return true;
}

if (import.meta.main) {
  ensureWeb().catch((error: unknown) => {
    console.error('Gagal membangun aplikasi web / failed to build the web app:', error);
    process.exit(1);
  });
}
