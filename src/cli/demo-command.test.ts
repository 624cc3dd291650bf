import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from './cli-args.ts';
import { runSigap, useCliTarget } from './cli-test-helpers.ts';

const SPAWN_TIMEOUT_MS = 90_000;

describe('sigap demo: the command line', () => {
  it('reads scale, seed and password, with scale 1 and no seed by default', () => {
    expect(parseCommandLine(['demo'])).toEqual({
      kind: 'command',
      command: 'demo',
      args: { scale: 1, seed: undefined, password: undefined },
    });
    expect(
      parseCommandLine(['demo', '--scale', '2.5', '--seed', 'jember-2026', '--password', 'Rahasia-Demo-9']),
    ).toEqual({
      kind: 'command',
      command: 'demo',
      args: { scale: 2.5, seed: 'jember-2026', password: 'Rahasia-Demo-9' },
    });
  });

  it.each([
    { argv: ['demo', '--scale', '0'], message: /Skala tidak valid: 0 .* \/ invalid scale: 0/ },
    { argv: ['demo', '--scale', 'banyak'], message: /invalid scale: banyak/ },
    { argv: ['demo', '--scale', '500'], message: /invalid scale: 500/ },
    { argv: ['demo', '--seed', 'a b'], message: /invalid seed: a b/ },
    { argv: ['demo', '--password', 'password123'], message: /demo password too weak: .*too easy to guess/ },
    { argv: ['demo', '--password', '12345678901'], message: /demo password too weak/ },
    { argv: ['demo', 'sekarang'], message: /unexpected argument: sekarang/ },
  ])('refuses $argv with one line in both languages', ({ argv, message }) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});

describe('sigap demo on a prepared database', { timeout: SPAWN_TIMEOUT_MS }, () => {
  const target = useCliTarget();

  it('loads the demo data, printing the seed and, last, the one password; a second run is refused', async () => {
    const first = await runSigap(['demo', '--scale', '0.1', '--seed', 'uji'], target.env);
    expect(first.code).toBe(0);
    expect(first.lines[0]).toBe(
      'Data demo dimuat / demo data loaded: Bakorwil V, skala / scale 0.1, seed uji',
    );
    expect(first.stdout).toMatch(/operator {4}op\.lumajang \(35\.08\), op\.jember \(35\.09\)/);
    expect(first.stdout).toContain('--seed uji');
    expect(first.lines.at(-1)).toBe(
      'Kata sandi semua pengguna demo / password of every demo user: sigap-demo-2026',
    );
    expect(first.stderr).toMatch(/Memuat \/ loading: laporan \d+\/\d+/);

    const second = await runSigap(['demo', '--scale', '0.1'], target.env);
    expect(second.code).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr.trim().split('\n').at(-1)).toMatch(
      /^sigap: Basis data sudah berisi \d+ laporan; .* \/ the database already holds reports; demo data loads only into an empty database$/,
    );
  });
});
