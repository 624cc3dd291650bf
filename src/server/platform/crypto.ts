import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config.ts';
import type { DatabaseKind } from './db.ts';

/** Encrypts personal identifiers at rest and hashes them for matching, under one data key. */
export type DataCipher = {
  /** AES-256-GCM: a version byte, a fresh 12-byte IV, the 16-byte tag, then the ciphertext. */
  encrypt(plain: string): Buffer;
  /** Reverses encrypt; throws when the data was changed or another key wrote it. */
  decrypt(sealed: Uint8Array): string;
  /** HMAC-SHA256 (hex) under the key: equal inputs give equal hashes, nobody without the key can test a guess. */
  keyedHash(value: string): string;
};

const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const DATA_KEY_FILE = 'data-key';

/** Builds the cipher; encryption and hashing use separate keys derived from the data key (HKDF-SHA256). */
export function createDataCipher(dataKey: Uint8Array): DataCipher {
  if (dataKey.length !== 32) throw new ConfigError('SIGAP_DATA_KEY: harus 32 byte / must be 32 bytes');
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), purpose, 32));
  const encryptionKey = derive('sigap/aes-256-gcm/v1');
  const hashKey = derive('sigap/hmac-sha256/v1');
  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const data = Buffer.from(sealed);
      if (data.length < 1 + IV_BYTES + TAG_BYTES || data[0] !== FORMAT_VERSION) {
        throw new Error('Data terenkripsi tidak dikenal / unknown encrypted data');
      }
      const iv = data.subarray(1, 1 + IV_BYTES);
      const tag = data.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([
        decipher.update(data.subarray(1 + IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    },
    keyedHash(value) {
      return createHmac('sha256', hashKey).update(value, 'utf8').digest('hex');
    },
  };
}

/** A new random data key as base64, the form SIGAP_DATA_KEY takes. */
export function generateDataKeyText(): string {
  return randomBytes(32).toString('base64');
}

function decodeKey(text: string, source: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32)
    throw new ConfigError(`${source}: harus 32 byte dalam base64 / must be 32 bytes in base64`);
  return key;
}

/** The error a PostgreSQL deployment gets without a data key: it names the variable and how to make one. */
export function missingDataKeyError(): ConfigError {
  return new ConfigError(
    'Konfigurasi tidak valid / invalid configuration:\n  SIGAP_DATA_KEY: wajib diisi bila memakai PostgreSQL ' +
      '(32 byte base64, mis. `openssl rand -base64 32`); simpan di luar basis data / required with PostgreSQL ' +
      '(32 bytes in base64, e.g. `openssl rand -base64 32`); keep it outside the database',
  );
}

/**
 * The data key: SIGAP_DATA_KEY when set; on the embedded database otherwise the key in <dataDir>/data-key,
 * generated there once (mode 0600) and reused; on PostgreSQL without SIGAP_DATA_KEY a ConfigError, because
 * several instances must share one key and a generated file would exist on one machine only.
 */
export function resolveDataKey(options: {
  configured: string | undefined;
  dataDir: string;
  databaseKind: DatabaseKind;
}): Buffer {
  if (options.configured) return decodeKey(options.configured, 'SIGAP_DATA_KEY');
  if (options.databaseKind === 'postgresql') throw missingDataKeyError();
  const file = path.join(options.dataDir, DATA_KEY_FILE);
  mkdirSync(options.dataDir, { recursive: true });
  try {
    writeFileSync(file, `${generateDataKeyText()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return decodeKey(readFileSync(file, 'utf8'), file);
}

/** A cipher whose key is resolved on first use, so modules that never touch personal data never need it. */
export function lazyDataCipher(resolve: () => Uint8Array): DataCipher {
  let cipher: DataCipher | undefined;
  const get = () => {
    cipher ??= createDataCipher(resolve());
    return cipher;
  };
  return {
    encrypt: (plain) => get().encrypt(plain),
    decrypt: (sealed) => get().decrypt(sealed),
    keyedHash: (value) => get().keyedHash(value),
  };
}
