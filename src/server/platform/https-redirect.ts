import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The host names and addresses a certificate names (its subject alternative names), lower-case. */
export function certificateNames(certPem: string | Buffer): string[] {
  const names = new X509Certificate(certPem).subjectAltName ?? '';
  return names
    .split(',')
    .map((entry) => entry.trim())
    .map((entry) => entry.replace(/^(DNS|IP Address):/, '').toLowerCase())
    .filter((entry) => entry.length > 0);
}

/** The hostname part of a Host header ('sigap.local:8080', '[::1]:80'), without brackets and port. */
function hostnameOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const bracketed = /^\[([^\]]+)\](:\d+)?$/.exec(header);
  if (bracketed) return bracketed[1].toLowerCase();
  return header.replace(/:\d+$/, '').toLowerCase();
}

export type HttpsRedirect = { port: number; close(): Promise<void> };

/**
 * A plain-HTTP listener that only sends browsers to the HTTPS port (308, method and body kept). The target host
 * is the one asked for when the certificate names it, otherwise the certificate's first name: a forged Host header
 * can never send anyone elsewhere.
 */
export async function startHttpsRedirect(options: {
  host: string;
  port: number;
  httpsPort: number;
  certFile: string;
}): Promise<HttpsRedirect> {
  const names = certificateNames(readFileSync(options.certFile));
  const server = http.createServer((request, response) => {
    const asked = hostnameOf(request.headers.host);
    const target = asked && names.includes(asked) ? asked : (names[0] ?? asked ?? 'localhost');
    const host = target.includes(':') ? `[${target}]` : target;
    const port = options.httpsPort === 443 ? '' : `:${options.httpsPort}`;
    const path = (request.url ?? '/').startsWith('/') ? (request.url ?? '/') : '/';
    response.writeHead(308, {
      location: `https://${host}${port}${path}`,
      'content-type': 'text/plain; charset=utf-8',
      connection: 'close',
    });
    response.end('Sigap memakai HTTPS / Sigap uses HTTPS\n');
    request.resume();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
