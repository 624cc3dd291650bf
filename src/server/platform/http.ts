import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, ERROR_STATUS, INVALID_INPUT, invalidField } from './errors.ts';
import type { Principal } from './principal.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    sessionTokenHash: string | null;
    /** The hash of the bearer token the request signed in with, if it did. */
    apiTokenHash: string | null;
    csrfToken: string | null;
    authVia: 'session' | 'token' | null;
  }
}

export const SESSION_COOKIE = 'sigap_session';
export const CSRF_HEADER = 'x-csrf-token';
/** A long-lived cookie naming a browser that signed in before: its guesses are counted apart. */
export const DEVICE_COOKIE = 'sigap_device';

/** The signed-in principal; throws unauthenticated when the request carries none. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new DomainError('unauthenticated', 'Silakan masuk terlebih dahulu');
  return request.principal;
}

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/** The one error handler: stable codes, one shape, no stack traces or SQL in replies. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toErrorReply(error);
    if (status >= 500) request.log.error({ err: error, reqId: request.id }, 'request failed');
    if (body.error.code === 'login_locked') {
      const minutes =
        (body.error.details as { retryAfterMinutes?: number } | undefined)?.retryAfterMinutes ?? 1;
      reply.header('retry-after', String(minutes * 60));
    }
    return reply.status(status).send(body);
  });
}

function toErrorReply(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof DomainError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details !== undefined) body.error.details = error.details;
    return { status: error.status, body };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((issue) => ({
      path: `${issue.instancePath.replace(/^\//, '').replaceAll('/', '.')}`,
      message: issue.message ?? 'tidak valid',
    }));
    return {
      status: 400,
      body: {
        error: { code: 'validation_failed', message: INVALID_INPUT, details: { fields } },
      },
    };
  }
  if (isResponseSerializationError(error)) {
    return { status: 500, body: { error: { code: 'internal', message: 'Terjadi kesalahan pada server' } } };
  }
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    const code =
      fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'payload_too_large'
        : fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'unsupported_media_type'
          : fastifyError.statusCode === 429
            ? 'too_many_requests'
            : 'bad_request';
    const messages: Record<string, string> = {
      payload_too_large: 'Isi permintaan terlalu besar',
      unsupported_media_type: 'Jenis isi permintaan tidak didukung',
      too_many_requests: 'Terlalu banyak permintaan, coba lagi sebentar lagi',
      bad_request: 'Permintaan tidak dapat dibaca',
    };
    return { status: ERROR_STATUS[code], body: { error: { code, message: messages[code] } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'Terjadi kesalahan pada server' } } };
}

/**
 * A Content-Disposition header for a download: an ASCII `filename` for old clients and the exact name as
 * UTF-8 in `filename*` (RFC 6266, RFC 5987), so any name — `Материал.pdf`, quotes — makes a valid header.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_') || 'berkas';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A file sent as a download: its bytes (or a stream), its type and the name the browser saves it under. */
export interface Download {
  contentType: string;
  fileName: string;
  body: Buffer | NodeJS.ReadableStream;
}

/**
 * Sends a file as a download, never serialised (a reply schema beside it only documents the JSON variant).
 * `no-store` keeps files with personal data or a one-off export out of the browser's and proxies' caches.
 */
export function sendDownload(
  reply: FastifyReply,
  { contentType, fileName, body }: Download,
  cache: 'no-store' | 'default',
): FastifyReply {
  reply.header('content-type', contentType).header('content-disposition', attachmentDisposition(fileName));
  if (cache === 'no-store') reply.header('cache-control', 'no-store');
  return reply.send(body);
}

/** The path of the first string holding a NUL character in a parsed query, body or params; undefined if none. */
export function findNulCharacter(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return path ? `${path}.${key}` : key;
    const found = findNulCharacter(item, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Refuses a NUL character anywhere in a request's query, params or JSON body, for every route at once: no
 * text field can hold it and PostgreSQL refuses it in text, which would otherwise surface as a 500.
 */
export function installInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const path =
      findNulCharacter(request.query) ?? findNulCharacter(request.params) ?? findNulCharacter(request.body);
    if (path === undefined) return;
    throw invalidField(path, 'karakter NUL (\\u0000) tidak diizinkan');
  });
}

/**
 * How a request appears in the log: its method, its route pattern (`/api/cases/:id`) and the NAMES of its
 * query parameters — never their values, the path as sent, the body or headers. A search term (`q` holding a
 * NIK), a phone number or a token does not reach the log.
 */
export function serializeRequestForLog(request: FastifyRequest): Record<string, unknown> {
  const route = request.routeOptions?.url;
  const queryAt = request.url.indexOf('?');
  const names =
    queryAt < 0 ? [] : [...new Set(new URLSearchParams(request.url.slice(queryAt + 1)).keys())].sort();
  return {
    method: request.method,
    route: route ?? '(rute tidak dikenal)',
    ...(names.length > 0 ? { query: names.map((name) => name.replace(/[^\w.-]/g, '_').slice(0, 40)) } : {}),
    remoteAddress: request.ip,
  };
}
