// Every route declares the schema of its success reply (decision 0022): the OpenAPI document says what comes
// back, Fastify serialises exactly those fields, and the web imports the same types from src/shared.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db-template.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './platform/config.ts';
import type { Database } from './platform/db.ts';

/**
 * Replies that are not JSON, each with its reason (keys are `METHOD path`). Everything else declares a 2xx schema.
 */
const NOT_JSON: Record<string, string> = {
  'GET /api/docs': 'the API browser (HTML, @fastify/swagger-ui)',
  'GET /api/docs/static/index.html': 'the API browser (HTML)',
  'GET /api/docs/static/swagger-initializer.js': 'the API browser (JavaScript)',
  'GET /api/docs/json': 'the OpenAPI document itself',
  'GET /api/docs/yaml': 'the OpenAPI document itself (YAML)',
  'GET /api/docs/static/*': "the API browser's files",
  'GET /.well-known/security.txt': 'text/plain (RFC 9116)',
  'GET /metrics': 'Prometheus text format',
  'GET /api/reports/:id/photos/:photoId': "the photo's bytes (image/jpeg or image/png)",
  'GET /api/provocation/sightings/:id/screenshot': "the screenshot's bytes (image/jpeg or image/png)",
  'GET /api/geo/kabkota.geojson': 'GeoJSON boundaries sent as stored, pre-serialised, with an ETag',
  'GET /api/geo/kecamatan.geojson': 'GeoJSON boundaries sent as stored, pre-serialised, with an ETag',
  'POST /api/evaluations/report.pdf': 'a PDF file',
  'POST /api/evaluations/report.xlsx': 'an XLSX file',
  'GET /api/evaluations/reports/:id/file': 'a stored PDF/XLSX file',
  'GET /api/workshops/:id/materials/:materialId': 'a stored material file',
  'GET /api/peace-agreements/:id/document': 'a stored scanned document',
  'GET /api/events': 'Server-Sent Events stream (text/event-stream)',
  'GET /api/alerts/feed.xml': 'Atom feed (XML)',
  'GET /api/alerts/:id/cap.xml': 'CAP 1.2 alert (XML)',
  'POST /api/admin/backup': 'the encrypted backup file (application/octet-stream)',
  'POST /api/bench/baseline-report': 'bench mode only, never registered in production',
  'GET /odk/formList': 'OpenRosa 1.0 XML for ODK Collect (decision 0015)',
  'GET /odk/forms/:formFile': 'OpenRosa 1.0 XML for ODK Collect (decision 0015)',
  'GET /odk/forms/:formId/manifest': 'OpenRosa 1.0 XML for ODK Collect (decision 0015)',
  'GET /odk/forms/:formId/attachments/:name': 'OpenRosa 1.0 XML for ODK Collect (decision 0015)',
  'POST /odk/submission': 'OpenRosa 1.0 XML for ODK Collect (decision 0015)',
  'GET /odk/key/:token/formList': 'OpenRosa 1.0 XML for ODK Collect (decision 0015)',
  'GET /odk/key/:token/forms/:formFile': 'OpenRosa 1.0 XML for ODK Collect (decision 0015)',
  'GET /odk/key/:token/forms/:formId/manifest': 'OpenRosa 1.0 XML for ODK Collect (decision 0015)',
  'GET /odk/key/:token/forms/:formId/attachments/:name': 'OpenRosa 1.0 XML for ODK Collect (decision 0015)',
  'POST /odk/key/:token/submission': 'OpenRosa 1.0 XML for ODK Collect (decision 0015)',
};

/**
 * JSON routes that still lack a reply schema when this test was written. The list may only shrink: a route
 * that gains a schema must leave it (the second test fails otherwise), and a new route can never join it.
 */
const NOT_YET: readonly string[] = [];

type Seen = { key: string; hasReply: boolean };

/** The built web app (when `dist/web` exists) is served file by file by @fastify/static: pages and scripts. */
const WEB_DIR = path.resolve(import.meta.dirname, '../../dist/web');
const isWebFile = (key: string) =>
  key.startsWith('GET /') &&
  !key.startsWith('GET /api/') &&
  existsSync(path.join(WEB_DIR, key.slice('GET /'.length)));

function successSchema(route: RouteOptions): boolean {
  const response = (route.schema as { response?: Record<string, unknown> } | undefined)?.response;
  if (!response) return false;
  return Object.keys(response).some((status) => /^(2\d\d|2xx)$/.test(status));
}

describe('reply schemas', () => {
  const seen: Seen[] = [];
  let db: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({ LOG_LEVEL: 'silent', SIGAP_JOBS: 'false', SIGAP_BENCH: 'true' });
    const app = await buildApp({
      config,
      db,
      logger: false,
      onRoute: (route) => {
        const methods = Array.isArray(route.method) ? route.method : [route.method];
        for (const method of methods) {
          if (method === 'HEAD') continue;
          seen.push({ key: `${method} ${route.url}`, hasReply: successSchema(route) });
        }
      },
    });
    await app.ready();
    close = async () => {
      await app.close();
      await db.close();
    };
  });
  afterAll(() => close());

  it('every JSON route declares the schema of its success reply', () => {
    expect(seen.length).toBeGreaterThan(100);
    const missing = seen
      .filter((route) => !route.hasReply && !(route.key in NOT_JSON) && !NOT_YET.includes(route.key))
      .filter((route) => !isWebFile(route.key))
      .map((route) => route.key);
    expect(missing).toEqual([]);
  });

  it('lists as exempt only routes that exist and still declare no reply schema', () => {
    const without = new Set(seen.filter((route) => !route.hasReply).map((route) => route.key));
    for (const key of [...Object.keys(NOT_JSON), ...NOT_YET]) expect(without.has(key), key).toBe(true);
  });
});
