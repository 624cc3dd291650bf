import { randomUUID } from 'node:crypto';

/** A valid report payload (an incident in Desa Tanggulwetan, Jember) with any field overridden. */
export function reportPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    kind: 'kejadian',
    conflictType: 'antar_perguruan_silat',
    triggers: ['perbedaan_kepentingan'],
    regionCode: '35.09.06.2002',
    occurredAt: '2026-08-22T21:30:00+07:00',
    violenceOngoing: false,
    description: 'Bentrok dua kelompok perguruan silat di dekat balai desa setelah konvoi.',
    injured: 2,
    dead: 0,
    displaced: 0,
    vulnerable: {
      anak: { harmed: 3, displaced: 0, atRisk: 5 },
      lansia: { harmed: 0, displaced: 0, atRisk: 2 },
    },
    needs: ['kesehatan'],
    ...overrides,
  };
}

/** A child hurt in the incident, with a consenting guardian, as a person of a case; any field overridden. */
export function childPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    fullName: 'Dimas Pratama',
    age: 9,
    group: 'anak',
    needs: ['pendampingan psikososial'],
    guardianName: 'Rahmat Hidayat',
    guardianConsent: true,
    ...overrides,
  };
}

/** A follow-up of a case: checked in at the balai desa (on 23 August at 08:00 WIB unless `occurredAt`), new id. */
export function checkInPayload(occurredAt = '2026-08-23T08:00:00+07:00'): Record<string, unknown> {
  return { id: randomUUID(), kind: 'check_in', action: 'Tiba di balai desa', occurredAt };
}

/** reportPayload's changes for a signal elsewhere in Jember on 17 August: a chain message, nobody hurt. */
export const CHAIN_MESSAGE_SIGNAL: Record<string, unknown> = {
  kind: 'sinyal',
  regionCode: '35.09.05.2001',
  occurredAt: '2026-08-17T08:00:00+07:00',
  description: 'Pesan berantai mengajak anggota berkumpul di balai desa malam ini.',
  injured: 0,
  vulnerable: {},
};
