import { deflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import type { OdkDevice } from '../../../shared/odk.ts';
import { type AuditActor, appendAudit } from '../../platform/audit.ts';
import type { Database } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { digest, newSecret, verifyPassword } from '../../platform/passwords.ts';
import {
  PRINCIPAL_REUSE_MS,
  principalsChanged,
  recallPrincipal,
  rememberPrincipal,
} from '../../platform/principals.ts';
import { type Principal, principalOf } from '../users/users-service.ts';
import * as users from '../users/users-store.ts';
import * as store from './odk-store.ts';

/** Roles whose phones may send reports; partner agencies answer dispositions and do not report. */
const REPORTING_ROLES = ['relawan', 'operator', 'koordinator', 'provinsi', 'admin'];

/** Creates a device token for a user; the token is returned once and stored only as a hash. */
export async function createDevice(
  db: Database,
  by: AuditActor,
  username: string,
  label: string,
): Promise<{ device: OdkDevice; token: string }> {
  const token = `odk_${newSecret()}`;
  const device = await db.asSystem(async (tx) => {
    const user = await users.findUserByUsername(tx, username);
    if (!user?.isActive) throw new DomainError('not_found', `Pengguna ${username} tidak ditemukan`);
    if (!REPORTING_ROLES.includes(user.role)) {
      throw new DomainError('validation_failed', `Peran ${user.role} tidak dapat mengirim laporan`);
    }
    const created = await store.insertDevice(tx, {
      userId: user.id,
      tokenHash: digest(token),
      label,
      createdBy: by.id,
    });
    await appendAudit(tx, by, 'odk.device_created', { type: 'user', id: user.id }, { deviceId: created.id });
    return created;
  });
  return { device, token };
}

/** Revokes a device token at once, in every instance. Throws not_found when it is unknown or already revoked. */
export async function revokeDevice(db: Database, by: AuditActor, id: string): Promise<OdkDevice> {
  return db.asSystem(async (tx) => {
    if (!(await store.revokeDevice(tx, id))) {
      throw new DomainError('not_found', 'Token ponsel tidak ditemukan atau sudah dicabut');
    }
    principalsChanged(tx);
    const device = (await store.findDevice(tx, id))!;
    await appendAudit(tx, by, 'odk.device_revoked', { type: 'user', id: device.userId }, { deviceId: id });
    return device;
  });
}

/** Device tokens, newest first; of one user when a username is given. */
export async function listDevices(db: Database, username?: string): Promise<OdkDevice[]> {
  return db.asSystem(async (tx) => {
    if (username === undefined) return store.listDevices(tx);
    const user = await users.findUserByUsername(tx, username);
    if (!user) throw new DomainError('not_found', `Pengguna ${username} tidak ditemukan`);
    return store.listDevices(tx, user.id);
  });
}

/** The principal behind a live device token and the device's id, or undefined; reused for a few seconds. */
export async function resolveDeviceToken(
  db: Database,
  token: string,
): Promise<{ principal: Principal; deviceId: string } | undefined> {
  const tokenHash = digest(token);
  const now = Date.now();
  type Resolved = { principal: Principal; deviceId: string };
  const recalled = recallPrincipal<Resolved>(`odk:${tokenHash}`, now);
  if (recalled) return recalled;
  const resolved = await db.asSystem(async (tx) => {
    const device = await store.findLiveDevice(tx, tokenHash);
    if (!device) return undefined;
    const user = await users.findUserById(tx, device.userId);
    if (!user?.isActive) return undefined;
    return { principal: await principalOf(tx, user), deviceId: device.id };
  });
  if (resolved) rememberPrincipal(`odk:${tokenHash}`, resolved, now + PRINCIPAL_REUSE_MS);
  return resolved;
}

/**
 * The principal of HTTP Basic credentials (ODK Collect over HTTPS). Failures count towards the same lock as
 * the sign-in page, and the reply never tells whether the username exists.
 */
export async function resolveBasicCredentials(
  db: Database,
  config: { loginMaxFailures: number; loginLockMinutes: number },
  username: string,
  password: string,
): Promise<Principal> {
  const key = username.trim().toLowerCase();
  const cacheKey = `odk-basic:${digest(`${key}\n${password}`)}`;
  const now = Date.now();
  const recalled = recallPrincipal<Principal>(cacheKey, now);
  if (recalled) return recalled;
  const before = await db.asSystem((tx) => users.findLoginFailure(tx, key));
  if (before?.lockedUntil && before.lockedUntil.getTime() > now) {
    throw new DomainError('login_locked', 'Terlalu banyak percobaan masuk; coba lagi nanti');
  }
  const user = await db.asSystem((tx) => users.findUserByUsername(tx, key));
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!ok || !user?.isActive) {
    await db.asSystem((tx) =>
      users.recordLoginFailure(tx, key, config.loginMaxFailures, config.loginLockMinutes),
    );
    throw new DomainError('invalid_credentials', 'Nama pengguna atau kata sandi salah');
  }
  const principal = await db.asSystem(async (tx) => {
    if (before && before.failures > 0) await users.clearLoginFailures(tx, key);
    return principalOf(tx, user);
  });
  rememberPrincipal(cacheKey, principal, now + PRINCIPAL_REUSE_MS);
  return principal;
}

/**
 * ODK Collect's settings QR code for a server URL, as SVG: the settings JSON, zlib-compressed and base64
 * encoded, which is what Collect's "Configure with QR code" reads.
 */
export async function collectSettingsQr(serverUrl: string, projectName: string): Promise<string> {
  const settings = {
    general: { server_url: serverUrl, form_update_mode: 'match_exactly', autosend: 'wifi_and_cellular' },
    admin: {},
    project: { name: projectName, icon: 'S', color: '#0b6e4f' },
  };
  const payload = deflateSync(Buffer.from(JSON.stringify(settings))).toString('base64');
  return QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
