import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** The web app: src/web → dist/web, served by the Sigap server at `/`. */
export default defineConfig({
  root: fromRoot('./src/web'),
  publicDir: fromRoot('./src/web/public'),
  plugins: [preact()],
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    // Older Android phones: keep the syntax their browsers know.
    target: 'es2020',
    // One entry chunk today; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
