import { deflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import type { OdkDevice } from '../../../shared/odk.ts';
import { can } from '../../../shared/permissions/index.ts';
import type { Role } from '../../../shared/users.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Database } from '../../platform/db.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import { digest, newSecret, verifyPassword } from '../../platform/passwords.ts';
import { type Acting, authorizeActing } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import {
  PRINCIPAL_REUSE_MS,
  principalsChanged,
  recallPrincipal,
  rememberPrincipal,
} from '../../platform/principals.ts';
import { type ThrottleConfig, withThrottle } from '../auth/auth-throttle.ts';
import { principalOf } from '../users/users-service.ts';
import * as users from '../users/users-store.ts';
import * as store from './odk-store.ts';

/** Creates a device token for a user; the token is returned once and stored only as a hash. */
export async function createDevice(
  db: Database,
  acting: Acting,
  username: string,
  label: string,
): Promise<{ device: OdkDevice; token: string }> {
  const by = authorizeActing(acting, 'odk.devices');
  const token = `odk_${newSecret()}`;
  const device = await db.asSystem(async (tx) => {
    const user = await users.findUserByUsername(tx, username);
    if (!user?.isActive) throw new DomainError('not_found', `Pengguna ${username} tidak ditemukan`);
    // Only a role that files reports gets a phone that sends them; partner agencies answer dispositions.
    if (!can(user.role, 'report.submit')) {
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
export async function revokeDevice(db: Database, acting: Acting, id: string): Promise<OdkDevice> {
  const by = authorizeActing(acting, 'odk.devices');
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
export async function listDevices(db: Database, acting: Acting, username?: string): Promise<OdkDevice[]> {
  authorizeActing(acting, 'odk.devices');
  return db.asSystem(async (tx) => {
    if (username === undefined) return store.listDevices(tx);
    const user = foundOr(
      await users.findUserByUsername(tx, username),
      `Pengguna ${username} tidak ditemukan`,
    );
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
 * The principal of HTTP Basic credentials (ODK Collect over HTTPS). Failures count towards the sign-in lock of
 * the typed username from this address (as on the sign-in page), and the reply never tells whether the
 * username exists. An account with a second factor, or of a role that needs one, cannot use a password alone:
 * its phones use a device token.
 */
export async function resolveBasicCredentials(
  db: Database,
  config: ThrottleConfig & { totpRequiredRoles: readonly Role[] },
  credentials: { username: string; password: string; address: string },
): Promise<Principal> {
  const key = credentials.username.trim().toLowerCase();
  const cacheKey = `odk-basic:${digest(`${key}\n${credentials.password}`)}`;
  const now = Date.now();
  const recalled = recallPrincipal<Principal>(cacheKey, now);
  if (recalled) return recalled;
  const user = await withThrottle(
    db,
    config,
    { purpose: 'login', usernameKey: key, source: credentials.address },
    async () => {
      const found = await db.asSystem((tx) => users.findUserByUsername(tx, key));
      const ok = await verifyPassword(found?.passwordHash, credentials.password);
      if (!ok || !found?.isActive) {
        throw new DomainError('invalid_credentials', 'Nama pengguna atau kata sandi salah');
      }
      return found;
    },
  );
  if (user.hasTotp || config.totpRequiredRoles.includes(user.role)) {
    throw new DomainError(
      'unauthenticated',
      'Akun dengan verifikasi dua langkah memakai token ponsel (/odk/key/…) / accounts with a second factor use a device token',
    );
  }
  const principal = await db.asSystem((tx) => principalOf(tx, user));
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
