import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import {
  createDataCipher,
  DATA_KEY_FILE,
  generateDataKeyText,
  lazyDataCipher,
  resolveDataKey,
} from './crypto.ts';

const KEY = Buffer.alloc(32, 7);

describe('data cipher', () => {
  it('encrypts with a fresh IV each time and decrypts back', () => {
    const cipher = createDataCipher(KEY);
    const a = cipher.encrypt('3510051403860001');
    const b = cipher.encrypt('3510051403860001');
    expect(a.equals(b)).toBe(false);
    expect(a.toString('latin1')).not.toContain('3510051403860001');
    expect(cipher.decrypt(a)).toBe('3510051403860001');
  });

  it('refuses data that was changed or sealed under another key', () => {
    const cipher = createDataCipher(KEY);
    const sealed = cipher.encrypt('3510051403860001');
    sealed[sealed.length - 1] ^= 1;
    expect(() => cipher.decrypt(sealed)).toThrow();
    expect(() => createDataCipher(Buffer.alloc(32, 8)).decrypt(cipher.encrypt('x'))).toThrow();
  });

  it('hashes the same value the same way under one key, differently under another', () => {
    const one = createDataCipher(KEY);
    expect(one.keyedHash('3510051403860001')).toBe(one.keyedHash('3510051403860001'));
    expect(one.keyedHash('3510051403860001')).toMatch(/^[0-9a-f]{64}$/);
    expect(createDataCipher(Buffer.alloc(32, 8)).keyedHash('3510051403860001')).not.toBe(
      one.keyedHash('3510051403860001'),
    );
  });
});

describe('the data key', () => {
  it('is generated once into the data folder of the embedded database, readable by its owner only', () => {
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'sigap-key-')), 'data');
    const first = resolveDataKey({ configured: undefined, dataDir, databaseKind: 'pglite' });
    const file = path.join(dataDir, DATA_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(first)).toBe(true);
    expect(resolveDataKey({ configured: undefined, dataDir, databaseKind: 'pglite' }).equals(first)).toBe(
      true,
    );
  });

  it('comes from SIGAP_DATA_KEY when set', () => {
    const text = generateDataKeyText();
    const key = resolveDataKey({ configured: text, dataDir: '/nonexistent', databaseKind: 'postgresql' });
    expect(key.toString('base64')).toBe(text);
  });

  it('is required on PostgreSQL, and the error names SIGAP_DATA_KEY', () => {
    expect(() =>
      resolveDataKey({ configured: undefined, dataDir: '/tmp', databaseKind: 'postgresql' }),
    ).toThrow(ConfigError);
    expect(() =>
      resolveDataKey({ configured: undefined, dataDir: '/tmp', databaseKind: 'postgresql' }),
    ).toThrow(/SIGAP_DATA_KEY/);
  });

  it('is checked by the configuration: 32 bytes in base64', () => {
    expect(() => loadConfig({ SIGAP_DATA_KEY: 'dGVybGFsdS1wZW5kZWs=' })).toThrow(/SIGAP_DATA_KEY: 32 byte/);
    expect(loadConfig({ SIGAP_DATA_KEY: KEY.toString('base64') }).dataKey).toBe(KEY.toString('base64'));
  });

  it('is looked up only when first needed', () => {
    let calls = 0;
    const cipher = lazyDataCipher(() => {
      calls++;
      return KEY;
    });
    expect(calls).toBe(0);
    cipher.keyedHash('a');
    cipher.encrypt('b');
    expect(calls).toBe(1);
  });
});
