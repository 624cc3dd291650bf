import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isIPv4 } from 'node:net';
import path from 'node:path';
// @peculiar/x509 resolves its parsers through tsyringe, which needs the Reflect metadata polyfill loaded first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import type { TlsHost } from './tls-hosts.ts';

x509.cryptoProvider.set(globalThis.crypto);

/** The files `sigap tls create` writes into its folder. */
export const TLS_FILES = {
  caCert: 'sigap-ca.crt',
  caKey: 'sigap-ca.key',
  cert: 'sigap.crt',
  key: 'sigap.key',
} as const;

const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY_MS = 86_400_000;
/** The authority lasts ten years; the server certificate 825 days, the longest every phone and PC accepts. */
export const CA_DAYS = 3650;
export const SERVER_DAYS = 825;
/** A tiny DER writer: enough for the name constraints extension, which the library does not build. */
function der(tag: number, content: Uint8Array): Buffer<ArrayBuffer> {
  const length = content.length;
  const head =
    length < 0x80 ? [length] : length < 0x100 ? [0x81, length] : [0x82, (length >> 8) & 0xff, length & 0xff];
  return Buffer.concat([Buffer.from([tag, ...head]), content]);
}

function ipBytes(ip: string): Uint8Array {
  if (isIPv4(ip)) return Uint8Array.from(ip.split('.').map(Number));
  const [left, right = ''] = ip.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const missing = 8 - groups(left).length - groups(right).length;
  const all = ip.includes('::')
    ? [...groups(left), ...Array(missing).fill('0'), ...groups(right)]
    : groups(ip);
  return Uint8Array.from(
    all.flatMap((group) => [Number.parseInt(group, 16) >> 8, Number.parseInt(group, 16) & 0xff]),
  );
}

/** One permitted subtree: a host name (dNSName [2]) or one exact address (iPAddress [7], address + full mask). */
function subtree(host: TlsHost): Buffer<ArrayBuffer> {
  if (host.kind === 'dns') return der(0x30, der(0x82, Buffer.from(host.value, 'ascii')));
  const address = ipBytes(host.value);
  return der(0x30, der(0x87, Buffer.concat([address, Buffer.alloc(address.length, 0xff)])));
}

/**
 * Name constraints (RFC 5280 §4.2.1.10): the authority may vouch only for these hosts. An authority installed on
 * every phone of the office can then not be used to impersonate any other site, even if its key leaked.
 */
function nameConstraints(hosts: readonly TlsHost[]): x509.Extension {
  const permitted = der(0xa0, Buffer.concat(hosts.map(subtree))); // permittedSubtrees [0]
  return new x509.Extension('2.5.29.30', true, der(0x30, permitted));
}

function sanExtension(hosts: readonly TlsHost[]): x509.SubjectAlternativeNameExtension {
  return new x509.SubjectAlternativeNameExtension(
    hosts.map((host) => ({
      type: host.kind === 'ip' ? ('ip' as const) : ('dns' as const),
      value: host.value,
    })),
  );
}

async function exportKey(key: CryptoKey): Promise<string> {
  const pkcs8 = await globalThis.crypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');
}

type Authority = { cert: x509.X509Certificate; keys: CryptoKeyPair; isNew: boolean };

async function loadAuthority(folder: string): Promise<Authority | undefined> {
  const certFile = path.join(folder, TLS_FILES.caCert);
  const keyFile = path.join(folder, TLS_FILES.caKey);
  if (!existsSync(certFile) && !existsSync(keyFile)) return undefined;
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    throw new Error(
      `${folder}: hanya satu dari ${TLS_FILES.caCert} dan ${TLS_FILES.caKey} yang ada; pakai folder lain / ` +
        'only one of the authority files is there; use another folder',
    );
  }
  const cert = new x509.X509Certificate(readFileSync(certFile, 'utf8'));
  const privateKey = await globalThis.crypto.subtle.importKey(
    'pkcs8',
    x509.PemConverter.decodeFirst(readFileSync(keyFile, 'utf8')),
    KEY_ALGORITHM,
    false,
    ['sign'],
  );
  const publicKey = await cert.publicKey.export(KEY_ALGORITHM, ['verify']);
  return { cert, keys: { privateKey, publicKey }, isNew: false };
}

async function createAuthority(hosts: readonly TlsHost[], now: Date): Promise<Authority> {
  const keys = (await globalThis.crypto.subtle.generateKey(KEY_ALGORITHM, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const stamp = now.toISOString().slice(0, 10);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: `CN=Sigap CA kantor ${stamp}, O=Sigap`,
    keys,
    signingAlgorithm: SIGNING,
    notBefore: new Date(now.getTime() - 5 * 60_000),
    notAfter: new Date(now.getTime() + CA_DAYS * DAY_MS),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      nameConstraints(hosts),
    ],
  });
  return { cert, keys, isNew: true };
}

/** Whether an existing authority's name constraints allow every host asked for (only the hosts it was made for). */
function authorityAllows(authority: x509.X509Certificate, hosts: readonly TlsHost[]): boolean {
  const constraints = authority.getExtension('2.5.29.30');
  if (!constraints) return true;
  const permitted = Buffer.from(constraints.value);
  return hosts.every((host) => permitted.includes(subtree(host)));
}

export type TlsCreated = {
  folder: string;
  caCertFile: string;
  certFile: string;
  keyFile: string;
  /** False when an authority already in the folder signed the new certificate (phones keep trusting it). */
  isNewAuthority: boolean;
  caFingerprint: string;
  serverNotAfter: Date;
  hosts: readonly TlsHost[];
};

/** Writes a file through a temporary name, so a failure never leaves half a key; `mode` before any content. */
function writeSecure(file: string, text: string, mode: number): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode, flag: 'wx' });
  chmodSync(temporary, mode);
  renameSync(temporary, file);
}

/**
 * Makes (or reuses) the office's certificate authority in `folder` and a server certificate for `hosts` signed by
 * it. Keys are ECDSA P-256, written readable by the owner only; the folder is the owner's only.
 */
export async function createTlsFiles(
  folder: string,
  hosts: readonly TlsHost[],
  now: Date = new Date(),
): Promise<TlsCreated> {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const existing = await loadAuthority(folder);
  if (existing && !authorityAllows(existing.cert, hosts)) {
    throw new Error(
      `${folder}: otoritas sertifikat di folder ini hanya berlaku untuk alamat lamanya; buat di folder baru (--out) ` +
        'dan pasang otoritas barunya di tiap perangkat / the authority in this folder covers only its earlier ' +
        'addresses; create one in a new folder (--out) and install the new authority on each device',
    );
  }
  const authority = existing ?? (await createAuthority(hosts, now));
  const serverKeys = (await globalThis.crypto.subtle.generateKey(KEY_ALGORITHM, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const first = hosts[0];
  const notAfter = new Date(now.getTime() + SERVER_DAYS * DAY_MS);
  const server = await x509.X509CertificateGenerator.create({
    subject: `CN=Sigap ${first.kind === 'dns' ? first.value.split('.')[0] : 'server'}, O=Sigap`,
    issuer: authority.cert.subject,
    publicKey: serverKeys.publicKey,
    signingKey: authority.keys.privateKey,
    signingAlgorithm: SIGNING,
    notBefore: new Date(now.getTime() - 5 * 60_000),
    notAfter,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      sanExtension(hosts),
      await x509.SubjectKeyIdentifierExtension.create(serverKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(authority.keys.publicKey),
    ],
  });
  const files = {
    caCert: path.join(folder, TLS_FILES.caCert),
    caKey: path.join(folder, TLS_FILES.caKey),
    cert: path.join(folder, TLS_FILES.cert),
    key: path.join(folder, TLS_FILES.key),
  };
  if (authority.isNew) {
    writeSecure(files.caKey, await exportKey(authority.keys.privateKey), 0o600);
    writeSecure(files.caCert, authority.cert.toString('pem'), 0o644);
  }
  writeSecure(files.key, await exportKey(serverKeys.privateKey), 0o600);
  // The chain the server sends: its own certificate, then the authority's.
  writeSecure(files.cert, `${server.toString('pem')}\n${authority.cert.toString('pem')}\n`, 0o644);
  const caFingerprint = Buffer.from(await authority.cert.getThumbprint('SHA-256'))
    .toString('hex')
    .toUpperCase()
    .replace(/(..)(?=.)/g, '$1:');
  return {
    folder,
    caCertFile: files.caCert,
    certFile: files.cert,
    keyFile: files.key,
    isNewAuthority: authority.isNew,
    caFingerprint,
    serverNotAfter: notAfter,
    hosts,
  };
}
