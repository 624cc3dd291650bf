import { describe, expect, it } from 'vitest';
import { login } from '../server/modules/auth/auth-service.ts';
import { loadConfig } from '../server/platform/config.ts';
import { captureOutput, useCliTarget, withDatabase } from './cli-test-helpers.ts';
import { runCli } from './sigap.ts';

const noSleep = async () => undefined;

describe('sigap CLI: tokens and deactivation', { timeout: 120_000 }, () => {
  const target = useCliTarget();
  const run = async (...argv: string[]) => {
    const output = captureOutput();
    const code = await runCli(argv, target.env, output);
    return { code, out: output.stdout, err: output.stderr };
  };
  const signIn = async (password: string) => {
    return withDatabase(target, async (db) => {
      return await login(
        db,
        loadConfig({}),
        { username: 'sari.tokens', password, address: '127.0.0.1' },
        noSleep,
      );
    });
  };

  it('prints a new token with its expiry, lists and revokes it; a password reset revokes the rest', async () => {
    const password = 'Lumpur-Sidoarjo-sembilan';
    const user = ['--username', 'sari.tokens'];
    expect(
      (
        await run(
          'user',
          'create',
          ...user,
          '--role',
          'operator',
          '--region',
          '35.09',
          '--password',
          password,
        )
      ).code,
    ).toBe(0);
    const made = await run('token', 'create', ...user, '--label', 'dasbor', '--days', '30');
    expect(made.code).toBe(0);
    const expiry = /^Berlaku sampai \/ expires: (\S+)$/.exec(made.out[1])?.[1] as string;
    expect(expiry).toMatch(/\+07:00$/);
    const days = (Date.parse(expiry) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const id = /\(id ([0-9a-f-]{36})\)/.exec(made.out[0])?.[1] as string;
    await run('token', 'create', ...user, '--label', 'cadangan');

    const listed = await run('token', 'list', ...user);
    expect(listed.out).toHaveLength(3);
    expect(listed.out).toContainEqual(
      expect.stringMatching(new RegExp(`^${id}\tdasbor\t.*\t-\t${expiry.replace('+', '\\+')}$`)),
    );

    expect((await run('token', 'revoke', ...user, '--id', id)).code).toBe(0);
    expect((await run('token', 'list', ...user)).out).toHaveLength(2);
    const twice = await run('token', 'revoke', ...user, '--id', id);
    expect(twice.code).toBe(2);

    const reset = await run('user', 'reset-password', ...user, '--password', 'Lumpur-Sidoarjo-sepuluh');
    expect(reset.out[0]).toMatch(/sessions and API tokens ended/);
    expect((await run('token', 'list', ...user)).out).toHaveLength(1); // the heading only
  });

  it('deactivates a user, whose sign-in is then refused, and reactivates them', async () => {
    const off = await run('user', 'deactivate', '--username', 'sari.tokens');
    expect(off.code).toBe(0);
    await expect(signIn('Lumpur-Sidoarjo-sepuluh')).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect((await run('user', 'reactivate', '--username', 'sari.tokens')).code).toBe(0);
    await expect(signIn('Lumpur-Sidoarjo-sepuluh')).resolves.toMatchObject({
      principal: { user: { username: 'sari.tokens' } },
    });
  });
});
