// Uploads that arrive as their own bytes (photos, screenshots, documents, materials, roster and history files).
import type { FastifyInstance } from 'fastify';
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
