// A user's own notices outside the app: the settings page reads and saves them here. The notices themselves
// are queued where the in-app notices are (notifications: `notice` on an inbox item) and sent by
// notices-delivery.ts.
import type { NoticeSettings, NoticeSettingsReply } from '../../../shared/notices/notice-schema.ts';
import { hhmmOf, minutesOf } from '../../../shared/notices/notices.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { foundOr, invalidField } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { senderPhone } from '../channels/channels-service.ts';
import { setOwnPhone } from '../users/users-service.ts';
import * as store from './notices-store.ts';

export type NoticesDeps = { db: Database; clock: Clock };

const LOG_LIMIT = 20;

/** The principal's own settings and their latest notices with each one's delivery state. */
export async function getOwnSettings(deps: NoticesDeps, principal: Principal): Promise<NoticeSettingsReply> {
  authorize(principal, 'notice.settings');
  const userId = principal.user.id;
  return deps.db.asSystem(async (tx) => {
    const s = foundOr(await store.findSettings(tx, userId), 'Pengguna tidak ditemukan');
    const log = await store.listLog(tx, userId, LOG_LIMIT);
    return {
      settings: {
        phone: s.phone,
        email: s.email,
        language: s.language,
        quietFrom: s.quietFrom === null ? null : hhmmOf(s.quietFrom),
        quietUntil: s.quietUntil === null ? null : hhmmOf(s.quietUntil),
        choices: await store.listChoices(tx, userId),
      },
      log: log.map((row) => ({
        id: row.id,
        kind: row.kind,
        channel: row.channel,
        text: s.language === 'en' ? row.textEn : row.textId,
        status: row.status,
        createdAt: row.createdAt,
        sentAt: row.sentAt,
      })),
    };
  });
}

/**
 * Saves the principal's own settings: the phone (tolerant of 08…, 62…, +62…), e-mail, language, quiet hours
 * and opt-ins. A channel chosen without its address is refused, naming the field. Audited without the address.
 */
export async function saveOwnSettings(
  deps: NoticesDeps,
  principal: Principal,
  input: NoticeSettings,
): Promise<NoticeSettingsReply> {
  authorize(principal, 'notice.settings');
  const phone = input.phone?.trim() ? senderPhone(input.phone) : null;
  if (input.phone?.trim() && !phone?.startsWith('+62')) {
    throw invalidField('phone', 'nomor Indonesia, mis. 0812… atau +62812…');
  }
  const email = input.email?.trim() ? input.email.trim().toLowerCase() : null;
  const channels = new Set(input.choices.map((c) => c.channel));
  if (!phone && (channels.has('whatsapp') || channels.has('sms'))) {
    throw invalidField('phone', 'isi nomor ponsel untuk pemberitahuan WhatsApp atau SMS');
  }
  if (!email && channels.has('email'))
    throw invalidField('email', 'isi alamat e-mail untuk pemberitahuan e-mail');
  const userId = principal.user.id;
  await deps.db.asSystem(async (tx) => {
    await setOwnPhone(tx, userId, phone ?? null);
    await store.saveSettings(
      tx,
      userId,
      {
        email,
        language: input.language,
        quietFrom: input.quietFrom === null ? null : minutesOf(input.quietFrom),
        quietUntil: input.quietUntil === null ? null : minutesOf(input.quietUntil),
      },
      deps.clock.now(),
    );
    await store.replaceChoices(tx, userId, input.choices);
    // What changed, never the number or the address.
    await appendAudit(
      tx,
      principal,
      'notice.settings_saved',
      { type: 'user', id: userId },
      {
        hasPhone: phone !== null,
        hasEmail: email !== null,
        choices: input.choices.map((c) => `${c.kind}:${c.channel}`),
        quietHours: input.quietFrom ? `${input.quietFrom}-${input.quietUntil}` : null,
      },
    );
  });
  return getOwnSettings(deps, principal);
}
