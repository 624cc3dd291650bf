import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from './cli-args.ts';

describe('reading the command line', () => {
  it('turns user create into checked, typed arguments', () => {
    const invocation = parseCommandLine([
      'user',
      'create',
      '--username',
      'sari.tksk',
      '--role',
      'koordinator',
      '--region',
      'V',
      '--name',
      'Sari Wulandari',
      '--password=-dimulai-strip',
    ]);
    expect(invocation).toEqual({
      kind: 'command',
      command: 'user create',
      args: {
        username: 'sari.tksk',
        role: 'koordinator',
        region: 'V',
        displayName: 'Sari Wulandari',
        password: '-dimulai-strip',
        agencyId: undefined,
      },
    });
  });

  it('shows the help of a command when --help appears anywhere after it, even among wrong flags', () => {
    const invocation = parseCommandLine(['user', 'create', '--role', 'bupati', '--help']);
    expect(invocation.kind).toBe('help');
    expect(invocation.kind === 'help' && invocation.text).toMatch(/^Pemakaian: npm run sigap -- user create/);
  });

  it.each([
    { argv: [], message: /Perintah belum diberikan \/ no command given/ },
    { argv: ['laporan'], message: /Perintah tidak dikenal: laporan \/ unknown command: laporan/ },
    {
      argv: ['user'],
      message:
        /user memerlukan salah satu dari: create, reset-password, deactivate, reactivate \/ user needs one of/,
    },
    { argv: ['user', 'hapus'], message: /unknown command: user hapus/ },
    {
      argv: ['user', 'create', '--role', 'operator', '--region', '35.09'],
      message: /Opsi wajib --username belum diisi \/ missing required option --username/,
    },
    {
      argv: [
        'user',
        'create',
        '--username',
        'sari',
        '--role',
        'operator',
        '--region',
        '35.09',
        '--umur',
        '3',
      ],
      message: /Opsi tidak dikenal: --umur \/ unknown option: --umur/,
    },
    {
      argv: ['user', 'create', '--username', '--role', 'operator', '--region', '35.09'],
      message: /Opsi --username memerlukan nilai \/ option --username needs a value/,
    },
    { argv: ['token', 'create', '--username='], message: /option --username needs a value/ },
    {
      argv: ['user', 'create', '--username', 'sari', '--role', 'bupati', '--region', '35.09'],
      message: /Peran tidak dikenal: bupati .* \/ unknown role: bupati/,
    },
    {
      argv: ['user', 'create', '--username', 'sari', '--role', 'operator', '--region', 'Jember'],
      message: /Wilayah tidak valid: Jember .* \/ invalid region: Jember/,
    },
    { argv: ['audit', 'verify', 'sekarang'], message: /unexpected argument: sekarang/ },
    { argv: ['migrate', '-x'], message: /unknown option: -x/ },
  ])('refuses $argv with one line, Indonesian then English', ({ argv, message }) => {
    let thrown: unknown;
    try {
      parseCommandLine(argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain('\n');
  });
});
