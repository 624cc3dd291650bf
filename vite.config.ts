import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';

const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const PUBLIC_DIR = fromRoot('./src/web/public');

/**
 * Builds src/web/sw.ts as /sw.js (root scope, no hash: browsers look for it at the same address) and writes the
 * app shell into it: every file of this build plus the public folder, and a version hashed from their contents.
 */
function serviceWorker(): Plugin {
  return {
    name: 'sigap-service-worker',
    apply: 'build',
    enforce: 'post', // after Vite has emitted index.html
    buildStart() {
      this.emitFile({ type: 'chunk', id: fromRoot('./src/web/sw.ts'), fileName: 'sw.js' });
    },
    generateBundle(_options, bundle) {
      const worker = bundle['sw.js'];
      if (worker?.type !== 'chunk') throw new Error('sw.js was not built');
      if (worker.imports.length > 0)
        throw new Error('sw.ts must not import anything (it is a classic worker)');
      const hash = createHash('sha256');
      const files: string[] = [];
      for (const [fileName, output] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b))) {
        if (fileName === 'sw.js' || fileName.endsWith('.map')) continue;
        files.push(`/${fileName}`);
        hash.update(fileName).update(output.type === 'chunk' ? output.code : output.source);
      }
      for (const fileName of readdirSync(PUBLIC_DIR).sort()) {
        files.push(`/${fileName}`);
        hash.update(fileName);
      }
      worker.code = worker.code
        .replaceAll('__SIGAP_PRECACHE__', JSON.stringify(files))
        .replaceAll('__SIGAP_VERSION__', JSON.stringify(hash.digest('hex').slice(0, 16)));
    },
  };
}

/** The web app: src/web → dist/web, served by the Sigap server at `/`. */
export default defineConfig({
  root: fromRoot('./src/web'),
  publicDir: PUBLIC_DIR,
  plugins: [preact(), serviceWorker()],
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    // Older Android phones: keep the syntax their browsers know.
    target: 'es2020',
    // Every browser that runs the app supports module preload; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
