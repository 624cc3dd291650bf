import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { authAs, people, testAppWith } from '../../../../test/harness.ts';

// Lists that do not change during the day travel compressed, carry an ETag and a Cache-Control, and cost a
// 304 with no body when the browser already holds them (decision 0028).
describe('region lists: compression, ETag, Cache-Control', () => {
  const { t, admin } = testAppWith({
    ...people('admin'),
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { ...authAs(admin), ...headers } });

  it('sends the kab/kota list compressed, the same JSON as uncompressed, kept an hour', async () => {
    const plain = await get('/api/regions?parent=35&limit=100');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json().items).toHaveLength(38);
    expect(plain.headers['cache-control']).toBe('private, max-age=3600, stale-while-revalidate=86400');

    const br = await get('/api/regions?parent=35&limit=100', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json());

    const gzip = await get('/api/regions?parent=35&limit=100', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString('utf8'))).toEqual(plain.json());
    // One ETag for the content, whatever the encoding.
    expect(br.headers.etag).toBe(plain.headers.etag);
    expect(gzip.headers.etag).toBe(plain.headers.etag);
  });

  it('answers 304 with no body to the ETag the browser holds, and 200 to another', async () => {
    const first = await get('/api/regions/35.09');
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    const again = await get('/api/regions/35.09', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    const other = await get('/api/regions/35.10', { 'if-none-match': etag });
    expect(other.statusCode).toBe(200);
    expect(other.json().code).toBe('35.10');
  });

  it('revalidates the Bakorwil list every time: 304 until an admin changes it, then the new list', async () => {
    const first = await get('/api/bakorwil');
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const etag = String(first.headers.etag);
    expect((await get('/api/bakorwil', { 'if-none-match': etag })).statusCode).toBe(304);
    const changed = await t.call(admin, 'PUT', '/api/bakorwil/IV', {
      name: 'Bakorwil IV Madura',
      seat: 'Pamekasan',
      members: ['35.26', '35.27', '35.28', '35.29'],
    });
    expect(changed.statusCode).toBe(200);
    const after = await get('/api/bakorwil', { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.json().items.find((b: { id: string }) => b.id === 'IV').name).toBe('Bakorwil IV Madura');
  });

  it('keeps the asker’s own answers out of shared caches and has the browser ask again each time', async () => {
    const users = await get('/api/users');
    expect(users.statusCode).toBe(200);
    expect(users.headers['cache-control']).toBe('private, no-cache');
    const again = await get('/api/users', { 'if-none-match': String(users.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('leaves small replies uncompressed', async () => {
    const res = await get('/api/regions/35.09', { 'accept-encoding': 'br' });
    expect(res.rawPayload.length).toBeLessThan(1024);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
