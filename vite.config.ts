import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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

/**
 * Starts, from index.html itself, what the field report page needs besides the entry script: the chunk that
 * holds it if it is not the entry (with the chunks it imports and their CSS) and the signed-in user. On a 2 s
 * round trip each of these would otherwise cost a round trip of its own, one after the other.
 */
function preloadReportPage(): Plugin {
  return {
    name: 'sigap-preload-report-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle ?? {};
        const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
        const report = chunks.find((chunk) =>
          chunk.moduleIds.some((id) => id.endsWith('/field/ReportPage.tsx')),
        );
        if (!report) throw new Error('the report page chunk (field/ReportPage.tsx) was not built');
        // What index.html already loads (the entry and the chunks Vite preloads for it).
        const loadedByEntry = new Set(
          [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((match) => match[1]),
        );
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (chunk?.type !== 'chunk' || scripts.has(fileName) || loadedByEntry.has(fileName)) return;
          scripts.add(fileName);
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
          for (const imported of chunk.imports) visit(imported);
        };
        visit(report.fileName);
        return [
          // The same request App makes (findMe): same URL, credentials and mode, so the browser reuses it.
          {
            tag: 'link',
            attrs: { rel: 'preload', href: '/api/me', as: 'fetch', crossorigin: 'use-credentials' },
            injectTo: 'head-prepend',
          },
          ...[...scripts].map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${fileName}` },
            injectTo: 'head' as const,
          })),
          ...[...styles].map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'preload', href: `/${fileName}`, as: 'style' },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

/**
 * Puts the entry's stylesheet into index.html as a `<style>` (the policy allows inline styles, not inline
 * scripts): its bytes come with the document, during the round trip the scripts and `/api/me` are on their
 * way, instead of sharing 400 kbit/s with them after it. The file stays in the build for the service worker.
 */
function inlineEntryStyles(): Plugin {
  return {
    name: 'sigap-inline-entry-styles',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle ?? {};
        return html.replace(
          /<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g,
          (link, fileName: string) => {
            const asset = bundle[fileName];
            if (asset?.type !== 'asset') return link;
            const css =
              typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
            if (css.includes('</style')) return link;
            return `<style>${css}</style>`;
          },
        );
      },
    },
  };
}

/** Text files worth compressing, and the smallest one that gains from it. */
const COMPRESSIBLE = /\.(js|css|html|svg|json|webmanifest)$/;
const MIN_COMPRESS_BYTES = 1024;

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the build, compressed once at the
 * highest levels; the server sends the one the browser accepts (@fastify/static preCompressed). On 400 kbit/s
 * the report page's scripts shrink from about 250 KB to 60 KB.
 */
function precompress(): Plugin {
  return {
    name: 'sigap-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const outDir = options.dir ?? fromRoot('./dist/web');
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const file = path.join(outDir, fileName);
        const content = readFileSync(file);
        if (content.length < MIN_COMPRESS_BYTES) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

/** The web app: src/web → dist/web, served by the Sigap server at `/`. */
export default defineConfig({
  root: fromRoot('./src/web'),
  publicDir: PUBLIC_DIR,
  plugins: [preact(), preloadReportPage(), inlineEntryStyles(), serviceWorker(), precompress()],
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
