import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { authAs, buildTestApp, PEOPLE, testAppWith } from '../../../../test/harness.ts';

describe('GET /api/geo/*', () => {
  // No GEO_DIR (an empty value is unset): the boundaries shipped in the package.
  const { t, viewer } = testAppWith({ viewer: PEOPLE.koordinator }, { env: { GEO_DIR: '' } });

  it('serves the 38 kab/kota, gzipped when asked, cached a day with an ETag', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/geo/kabkota.geojson',
      headers: { ...authAs(viewer), 'accept-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toContain('max-age=86400');
    const collection = JSON.parse(gunzipSync(res.rawPayload).toString('utf8'));
    expect(collection.features).toHaveLength(38);
    expect(collection.features[0].properties).toMatchObject({ code: '35.01', name: 'Kabupaten Pacitan' });

    const again = await t.app.inject({
      method: 'GET',
      url: '/api/geo/kabkota.geojson',
      headers: { ...authAs(viewer), 'if-none-match': String(res.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('sends brotli to a browser that accepts it, smaller than gzip', async () => {
    const headers = { ...authAs(viewer), 'accept-encoding': 'gzip, deflate, br' };
    const res = await t.app.inject({ method: 'GET', url: '/api/geo/kecamatan.geojson', headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    const collection = JSON.parse(brotliDecompressSync(res.rawPayload).toString('utf8'));
    expect(collection.features).toHaveLength(666);
    const gzip = await t.app.inject({
      method: 'GET',
      url: '/api/geo/kecamatan.geojson',
      headers: { ...authAs(viewer), 'accept-encoding': 'gzip' },
    });
    expect(res.rawPayload.length).toBeLessThan(gzip.rawPayload.length);
    expect(res.headers.etag).toBe(gzip.headers.etag);
  });

  it('serves the kecamatan of one kab/kota only', async () => {
    const res = await t.call(viewer, 'GET', '/api/geo/kecamatan.geojson?kabkota=35.09');
    expect(res.statusCode).toBe(200);
    const codes = res.json().features.map((f: { properties: { code: string } }) => f.properties.code);
    expect(codes).toHaveLength(31); // Kabupaten Jember
    expect(codes.every((code: string) => code.startsWith('35.09.'))).toBe(true);
    const unknown = await t.call(viewer, 'GET', '/api/geo/kecamatan.geojson?kabkota=35.99');
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses anyone not signed in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/geo/kabkota.geojson' });
    expect(res.statusCode).toBe(401);
  });

  it('answers geo_unavailable when no folder is configured', async () => {
    const bare = await buildTestApp({ GEO_DIR: '/nonexistent/sigap-geo' });
    try {
      const user = await bare.user({ role: 'provinsi', region: '35' });
      const res = await bare.app.inject({
        method: 'GET',
        url: '/api/geo/kabkota.geojson',
        headers: authAs(user),
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('geo_unavailable');
    } finally {
      await bare.close();
    }
  });
});
