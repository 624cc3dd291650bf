// Requests Sigap makes to addresses an admin typed (webhooks). Such an address must not reach the server's own
// network — the loopback, private and link-local ranges, cloud metadata at 169.254.169.254 — unless a setting
// allows it (WEBHOOK_ALLOW_PRIVATE=true, for a partner inside the office network). The address is checked when
// the URL is saved and again by the connection itself, on the address it actually connects to, so a name that
// resolves to a public address when saved and to a private one later (DNS rebinding) is refused too.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { type DomainError, invalidField } from './errors.ts';

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/** True for a loopback, private, link-local, multicast or reserved IP address. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: refuse rather than guess
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  const mapped = mappedIpv4(address);
  return mapped ? PRIVATE.check(mapped, 'ipv4') : PRIVATE.check(address, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:127.0.0.1, ::ffff:7f00:1), if it is one. */
function mappedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:0{0,4}:){0,4}:?(?:0{0,4}:)?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:0{0,4}:){0,4}:?(?:0{0,4}:)?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return undefined;
  const high = Number.parseInt(hex[1], 16);
  const low = Number.parseInt(hex[2], 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

function privateTargetError(host: string): DomainError {
  return invalidField(
    'url',
    'alamat lokal/privat tidak diizinkan',
    `Alamat ${host} menuju jaringan lokal/privat; webhook hanya ke alamat publik (WEBHOOK_ALLOW_PRIVATE) / private address refused`,
  );
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Checks that a URL's host is public: an IP literal directly, a name by resolving every address it has.
 * Throws validation_failed naming the URL field otherwise.
 */
export async function requirePublicTarget(
  rawUrl: string,
  options: { allowPrivate: boolean; resolve?: (host: string) => Promise<string[]> },
): Promise<void> {
  if (options.allowPrivate) return;
  const host = hostOf(new URL(rawUrl));
  const resolve =
    options.resolve ??
    (async (name: string) => (await dns.promises.lookup(name, { all: true })).map((a) => a.address));
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = await resolve(host);
    } catch {
      throw invalidField(
        'url',
        'nama host tidak dikenal',
        `Nama ${host} tidak dapat di-resolve / cannot be resolved`,
      );
    }
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) throw privateTargetError(host);
}

/** A DNS lookup for connections that fails when a resolved address is private. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as dns.LookupAddress[];
    const refused = list.find((a) => isPrivateAddress(a.address));
    if (refused || list.length === 0) {
      return callback(
        Object.assign(new Error(`alamat privat ditolak / private address refused: ${refused?.address}`), {
          code: 'EPRIVATE',
        }),
        '',
        0,
      );
    }
    if ((options as { all?: boolean }).all)
      return (callback as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    return callback(null, list[0].address, list[0].family);
  });
};

/**
 * POSTs a body and answers the status code. Without allowPrivate, the address connected to must be public:
 * an IP literal is checked before connecting, a name at the lookup the connection itself makes.
 */
export async function postGuarded(
  rawUrl: string,
  request: { headers: Record<string, string>; body: string; timeoutMs: number; allowPrivate: boolean },
): Promise<number> {
  const url = new URL(rawUrl);
  const host = hostOf(url);
  if (!request.allowPrivate && isIP(host) && isPrivateAddress(host)) throw privateTargetError(host);
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise<number>((resolve, reject) => {
    const outgoing = send(
      url,
      {
        method: 'POST',
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        lookup: request.allowPrivate ? undefined : publicOnlyLookup,
        signal: AbortSignal.timeout(request.timeoutMs),
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}
