import { randomBytes } from 'node:crypto';
import { DEFAULT_DEMO_PASSWORD } from '../server/demo/demo-data.ts';
import { type DemoSummary, loadDemoData } from '../server/demo/demo-service.ts';
import { KABKOTA } from '../server/demo/demo-texts.ts';
import { createApiToken } from '../server/modules/auth/auth-service.ts';
import { ensureRegions } from '../server/modules/regions/regions-service.ts';
import { createUser, resetPassword } from '../server/modules/users/users-service.ts';
import { auditHead, verifyAudit } from '../server/platform/audit.ts';
import { type AnchoredHead, isSignedBy } from '../server/platform/audit-anchor.ts';
import { systemClock } from '../server/platform/clock.ts';
import type { Database } from '../server/platform/db.ts';
import { DomainError } from '../server/platform/errors.ts';
import type { SystemActor } from '../server/platform/permissions.ts';
import { toWibIso } from '../shared/time.ts';
import type { Role } from '../shared/users.ts';
import { UsageError } from './cli-args.ts';

/** Where a command writes: results to `out` (stdout), notes and errors to `err` (stderr). */
export type CliOutput = { out(line: string): void; err(line: string): void };

/** How the audit trail names what the CLI did: a person at the server's console, not a signed-in user. */
export const CLI_ACTOR: SystemActor = { id: null, label: 'cli' };

/** The exit code of a command that ran; wrong input throws instead. */
export type ExitCode = 0 | 1;

/** `user create`, checked by the parser: the role is known and the region well formed. */
export type UserCreateArgs = {
  username: string;
  role: Role;
  region: string;
  password?: string;
  displayName?: string;
  agencyId?: string;
};

/** `user reset-password`; without a password one is generated. */
export type ResetPasswordArgs = { username: string; password?: string };

/** `token create`; the label says what the token is for. */
export type TokenCreateArgs = { username: string; label?: string; days?: number };

/** `demo`: the parser checked the scale's range and the password's strength; without a seed one is drawn. */
export type DemoArgs = { scale: number; seed?: string; password?: string };

/** `migrate`: the migrations that opening the database has just applied. */
export type MigrateArgs = { applied: readonly string[] };

const KEEP_IT_NOW =
  'Simpan sekarang; tidak akan ditampilkan lagi. / Keep it now; it will not be shown again.';

/** Loads the regions when missing (a fresh data folder), noting it on stderr. */
async function loadRegionsIfMissing(db: Database, output: CliOutput): Promise<void> {
  const { inserted } = await ensureRegions(db);
  if (inserted > 0) output.err(`Wilayah Jawa Timur dimuat / regions loaded: ${inserted}`);
}

/** `user create`: prints the password last, and only when it was generated. */
export async function createUserCommand(
  db: Database,
  args: UserCreateArgs,
  output: CliOutput,
): Promise<ExitCode> {
  // A user's scope must name a known region, and a fresh folder has none yet.
  await loadRegionsIfMissing(db, output);
  const { user, password } = await createUser(db, CLI_ACTOR, {
    username: args.username,
    role: args.role,
    region: args.region,
    password: args.password,
    displayName: args.displayName,
    agencyId: args.agencyId ?? null,
  });
  const scope = user.scopeBakorwilId ? `Bakorwil ${user.scopeBakorwilId}` : user.scopeRegionCode;
  output.out(`Pengguna dibuat / user created: ${user.username} (${user.role}, ${scope})`);
  if (args.password === undefined) {
    output.out(KEEP_IT_NOW);
    output.out(`Kata sandi / password: ${password}`);
  }
  return 0;
}

/** `user reset-password`: ends the user's sessions; prints the new password last when it was generated. */
export async function resetPasswordCommand(
  db: Database,
  args: ResetPasswordArgs,
  output: CliOutput,
): Promise<ExitCode> {
  const password = await resetPassword(db, CLI_ACTOR, args.username, args.password);
  output.out(
    `Kata sandi ${args.username} diatur ulang, sesi dan token API-nya diakhiri / ` +
      `password of ${args.username} reset, their sessions and API tokens ended`,
  );
  if (args.password === undefined) {
    output.out(KEEP_IT_NOW);
    output.out(`Kata sandi baru / new password: ${password}`);
  }
  return 0;
}

/** `token create`: the token goes alone on the last line of stdout, so scripts can take `tail -n 1`. */
export async function createTokenCommand(
  db: Database,
  args: TokenCreateArgs,
  output: CliOutput,
): Promise<ExitCode> {
  const { id, token, expiresAt } = await createApiToken(
    db,
    CLI_ACTOR,
    args.username,
    args.label ?? '',
    args.days,
  );
  output.out(`Token API dibuat / API token created: ${args.username} (id ${id})`);
  output.out(`Berlaku sampai / expires: ${toWibIso(expiresAt)}`);
  output.out(KEEP_IT_NOW);
  output.out(token);
  return 0;
}

/** `audit verify --head`: a head kept outside the database; a signed one is checked with the data key. */
export type AuditVerifyArgs = { head?: AnchoredHead; dataKey?: Uint8Array };

/**
 * `audit verify`: 0 when the whole chain holds (and still holds the kept head, if given), 1 naming the first
 * broken entry. A signed head whose signature is not this installation's is refused before anything else.
 */
export async function verifyAuditCommand(
  db: Database,
  args: AuditVerifyArgs,
  output: CliOutput,
): Promise<ExitCode> {
  const { head } = args;
  if (head?.signature && !(args.dataKey && isSignedBy(head, args.dataKey))) {
    output.out('RUSAK / BROKEN: tanda tangan head tidak cocok / the head signature does not match');
    return 1;
  }
  const result = await verifyAudit(db, { head });
  if (result.ok) {
    output.out(`OK: ${result.entries} entri, head ${result.head}`);
    return 0;
  }
  output.out(
    `RUSAK / BROKEN: seq ${result.brokenAt}: ${result.reason} ` +
      `(${result.entries} entri sebelumnya utuh / earlier entries intact)`,
  );
  return 1;
}

/** `audit head`: the latest entry's seq and hash, to write down outside the database. */
export async function showAuditHeadCommand(
  db: Database,
  _args: unknown,
  output: CliOutput,
): Promise<ExitCode> {
  const head = await auditHead(db);
  if (!head) {
    output.out('Jejak audit kosong / the audit trail is empty');
    return 0;
  }
  output.out(`seq ${head.seq} hash ${head.hash}`);
  return 0;
}

/** `migrate`: reports the migrations opening the database applied, then loads missing regions. */
export async function migrateCommand(db: Database, args: MigrateArgs, output: CliOutput): Promise<ExitCode> {
  const where = db.kind === 'pglite' ? `PGlite ${db.location}` : `PostgreSQL ${db.location}`;
  output.out(`Basis data / database: ${where}`);
  if (args.applied.length === 0) output.out('Tidak ada migrasi baru / no new migrations');
  for (const name of args.applied) output.out(`Migrasi diterapkan / migration applied: ${name}`);
  const { inserted } = await ensureRegions(db);
  output.out(
    inserted > 0
      ? `Wilayah Jawa Timur dimuat / regions loaded: ${inserted}`
      : 'Wilayah sudah lengkap / regions already loaded',
  );
  return 0;
}

const ROLE_ORDER = ['provinsi', 'ppdp', 'koordinator', 'operator', 'relawan', 'mitra'] as const;

/** The demo users by role, one line per kab/kota where there are many. */
function userLines(summary: DemoSummary): string[] {
  const lines: string[] = [];
  for (const role of ROLE_ORDER) {
    const users = summary.users.filter((u) => u.role === role);
    if (role === 'relawan' || role === 'mitra') {
      for (const code of Object.keys(KABKOTA)) {
        const names = users.filter((u) => u.kabkotaCode === code).map((u) => u.username);
        if (names.length > 0) lines.push(`  ${role.padEnd(12)}${KABKOTA[code].short}: ${names.join(', ')}`);
      }
    } else {
      lines.push(`  ${role.padEnd(12)}${users.map((u) => `${u.username} (${u.scope})`).join(', ')}`);
    }
  }
  return lines;
}

const counted = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');

/**
 * `demo`: fills an empty database with the demo data of Bakorwil V, progress on stderr, and prints what was
 * loaded with the one password of every demo user on the last line.
 */
export async function demoCommand(db: Database, args: DemoArgs, output: CliOutput): Promise<ExitCode> {
  await loadRegionsIfMissing(db, output);
  const seed = args.seed ?? randomBytes(4).toString('hex');
  const password = args.password ?? DEFAULT_DEMO_PASSWORD;
  let summary: DemoSummary;
  try {
    summary = await loadDemoData(db, CLI_ACTOR, { scale: args.scale, seed, password }, systemClock, (p) =>
      output.err(`Memuat / loading: ${p.part} ${p.done}/${p.total}`),
    );
  } catch (error) {
    const reason =
      error instanceof DomainError ? (error.details as { reason?: string } | undefined)?.reason : undefined;
    if (reason === 'has_reports') {
      throw new UsageError(
        `${(error as Error).message} / the database already holds reports; demo data loads only into an empty database`,
      );
    }
    if (reason === 'users_exist') {
      throw new UsageError(`${(error as Error).message} / demo users already exist`);
    }
    throw error;
  }
  const { seasons } = summary;
  const pilkades = seasons.pilkades.kabkota.map((code) => KABKOTA[code]?.short ?? code).join(', ');
  output.out(
    `Data demo dimuat / demo data loaded: Bakorwil V, skala / scale ${summary.scale}, seed ${summary.seed}`,
  );
  output.out(
    `  pengguna / users: ${summary.users.length}; lembaga mitra / partner agencies: ${summary.agencies}; pilar / pillars: ${summary.pillars}`,
  );
  output.out(`  laporan / reports: ${summary.reports.total} (${counted(summary.reports.byStatus)})`);
  output.out(`  kasus / cases: ${summary.cases.total} (${counted(summary.cases.byPhase)})`);
  output.out(
    `  musim / seasons: 1 Suro ${seasons.suro}, Lebaran ${seasons.lebaran}, pilkades ${seasons.pilkades.date} (${pilkades}), ` +
      `${seasons.matchdays.length} laga sepak bola / match days`,
  );
  const x = summary.extras;
  output.out(
    `  kelompok / groups: ${x.groups} (${x.rivalries} rivalitas / rivalries, ${x.agreements} kesepakatan damai / peace agreements); ` +
      `kalender / calendar events: ${x.events}; workshop: ${x.workshops} (${x.actionItems} tindak lanjut / action items); ` +
      `praktik baik / lessons: ${x.lessons}; peringatan / alerts: ${x.alerts}`,
  );
  output.out('Pengguna demo / demo users:');
  for (const line of userLines(summary)) output.out(line);
  output.out(`Data yang sama lagi / the same data again: --seed ${summary.seed}`);
  output.out(`Kata sandi semua pengguna demo / password of every demo user: ${password}`);
  return 0;
}
