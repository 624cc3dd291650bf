// Uploads that arrive as their own bytes (photos, screenshots, documents, materials, roster and history files).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from './errors.ts';

/**
 * Takes request bodies of these content types as their raw bytes (a Buffer), up to `bodyLimit` when given;
 * the route judges the bytes itself.
 */
export function acceptBytes(app: FastifyInstance, contentTypes: readonly string[], bodyLimit?: number): void {
  app.addContentTypeParser(
    [...contentTypes],
    { parseAs: 'buffer', ...(bodyLimit === undefined ? {} : { bodyLimit }) },
    (_request, body, done) => done(null, body),
  );
}

/** The body as bytes, or 415 `unsupported_media_type` with `message` when it came as anything else. */
export function uploadedBytes(body: unknown, message: string): Buffer {
  if (!Buffer.isBuffer(body)) throw new DomainError('unsupported_media_type', message);
  return body;
}

/**
 * An uploaded file whose content type names its format (`formats`: media type, lower case → format): the format
 * and the bytes, or 415 `unsupported_media_type` with `message` when the type is none of them or no bytes came.
 */
export function uploadedFile<F>(
  request: FastifyRequest,
  formats: Record<string, F>,
  message: string,
): { format: F; bytes: Buffer } {
  const format = formats[(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()];
  if (!format || !Buffer.isBuffer(request.body)) throw new DomainError('unsupported_media_type', message);
  return { format, bytes: request.body };
}
