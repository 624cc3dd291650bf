import Fastify, { type FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { acceptBytes, uploadedBytes, uploadedFile } from './byte-bodies.ts';
import { DomainError } from './errors.ts';

describe('acceptBytes', () => {
  it('hands the route the raw bytes of the named types, and refuses a body past the limit', async () => {
    const app = Fastify();
    acceptBytes(app, ['image/png'], 4);
    app.put('/bytes', async (request) => ({
      isBuffer: Buffer.isBuffer(request.body),
      length: (request.body as Buffer).length,
    }));
    const put = (payload: string) =>
      app.inject({ method: 'PUT', url: '/bytes', headers: { 'content-type': 'image/png' }, payload });
    expect((await put('abcd')).json()).toEqual({ isBuffer: true, length: 4 });
    expect((await put('abcde')).statusCode).toBe(413);
  });
});

describe('uploadedBytes', () => {
  it('gives back a Buffer body and refuses anything else with 415 and the given message', () => {
    const bytes = Buffer.from('x');
    expect(uploadedBytes(bytes, 'Kirim gambar')).toBe(bytes);
    const refused = (() => {
      try {
        uploadedBytes({ text: 'x' }, 'Kirim gambar');
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'unsupported_media_type', message: 'Kirim gambar' });
  });
});

describe('uploadedFile', () => {
  it('names the format of a known content type, whatever its case and parameters, and refuses others with 415', () => {
    const formats = { 'text/csv': 'csv' as const };
    const request = (contentType: string | undefined, body: unknown) =>
      ({ headers: contentType ? { 'content-type': contentType } : {}, body }) as unknown as FastifyRequest;
    const bytes = Buffer.from('a,b');
    expect(uploadedFile(request('Text/CSV; charset=utf-8', bytes), formats, 'Kirim CSV')).toEqual({
      format: 'csv',
      bytes,
    });
    for (const refused of [
      request('application/pdf', bytes),
      request(undefined, bytes),
      request('text/csv', 'a,b'),
    ])
      expect(() => uploadedFile(refused, formats, 'Kirim CSV')).toThrow(
        expect.objectContaining({ code: 'unsupported_media_type', message: 'Kirim CSV' }),
      );
  });
});
