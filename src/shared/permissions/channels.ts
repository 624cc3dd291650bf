import { COORDINATORS, STAFF } from './roles.ts';

/** Who answers senders: the roles that handle reports (not the admin, who runs the system). */
const HANDLERS = STAFF.filter((role) => role !== 'admin');

/** WhatsApp and SMS (module channels): the queue of messages without a place, and the messages of a report. */
export const CHANNELS_PERMISSIONS = {
  /** See the "Belum ditempatkan" queue of the own area and place a message by hand (it becomes a report). */
  'channel.place': COORDINATORS,
  /** See the messages a report came from, with the reader's suggestions; the number is shown only to handlers. */
  'channel.messages': STAFF,
  /** Answer the sender of a WhatsApp or SMS report from the report page (a template or a short text), audited. */
  'channel.reply': HANDLERS,
} as const;
