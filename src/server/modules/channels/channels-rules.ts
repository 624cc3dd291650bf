// Pure decisions of the channels module: the report a message's reading drafts, when messages join one draft,
// and the words of the replies (Indonesian; a lost phone must show nothing more than a number and a priority).
import { shortNumber } from '../../../shared/channels/channel-schema.ts';
import type { ShortForm } from '../../../shared/channels/short-form.ts';
import type { ReportInput, Vulnerable } from '../../../shared/reports/report-schema.ts';
import { isInEastJava } from '../../../shared/reports/report-vocabulary.ts';
import type { Place } from '../../../shared/text-reader/gazetteer.ts';
import type { TextReading } from '../../../shared/text-reader/read-text.ts';
import { toWibIso } from '../../../shared/time.ts';

/** Messages from one sender within this window join the first one's draft (a text, a pin, a photo). */
export const JOIN_WINDOW_MS = 30 * 60 * 1000;
/** An unknown number may send this many messages an hour; more are kept but make no report. */
export const UNKNOWN_SENDER_PER_HOUR = 20;
/** The one question asked when a message names no place Sigap can find. */
export const PLACE_QUESTION = 'Di desa/kecamatan mana kejadiannya?';

/**
 * Where the message happened, if the message itself (or the short form's desa) places it at least in a kab/kota.
 * The reader's fallback to the sender's home area, with no word of the message behind it, is not a place.
 */
export function placeOf(reading: TextReading, shortPlace: Place | undefined): string | null {
  if (shortPlace) return shortPlace.code;
  const named = (reading.evidence.place?.spans.length ?? 0) > 0;
  return named && reading.kabkotaCode ? (reading.regionCode ?? reading.kabkotaCode) : null;
}

/** The report a message drafts: the reader's suggestions, to be confirmed or corrected by an operator. */
export function draftReport(input: {
  text: string;
  reading: TextReading;
  shortForm: ShortForm | null;
  regionCode: string;
  latitude: number | null;
  longitude: number | null;
  receivedAt: Date;
  channel: 'whatsapp' | 'sms';
}): Omit<ReportInput, 'id'> {
  const { reading } = input;
  // the reader knows a group is affected, not how many: one at risk until the operator says more
  const vulnerable: Vulnerable = Object.fromEntries(
    reading.vulnerableGroups.map((g) => [g, { harmed: 0, displaced: 0, atRisk: 1 }]),
  );
  const inJatim =
    input.latitude !== null &&
    input.longitude !== null &&
    isInEastJava({ latitude: input.latitude, longitude: input.longitude });
  const text = input.text.trim();
  return {
    kind: reading.kind,
    conflictType: input.shortForm?.conflictType ?? reading.conflictType,
    triggers: [],
    groupsInvolved: '',
    regionCode: input.regionCode,
    latitude: inJatim ? input.latitude : null,
    longitude: inJatim ? input.longitude : null,
    occurredAt: toWibIso(input.receivedAt),
    violenceOngoing: reading.violenceOngoing,
    // a description has at least 10 characters: a very short message says where it came from
    description: (text.length >= 10 ? text : `${text} (pesan ${input.channel})`.trim()).slice(0, 5000),
    involved: 0,
    injured: reading.injured ?? 0,
    dead: reading.dead ?? 0,
    displaced: reading.displaced ?? 0,
    housesDamaged: 0,
    vulnerable,
    needs: [],
    channel: input.channel,
  };
}

/** The receipt: the report's short number and priority, nothing else. */
export function receiptText(reportId: string, priority: string): string {
  return `Sigap: laporan Anda diterima, nomor ${shortNumber(reportId)}, prioritas ${priority}. Terima kasih. Balas pesan ini bila ada tambahan.`;
}

/** The question for a message without a place. */
export function placeQuestionText(): string {
  return `Sigap: laporan Anda kami terima. ${PLACE_QUESTION} Balas dengan nama desa dan kecamatannya.`;
}
