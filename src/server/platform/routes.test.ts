import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NoContent } from '../../shared/replies.ts';
import { installErrorHandler } from './http.ts';
import type { Principal } from './principal.ts';
import { IdParams, routeTable } from './routes.ts';

/** A tiny app with the same compilers and error handler as Sigap's, and one module's route table. */
async function appWith(principal: Principal | null) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    request.principal = principal;
  });
  const on = routeTable(app, ['test']);
  const Note = z.object({ id: z.number(), text: z.string() });
  on.post(
    '/notes/:id',
    {
      summary: 'Catat',
      params: z.object({ id: z.coerce.number().int() }),
      body: z.object({ text: z.string().min(3) }),
      reply: Note,
      status: 201,
    },
    ({ principal, params, body }) => ({
      id: params.id,
      text: `${principal.user.username}: ${body.text}`,
      secret: 'x',
    }),
  );
  on.delete('/notes/:id', { summary: 'Hapus', reply: NoContent, status: 204 }, () => undefined);
  on.get('/public', { summary: 'Terbuka', reply: z.object({ ok: z.boolean() }) }, () => ({ ok: true }));
  const records = routeTable(app, ['test'], { prefix: 'deps' });
  records.byId.patch(
    '/records/:id',
    { summary: 'Ubah', body: z.object({ text: z.string() }), reply: Note },
    (deps, who, id, body) => ({ id: 1, text: `${deps.prefix} ${who.user.username} ${id} ${body.text}` }),
  );
  records.byId.list('/records/:id/notes', { summary: 'Catatan', item: Note }, (deps, _who, id) => [
    { id: 2, text: `${deps.prefix} ${id}` },
  ]);
  records.byId.file('/records/:id/file', { summary: 'Berkas catatan' }, async (deps, who, id) => ({
    contentType: 'text/plain',
    bytes: Buffer.from(`${deps.prefix} ${who.user.username} ${id}`),
  }));
  records.direct.post(
    '/records',
    { summary: 'Catat', body: z.object({ text: z.string() }), reply: Note, status: 201 },
    (deps, who, body) => ({ id: 3, text: `${deps.prefix} ${who.user.username} ${body.text}` }),
  );
  records.direct.list(
    '/records',
    { summary: 'Cari', querystring: z.object({ q: z.string() }), item: Note },
    (deps, _who, query) => [{ id: 4, text: `${deps.prefix} ${query.q}` }],
  );
  records.direct.get(
    '/records/count',
    { summary: 'Jumlah', reply: z.object({ n: z.number() }) },
    (...args) => ({
      n: args.length === 3 && args[2] === undefined ? 0 : -1,
    }),
  );
  on.file(
    '/files/:name',
    { summary: 'Berkas', params: z.object({ name: z.string() }) },
    async ({ principal, params }) => ({
      contentType: 'application/pdf',
      bytes: Buffer.from(`%PDF ${params.name} ${principal.user.username}`),
      ...(params.name === 'unduh' ? { fileName: 'laporan.pdf' } : {}),
    }),
  );
  await app.ready();
  return app;
}

const someone = { user: { username: 'op1' } } as unknown as Principal;

describe('routeTable', () => {
  it('answers with the declared status and only the fields of the reply schema', async () => {
    const app = await appWith(someone);
    const res = await app.inject({ method: 'POST', url: '/notes/7', payload: { text: 'halo' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: 7, text: 'op1: halo' });
    const gone = await app.inject({ method: 'DELETE', url: '/notes/7' });
    expect(gone.statusCode).toBe(204);
    expect(gone.body).toBe('');
  });

  it('refuses bad input with 400 and an anonymous caller with 401, and lets public routes be', async () => {
    const app = await appWith(null);
    const bad = await app.inject({ method: 'POST', url: '/notes/x', payload: { text: 'ha' } });
    expect(bad.statusCode).toBe(400);
    const anonymous = await app.inject({ method: 'POST', url: '/notes/7', payload: { text: 'halo' } });
    expect(anonymous.statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/public' })).json()).toEqual({ ok: true });
  });

  it('gives routes the deps of their table and the principal: about one record the UUID :id and the body, on their input the body, else the query, else nothing', async () => {
    const app = await appWith(someone);
    const id = '0b5f7f1e-3c1a-4d7e-9f3a-2a1b3c4d5e6f';
    const res = await app.inject({ method: 'PATCH', url: `/records/${id}`, payload: { text: 'halo' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 1, text: `deps op1 ${id} halo` });
    const notes = await app.inject({ method: 'GET', url: `/records/${id}/notes` });
    expect(notes.json()).toEqual({ items: [{ id: 2, text: `deps ${id}` }] });
    expect((await app.inject({ method: 'GET', url: '/records/7/notes' })).statusCode).toBe(400);
    const file = await app.inject({ method: 'GET', url: `/records/${id}/file` });
    expect(file.body).toBe(`deps op1 ${id}`);
    expect((await app.inject({ method: 'GET', url: '/records/7/file' })).statusCode).toBe(400);
    expect(IdParams.safeParse({ id }).success).toBe(true);
    const created = await app.inject({ method: 'POST', url: '/records', payload: { text: 'halo' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id: 3, text: 'deps op1 halo' });
    const found = await app.inject({ method: 'GET', url: '/records?q=ha' });
    expect(found.json()).toEqual({ items: [{ id: 4, text: 'deps ha' }] });
    expect((await app.inject({ method: 'GET', url: '/records/count' })).json()).toEqual({ n: 0 });
  });

  it('answers a stored file with its bytes: kept an hour when shown, a download under its name otherwise', async () => {
    const app = await appWith(someone);
    const shown = await app.inject({ method: 'GET', url: '/files/lihat' });
    expect(shown.headers['content-type']).toBe('application/pdf');
    expect(shown.headers['cache-control']).toBe('private, max-age=3600');
    expect(shown.headers['content-disposition']).toBeUndefined();
    expect(shown.body).toBe('%PDF lihat op1');
    const download = await app.inject({ method: 'GET', url: '/files/unduh' });
    expect(download.headers['content-disposition']).toContain('filename="laporan.pdf"');
    expect(download.headers['cache-control']).toBeUndefined();
    expect(download.body).toBe('%PDF unduh op1');
    expect(
      (await appWith(null).then((a) => a.inject({ method: 'GET', url: '/files/lihat' }))).statusCode,
    ).toBe(401);
  });
});
