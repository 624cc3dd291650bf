import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { MAX_SCALE, MIN_SCALE, refuseDemoPassword } from '../server/demo/demo-data.ts';
import { parseHead } from '../server/platform/audit-anchor.ts';
import { RegionCode } from '../shared/regions.ts';
import { Role } from '../shared/users.ts';
import type { TokenRevokeArgs, UsernameArgs } from './cli-accounts.ts';
import type { BackupArgs, RestoreArgs } from './cli-backup.ts';
import type {
  AuditVerifyArgs,
  DemoArgs,
  ResetPasswordArgs,
  TokenCreateArgs,
  UserCreateArgs,
} from './cli-commands.ts';
import type { BacktestArgs } from './cli-early-warning.ts';
import {
  COMMAND_GROUPS,
  COMMAND_SPECS,
  type CommandName,
  renderCommandHelp,
  renderGeneralHelp,
  renderGroupHelp,
} from './cli-help.ts';
import type { OdkTokenCreateArgs, OdkTokenListArgs, OdkTokenRevokeArgs } from './cli-odk.ts';
import type { ReadTextArgs } from './cli-read-text.ts';
import type { TlsCreateArgs } from './cli-tls.ts';
import { parseTlsHost, type TlsHost } from './tls-hosts.ts';

/** Wrong input on the command line: the message is one line, Indonesian / English; the CLI exits 2. */
export class UsageError extends Error {}

type NoArgs = Record<string, never>;

/** The checked arguments of each command. */
export type CommandArgs = {
  'user create': UserCreateArgs;
  'user reset-password': ResetPasswordArgs;
  'token create': TokenCreateArgs;
  'odk token create': OdkTokenCreateArgs;
  'odk token revoke': OdkTokenRevokeArgs;
  'odk token list': OdkTokenListArgs;
  'user deactivate': UsernameArgs;
  'user reactivate': UsernameArgs;
  'token list': UsernameArgs;
  'token revoke': TokenRevokeArgs;
  'audit verify': AuditVerifyArgs;
  'audit head': NoArgs;
  'early-warning backtest': BacktestArgs;
  'privacy retention-plan': NoArgs;
  'privacy retention-run': NoArgs;
  migrate: NoArgs;
  'read-text': ReadTextArgs;
  demo: DemoArgs;
  backup: BackupArgs;
  restore: RestoreArgs;
  'tls create': TlsCreateArgs;
};

/** One command with its checked arguments. */
export type CommandInvocation = {
  [K in CommandName]: { kind: 'command'; command: K; args: CommandArgs[K] };
}[CommandName];

/** What the command line asks for: a help text, or one command with its checked arguments. */
export type Invocation = { kind: 'help'; text: string } | CommandInvocation;

const HELP_FLAGS = new Set(['--help', '-h']);
/** The commands without a subcommand. */
const SINGLE_COMMANDS = [
  'migrate',
  'demo',
  'read-text',
  'backup',
  'restore',
] as const satisfies readonly CommandName[];
const BAKORWIL_ID = /^[IVX]{1,4}$/;

function seeHelp(command?: string): string {
  return `(npm run sigap -- ${command ? `${command} ` : ''}--help)`;
}

/** Finds the command a command line names; the rest of argv are its flags. */
function resolveCommand(argv: readonly string[]): { help: string } | { name: CommandName; rest: string[] } {
  const [first, second] = argv;
  if (first === undefined) {
    throw new UsageError(`Perintah belum diberikan / no command given ${seeHelp()}`);
  }
  if (HELP_FLAGS.has(first) || first === 'help') return { help: renderGeneralHelp() };
  const single = SINGLE_COMMANDS.find((name) => name === first);
  if (single) return { name: single, rest: argv.slice(1) };
  const subcommands = COMMAND_GROUPS[first];
  if (!subcommands) {
    throw new UsageError(`Perintah tidak dikenal: ${first} / unknown command: ${first} ${seeHelp()}`);
  }
  if (second === undefined || HELP_FLAGS.has(second)) {
    if (second !== undefined) return { help: renderGroupHelp(first) };
    throw new UsageError(
      `Perintah ${first} memerlukan salah satu dari: ${subcommands.join(', ')} / ` +
        `${first} needs one of: ${subcommands.join(', ')} ${seeHelp(first)}`,
    );
  }
  // A group may nest one more word ('odk token create').
  const third = argv[2];
  if (third !== undefined && subcommands.includes(`${second} ${third}`)) {
    return { name: `${first} ${second} ${third}` as CommandName, rest: argv.slice(3) };
  }
  if (!subcommands.includes(second)) {
    const both = `${first} ${second}`;
    throw new UsageError(`Perintah tidak dikenal: ${both} / unknown command: ${both} ${seeHelp(first)}`);
  }
  return { name: `${first} ${second}` as CommandName, rest: argv.slice(2) };
}

/**
 * Reads the flags of `name` strictly: unknown flags, stray words and flags without a value are refused. A flag
 * given twice keeps its last value in `values`; every value of a repeatable flag is kept in order in `lists`.
 */
function readFlagLists(
  name: CommandName,
  rest: string[],
): { values: Record<string, string>; lists: Record<string, string[]> } {
  const spec = COMMAND_SPECS[name];
  const options: ParseArgsOptionsConfig = {};
  for (const flag of spec.flags) options[flag.name] = { type: 'string' };
  const { tokens } = parseArgs({ args: rest, options, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const token of tokens) {
    if (token.kind === 'positional') {
      throw new UsageError(
        `Argumen tak terduga: ${token.value} / unexpected argument: ${token.value} ${seeHelp(name)}`,
      );
    }
    if (token.kind !== 'option') continue;
    if (!(token.name in options)) {
      throw new UsageError(
        `Opsi tidak dikenal: ${token.rawName} / unknown option: ${token.rawName} ${seeHelp(name)}`,
      );
    }
    // Like node's strict mode: a value that looks like a flag is a forgotten value, unless given as --flag=value.
    const isMissing = !token.value || (!token.inlineValue && token.value.startsWith('-'));
    if (isMissing) {
      throw new UsageError(
        `Opsi ${token.rawName} memerlukan nilai / option ${token.rawName} needs a value ${seeHelp(name)}`,
      );
    }
    values[token.name] = token.value as string;
    lists[token.name] = [...(lists[token.name] ?? []), token.value as string];
  }
  for (const flag of spec.flags) {
    if (flag.isRequired && values[flag.name] === undefined) {
      throw new UsageError(
        `Opsi wajib --${flag.name} belum diisi / missing required option --${flag.name} ${seeHelp(name)}`,
      );
    }
  }
  return { values, lists };
}

/** The --host values of `tls create`: each an IP address or a host name, at most 20, none twice. */
function checkTlsHosts(texts: readonly string[]): TlsHost[] {
  const hosts: TlsHost[] = [];
  for (const text of texts.flatMap((value) => value.split(','))) {
    const host = parseTlsHost(text);
    if (!host) {
      throw new UsageError(
        `Alamat tidak valid: ${text} (alamat IP seperti 192.168.1.10 atau nama seperti sigap.local) / ` +
          `invalid address: ${text} (an IP address such as 192.168.1.10 or a name such as sigap.local)`,
      );
    }
    if (!hosts.some((known) => known.value === host.value)) hosts.push(host);
  }
  if (hosts.length > 20) throw new UsageError('Paling banyak 20 alamat / at most 20 addresses');
  return hosts;
}

function checkRole(text: string): Role {
  const role = Role.safeParse(text);
  if (!role.success) {
    const allowed = Role.options.join(', ');
    throw new UsageError(
      `Peran tidak dikenal: ${text} (pilihan: ${allowed}) / unknown role: ${text} (choose ${allowed})`,
    );
  }
  return role.data;
}

/** Checks the shape only; whether the region exists is the users service's decision. */
function checkRegion(text: string): string {
  if (!RegionCode.safeParse(text).success && !BAKORWIL_ID.test(text)) {
    throw new UsageError(
      `Wilayah tidak valid: ${text} (kode Kemendagri Jawa Timur seperti 35.09, atau Bakorwil I–V) / ` +
        `invalid region: ${text} (a Kemendagri code in Jawa Timur such as 35.09, or Bakorwil I–V)`,
    );
  }
  return text;
}

/** A volume multiplier: a plain decimal number within the allowed range. */
function checkScale(text: string): number {
  const scale = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(scale >= MIN_SCALE && scale <= MAX_SCALE)) {
    throw new UsageError(
      `Skala tidak valid: ${text} (angka ${MIN_SCALE}–${MAX_SCALE}) / ` +
        `invalid scale: ${text} (a number from ${MIN_SCALE} to ${MAX_SCALE})`,
    );
  }
  return scale;
}

function checkSeed(text: string): string {
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(text)) {
    throw new UsageError(
      `Seed tidak valid: ${text} (huruf, angka, . _ -, maks. 64) / invalid seed: ${text} (letters, digits, . _ -, max. 64)`,
    );
  }
  return text;
}

/** Every demo user shares the password, so a guessable one is refused before anything is written. */
function checkDemoPassword(text: string): string {
  const weakness = refuseDemoPassword(text);
  if (weakness) throw new UsageError(`Kata sandi demo terlalu lemah / demo password too weak: ${weakness}`);
  return text;
}

/** A token's lifetime: whole days, 1–365. */
function checkDays(text: string): number {
  const days = Number(text);
  if (!/^\d+$/.test(text) || days < 1 || days > 365) {
    throw new UsageError(`Hari tidak valid: ${text} (1–365) / invalid days: ${text} (1–365)`);
  }
  return days;
}

/** A WIB calendar day, YYYY-MM-DD; undefined stays undefined. */
function checkDay(text: string | undefined, flag: string): string | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    throw new UsageError(
      `Tanggal --${flag} tidak valid: ${text} (YYYY-MM-DD) / invalid date --${flag}: ${text}`,
    );
  }
  return text;
}

/** A record id as the CLI prints it. */
function checkUuid(text: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) {
    throw new UsageError(`Id tidak valid: ${text} (UUID) / invalid id: ${text} (a UUID)`);
  }
  return text.toLowerCase();
}

type Flags = { values: Record<string, string>; lists: Record<string, string[]> };
const noArgs = (): NoArgs => ({});
const usernameOnly = ({ values }: Flags): UsernameArgs => ({ username: values.username });

/** How each command's arguments are read from its flags, checked. */
const READ_ARGS: { [K in CommandName]: (flags: Flags) => CommandArgs[K] } = {
  'tls create': ({ values, lists }) => ({ hosts: checkTlsHosts(lists.host ?? []), out: values.out ?? 'tls' }),
  'user create': ({ values }) => ({
    username: values.username,
    role: checkRole(values.role),
    region: checkRegion(values.region),
    password: values.password,
    displayName: values.name,
    agencyId: values.agency,
  }),
  'user reset-password': ({ values }) => ({ username: values.username, password: values.password }),
  'odk token create': ({ values }) => ({ username: values.username, label: values.label }),
  'odk token revoke': ({ values }) => ({ id: checkUuid(values.id) }),
  'odk token list': ({ values }) => ({ username: values.username }),
  'token create': ({ values }) => ({
    username: values.username,
    label: values.label,
    days: values.days === undefined ? undefined : checkDays(values.days),
  }),
  'user deactivate': usernameOnly,
  'user reactivate': usernameOnly,
  'token list': usernameOnly,
  'token revoke': ({ values }) => ({ username: values.username, id: checkUuid(values.id) }),
  demo: ({ values }) => ({
    scale: values.scale === undefined ? 1 : checkScale(values.scale),
    seed: values.seed === undefined ? undefined : checkSeed(values.seed),
    password: values.password === undefined ? undefined : checkDemoPassword(values.password),
  }),
  'read-text': ({ values }) => ({ input: values.input as string, output: values.output }),
  backup: ({ values }) => ({ output: values.output, passphraseFile: values['passphrase-file'] }),
  restore: ({ values }) => ({ input: values.input, passphraseFile: values['passphrase-file'] }),
  'early-warning backtest': ({ values }) => ({
    from: checkDay(values.from, 'from'),
    to: checkDay(values.to, 'to'),
  }),
  'audit verify': ({ values }) => {
    if (values.head === undefined) return {};
    const head = parseHead(values.head);
    if (!head) {
      throw new UsageError(
        `Head tidak valid: ${values.head} (baris sigap-audit-head:… atau <seq>:<hash>) / ` +
          `invalid head: ${values.head} (a sigap-audit-head:… line or <seq>:<hash>)`,
      );
    }
    return { head };
  },
  'audit head': noArgs,
  migrate: noArgs,
  'privacy retention-plan': noArgs,
  'privacy retention-run': noArgs,
};

/** Turns argv (without node and the script) into an Invocation; throws UsageError on wrong input. */
export function parseCommandLine(argv: readonly string[]): Invocation {
  const resolved = resolveCommand(argv);
  if ('help' in resolved) return { kind: 'help', text: resolved.help };
  const { name, rest } = resolved;
  // --help wins over everything else, so a half-typed command still shows its help.
  if (rest.some((arg) => HELP_FLAGS.has(arg))) return { kind: 'help', text: renderCommandHelp(name) };
  // One object for every command; the cast ties `name` to its own arguments, which TypeScript cannot follow.
  return {
    kind: 'command',
    command: name,
    args: READ_ARGS[name](readFlagLists(name, rest)),
  } as CommandInvocation;
}
