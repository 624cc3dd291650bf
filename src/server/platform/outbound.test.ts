import { describe, expect, it } from 'vitest';
import { isPrivateAddress, requirePublicTarget } from './outbound.ts';

describe('outbound addresses', () => {
  it('tells loopback, private, link-local and mapped addresses from public ones', () => {
    for (const address of [
      '127.0.0.1',
      '10.0.0.5',
      '172.20.1.1',
      '192.168.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      'not-an-address',
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111']) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it('refuses a name when any of its addresses is private, unless allowed', async () => {
    const resolve = async () => ['93.184.215.14', '10.0.0.7'];
    await expect(
      requirePublicTarget('https://mitra.example/hook', { allowPrivate: false, resolve }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      requirePublicTarget('https://mitra.example/hook', { allowPrivate: true, resolve }),
    ).resolves.toBeUndefined();
    await expect(
      requirePublicTarget('https://mitra.example/hook', {
        allowPrivate: false,
        resolve: async () => ['93.184.215.14'],
      }),
    ).resolves.toBeUndefined();
  });
});
