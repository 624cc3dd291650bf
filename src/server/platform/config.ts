import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { Role } from '../../shared/users.ts';

const booleanText = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * The app role's pool when DB_POOL_SIZE is not set: two connections per core of this host, plus two, and never
 * fewer than four (6 on 2 cores, 10 on 4). Measured with the load mix on 2 cores (docs/decisions/0041): past
 * the database's cores, more connections only queue more statements for the same CPU, and the tail grows with
 * the pool (p99 0.5 s at 6, 1.3–2.6 s at 10, 7.5 s at 16). A database on another host wants that host's cores.
 */
export function defaultDbPoolSize(cores = os.availableParallelism()): number {
  return Math.max(4, 2 * cores + 2);
}

/** Every environment variable Sigap reads, with its default. README lists the same. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      'harus diawali postgres:// atau postgresql:// / must start with postgres://',
    )
    .optional(),
  SIGAP_APP_DB_PASSWORD: z.string().min(1).optional(),
  /** Connections of the app role's pool (PostgreSQL): from this host's cores, measured under the mixed load, docs/decisions/0041. */
  DB_POOL_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(() => defaultDbPoolSize()),
  SIGAP_AUDIT_HEAD_DIR: z.string().min(1).optional(),
  SIGAP_APP_DB_USER: z
    .string()
    .regex(
      /^[a-z_][a-z0-9_]{0,62}$/,
      'huruf kecil, angka, garis bawah / lower-case letters, digits, underscores',
    )
    .optional(),
  SIGAP_ADMIN_PASSWORD: z.string().min(10, 'minimal 10 karakter / at least 10 characters').optional(),
  SESSION_IDLE_MINUTES: positiveInt(8 * 60),
  SESSION_MAX_HOURS: positiveInt(14 * 24),
  LOGIN_MAX_FAILURES: positiveInt(5),
  LOGIN_LOCK_MINUTES: positiveInt(15),
  // Unset: follows built-in HTTPS (TLS_CERT_FILE), so cookies are Secure exactly when served over TLS.
  COOKIE_SECURE: booleanText.optional(),
  TRUST_PROXY: booleanText.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GEO_DIR: z.string().min(1).optional(),
  BODY_LIMIT_BYTES: positiveInt(1_048_576),
  SIGAP_BENCH: booleanText.default(false),
  SAFETY_CHECKOUT_HOURS: positiveInt(6),
  SIGAP_JOBS: booleanText.default(true),
  TOTP_REQUIRED_ROLES: z
    .string()
    .default('admin,provinsi,koordinator,ppdp')
    // 'none' turns the requirement off (an empty variable counts as unset, so it cannot).
    .transform((text) =>
      text
        .split(',')
        .map((word) => word.trim())
        .filter((word) => word && word !== 'none'),
    )
    .pipe(z.array(Role)),
  SIGAP_DATA_KEY: z
    .string()
    .refine(
      (value) => /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, 'base64').length === 32,
      '32 byte dalam base64 (mis. `openssl rand -base64 32`) / 32 bytes in base64',
    )
    .optional(),
  SECURITY_CONTACT: z
    .string()
    .regex(/^(mailto:|https:\/\/|tel:)\S+$/, 'mailto:…, https://… atau tel:… / a mailto:, https: or tel: URI')
    .optional(),
  WEBHOOK_ALLOW_PRIVATE: booleanText.default(false),
  METRICS_TOKEN: z.string().min(16, 'minimal 16 karakter / at least 16 characters').optional(),
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  WHATSAPP_APP_SECRET: z.string().min(8, 'minimal 8 karakter / at least 8 characters').optional(),
  WHATSAPP_VERIFY_TOKEN: z.string().min(8, 'minimal 8 karakter / at least 8 characters').optional(),
  WHATSAPP_API_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  WHATSAPP_PHONE_NUMBER_ID: z
    .string()
    .regex(/^\d{1,30}$/, 'angka / digits')
    .optional(),
  WHATSAPP_ACCESS_TOKEN: z.string().min(8).optional(),
  SMS_GATEWAY_SECRET: z.string().min(16, 'minimal 16 karakter / at least 16 characters').optional(),
  SMS_SEND_URL: z.url({ protocol: /^https?$/ }).optional(),
  HTTP_REDIRECT_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  APP_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMTP_FROM: z.string().min(3).max(200).optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  appDbPassword: string | undefined;
  /** Where the signed audit head is written every hour (default DATA_DIR/audit-heads). */
  auditHeadDir: string;
  /** The app's login role on PostgreSQL; by default derived from the database's name (`appLoginFor`). */
  appDbUser: string | undefined;
  dbPoolSize: number;
  adminPassword: string | undefined;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  geoDir: string | undefined;
  bodyLimitBytes: number;
  benchMode: boolean;
  /** Hours after a check-in without a check-out before the case's operators are alerted. */
  safetyCheckoutHours: number;
  jobsEnabled: boolean;
  /**
   * The data key (base64, 32 bytes) that encrypts and hashes personal identifiers such as NIK. Required on
   * PostgreSQL; on the embedded database it is generated once into <DATA_DIR>/data-key when unset.
   */
  dataKey: string | undefined;
  /** Where vulnerabilities are reported (security.txt); unset: security@ the host the server is reached at. */
  securityContact: string | undefined;
  /** Lets webhooks target loopback, private and link-local addresses (a partner inside the office network). */
  webhookAllowPrivate: boolean;
  /** Roles that must confirm a second factor (TOTP) before doing anything else; empty turns it off. */
  totpRequiredRoles: readonly Role[];
  /** Bearer token that opens /metrics to other machines; unset: /metrics answers only the loopback address. */
  metricsToken: string | undefined;
  /** Built-in HTTPS: the certificate chain and private key files (PEM); absent: plain HTTP. */
  tls: { certFile: string; keyFile: string } | undefined;
  /** With built-in HTTPS: a second, plain-HTTP port that only redirects to the HTTPS one (typed `http://…`). */
  httpRedirectPort: number | undefined;
  /** WhatsApp Cloud API: the webhook (secret and verify token) and, when all three are set, sending. */
  whatsapp: ChannelsConfig['whatsapp'];
  /** The SMS gateway: its shared secret and, when set, the URL replies are sent to. */
  sms: ChannelsConfig['sms'];
  /** Notices outside the app: the address links point at, and the SMTP server e-mail goes through. */
  notices: NoticesConfig;
};

/** Where notice links point (APP_BASE_URL, default http://localhost:<port>) and how e-mail is sent. */
export type NoticesConfig = {
  baseUrl: string;
  smtp: { url: string; from: string } | undefined;
};

/** The messaging channels' settings; a channel without its secret is off (its webhook answers 404). */
export type ChannelsConfig = {
  whatsapp:
    | {
        appSecret: string;
        verifyToken: string;
        send: { baseUrl: string; phoneNumberId: string; accessToken: string } | undefined;
      }
    | undefined;
  sms: { secret: string; sendUrl: string | undefined } | undefined;
};

/** A configuration value that cannot be used; the message names the variable and what it allows. */
export class ConfigError extends Error {}

/** Reads and validates the configuration; throws ConfigError naming each wrong variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${describeIssue(issue)}`);
    throw new ConfigError(`Konfigurasi tidak valid / invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const tls = tlsFiles(e.TLS_CERT_FILE, e.TLS_KEY_FILE);
  if (e.HTTP_REDIRECT_PORT !== undefined && (!tls || e.HTTP_REDIRECT_PORT === e.PORT)) {
    throw new ConfigError(
      `Konfigurasi tidak valid / invalid configuration:\n  HTTP_REDIRECT_PORT: ${
        tls
          ? 'harus berbeda dari PORT / must differ from PORT'
          : 'hanya bersama TLS_CERT_FILE dan TLS_KEY_FILE / only with TLS_CERT_FILE and TLS_KEY_FILE'
      }`,
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    appDbPassword: e.SIGAP_APP_DB_PASSWORD,
    appDbUser: e.SIGAP_APP_DB_USER,
    dbPoolSize: e.DB_POOL_SIZE,
    auditHeadDir: path.resolve(e.SIGAP_AUDIT_HEAD_DIR ?? path.join(e.DATA_DIR, 'audit-heads')),
    adminPassword: e.SIGAP_ADMIN_PASSWORD,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    cookieSecure: e.COOKIE_SECURE ?? tls !== undefined,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    geoDir: resolveGeoDir(e.GEO_DIR),
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    benchMode: e.SIGAP_BENCH,
    safetyCheckoutHours: e.SAFETY_CHECKOUT_HOURS,
    jobsEnabled: e.SIGAP_JOBS,
    dataKey: e.SIGAP_DATA_KEY,
    securityContact: e.SECURITY_CONTACT,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
    totpRequiredRoles: e.TOTP_REQUIRED_ROLES,
    metricsToken: e.METRICS_TOKEN,
    tls,
    whatsapp:
      e.WHATSAPP_APP_SECRET && e.WHATSAPP_VERIFY_TOKEN
        ? {
            appSecret: e.WHATSAPP_APP_SECRET,
            verifyToken: e.WHATSAPP_VERIFY_TOKEN,
            send:
              e.WHATSAPP_API_BASE_URL && e.WHATSAPP_PHONE_NUMBER_ID && e.WHATSAPP_ACCESS_TOKEN
                ? {
                    baseUrl: e.WHATSAPP_API_BASE_URL.replace(/\/+$/, ''),
                    phoneNumberId: e.WHATSAPP_PHONE_NUMBER_ID,
                    accessToken: e.WHATSAPP_ACCESS_TOKEN,
                  }
                : undefined,
          }
        : undefined,
    sms: e.SMS_GATEWAY_SECRET ? { secret: e.SMS_GATEWAY_SECRET, sendUrl: e.SMS_SEND_URL } : undefined,
    httpRedirectPort: e.HTTP_REDIRECT_PORT,
    notices: {
      baseUrl: (e.APP_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
      smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM ?? 'Sigap <sigap@localhost>' } : undefined,
    },
  };
}

/** Both TLS files or neither, each one present: a half-configured HTTPS stops the start with the variable named. */
function tlsFiles(
  certFile: string | undefined,
  keyFile: string | undefined,
): { certFile: string; keyFile: string } | undefined {
  if (!certFile && !keyFile) return undefined;
  const problems: string[] = [];
  if (!certFile || !keyFile) {
    const missing = certFile ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE';
    problems.push(
      `${missing}: wajib bersama ${missing === 'TLS_KEY_FILE' ? 'TLS_CERT_FILE' : 'TLS_KEY_FILE'} / required together`,
    );
  }
  for (const [name, file] of [
    ['TLS_CERT_FILE', certFile],
    ['TLS_KEY_FILE', keyFile],
  ] as const) {
    if (file && !existsSync(file)) problems.push(`${name}: berkas ${file} tidak ada / file not found`);
  }
  if (problems.length > 0 || !certFile || !keyFile) {
    throw new ConfigError(`Konfigurasi tidak valid / invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return { certFile: path.resolve(certFile), keyFile: path.resolve(keyFile) };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') {
    return `nilai yang diizinkan / allowed values: ${issue.values.map(String).join(', ')}`;
  }
  if (issue.code === 'too_small' || issue.code === 'too_big' || issue.code === 'invalid_format') {
    return issue.message;
  }
  if (issue.code === 'invalid_type') {
    return `harus berupa ${issue.expected} / must be a ${issue.expected}`;
  }
  return issue.message;
}

/** The East Java boundaries shipped with the package (assets/geo, MIT, see its README). */
export const PACKAGED_GEO_DIR = path.resolve(import.meta.dirname, '../../../assets/geo');

/** GEO_DIR if set; otherwise the boundaries shipped in the package, when present. */
function resolveGeoDir(configured: string | undefined): string | undefined {
  if (configured) return path.resolve(configured);
  return existsSync(path.join(PACKAGED_GEO_DIR, 'jatim-kabkota.geojson')) ? PACKAGED_GEO_DIR : undefined;
}
