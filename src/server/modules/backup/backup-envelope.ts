import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  scryptSync,
  timingSafeEqual,
} from 'node:crypto';
import { DomainError } from '../../platform/errors.ts';

/**
 * The encrypted envelope of a backup file:
 *   "SIGAPBK1" | uint32 BE header length | header (JSON) | AES-256-GCM ciphertext | 16-byte tag.
 * The header (how the key is derived, salt, IV, a key check) is authenticated as additional data, so changing
 * any byte of the file makes it refused. Children's data is inside: nothing but the header is readable without
 * the key.
 */
const MAGIC = Buffer.from('SIGAPBK1');
const TAG_BYTES = 16;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

/** What opens a backup: the data key (SIGAP_DATA_KEY or the embedded folder's), or a passphrase. */
export type BackupKey = { kind: 'data-key'; key: Uint8Array } | { kind: 'passphrase'; passphrase: string };

type Header = {
  format: 1;
  cipher: 'aes-256-gcm';
  key: BackupKey['kind'];
  salt: string;
  iv: string;
  check: string;
};

function deriveKey(key: BackupKey, salt: Buffer): Buffer {
  if (key.kind === 'data-key') {
    return Buffer.from(hkdfSync('sha256', key.key, salt, 'sigap-backup-v1', 32));
  }
  return scryptSync(key.passphrase.normalize('NFC'), salt, 32, SCRYPT);
}

/** A short value that tells a wrong key from a damaged file, revealing nothing about the key. */
function keyCheck(derived: Buffer): string {
  return createHmac('sha256', derived).update('sigap-backup-key-check').digest('base64url').slice(0, 22);
}

/** Encrypts `plain` into a backup file. */
export function sealBackup(plain: Buffer, key: BackupKey): Buffer {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const derived = deriveKey(key, salt);
  const header: Header = {
    format: 1,
    cipher: 'aes-256-gcm',
    key: key.kind,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    check: keyCheck(derived),
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const cipher = createCipheriv('aes-256-gcm', derived, iv);
  cipher.setAAD(Buffer.concat([MAGIC, length, headerBytes]));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, length, headerBytes, body, cipher.getAuthTag()]);
}

function invalid(reason: string): DomainError {
  return new DomainError(
    'backup_invalid',
    `Berkas cadangan rusak atau telah diubah (${reason}) / the backup file is damaged or was changed`,
  );
}

/** How a backup file was sealed: with the data key or a passphrase. Throws backup_invalid. */
export function backupKeyKind(file: Buffer): BackupKey['kind'] {
  return readHeader(file).header.key;
}

function readHeader(file: Buffer): { header: Header; prefix: Buffer } {
  if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw invalid('bukan berkas cadangan Sigap / not a Sigap backup');
  }
  const length = file.readUInt32BE(MAGIC.length);
  const end = MAGIC.length + 4 + length;
  if (length > 4096 || file.length < end + TAG_BYTES) throw invalid('kepala berkas / header');
  let header: Header;
  try {
    header = JSON.parse(file.subarray(MAGIC.length + 4, end).toString('utf8')) as Header;
  } catch {
    throw invalid('kepala berkas / header');
  }
  if (
    header.format !== 1 ||
    header.cipher !== 'aes-256-gcm' ||
    !['data-key', 'passphrase'].includes(header.key)
  ) {
    throw invalid('format tidak dikenal / unknown format');
  }
  return { header, prefix: file.subarray(0, end) };
}

/** Decrypts a backup file. Throws backup_key_wrong for a wrong key, backup_invalid for a changed file. */
export function openBackup(file: Buffer, key: BackupKey): Buffer {
  const { header, prefix } = readHeader(file);
  if (header.key !== key.kind) {
    throw new DomainError(
      'backup_key_wrong',
      header.key === 'passphrase'
        ? 'Cadangan ini dikunci dengan frasa sandi / this backup is sealed with a passphrase'
        : 'Cadangan ini dikunci dengan kunci data (SIGAP_DATA_KEY) / this backup is sealed with the data key',
    );
  }
  const derived = deriveKey(key, Buffer.from(header.salt, 'base64'));
  const expected = Buffer.from(keyCheck(derived));
  const given = Buffer.from(String(header.check));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new DomainError(
      'backup_key_wrong',
      'Kunci atau frasa sandi salah untuk cadangan ini / wrong key or passphrase for this backup',
    );
  }
  const decipher = createDecipheriv('aes-256-gcm', derived, Buffer.from(header.iv, 'base64'));
  decipher.setAAD(prefix);
  decipher.setAuthTag(file.subarray(file.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(file.subarray(prefix.length, file.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw invalid('tag autentikasi / authentication tag');
  }
}

/** A fingerprint of the data key: restore refuses a target whose key differs (its NIKs could not be read). */
export function dataKeyFingerprint(dataKey: Uint8Array): string {
  return createHmac('sha256', dataKey).update('sigap-data-key-fingerprint').digest('base64url').slice(0, 16);
}
