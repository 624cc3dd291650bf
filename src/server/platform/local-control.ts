import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';

/**
 * How the command line reaches a running server that holds the embedded data folder (PGlite allows one process
 * per folder): the server writes its loopback address and a random per-process secret into the folder (mode
 * 0600, readable by whoever may read the data itself), and accepts that secret, from this machine only, on the few
 * routes the CLI needs (a backup).
 */
export const LOCAL_CONTROL_FILE = 'sigap-server.json';
export const LOCAL_CONTROL_HEADER = 'x-sigap-control';

const secret = randomBytes(32).toString('base64url');

/** Where a running server can be reached from this machine, and the secret it accepts. */
export type LocalControl = { url: string; secret: string; ca?: string };

/** Writes the control file for `url` (the server's own loopback address). */
export function writeLocalControl(dataDir: string, url: string): void {
  const body: LocalControl = { url, secret };
  writeFileSync(path.join(dataDir, LOCAL_CONTROL_FILE), JSON.stringify(body), { mode: 0o600 });
}

export function removeLocalControl(dataDir: string): void {
  rmSync(path.join(dataDir, LOCAL_CONTROL_FILE), { force: true });
}

/** The control file of the server holding `dataDir`, if it wrote one. */
export function readLocalControl(dataDir: string): LocalControl | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, LOCAL_CONTROL_FILE), 'utf8')) as LocalControl;
  } catch {
    return undefined;
  }
}

/** The request carries this process's control secret and comes from this machine. */
export function isLocalControlRequest(request: FastifyRequest): boolean {
  const given = request.headers[LOCAL_CONTROL_HEADER];
  if (typeof given !== 'string') return false;
  const remote = request.socket.remoteAddress ?? '';
  // Loopback, or the server's own address when it listens on one interface only: the same machine either way.
  const isLoopback =
    remote === '127.0.0.1' ||
    remote === '::1' ||
    remote === '::ffff:127.0.0.1' ||
    remote === request.socket.localAddress;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return isLoopback && a.length === b.length && timingSafeEqual(a, b);
}
