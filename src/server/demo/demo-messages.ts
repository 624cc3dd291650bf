// The demo's WhatsApp and SMS messages: three pillars get a phone and write in, as they would on a busy evening —
// two without a place (they wait on the Belum ditempatkan page of their Bakorwil) and one naming its desa (a
// report in the inbox, its source message and the reader's suggestions beside it). Through the channels' own
// intake, so what the demo shows is what a real message does.

import { takeIn } from '../modules/channels/channels-service.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db.ts';
import type { DemoPillar } from './demo-data.ts';
import { setPillarPhone } from './demo-extras-store.ts';

/** Sends the demo's messages; answers how many were taken in. */
export async function loadDemoMessages(
  db: Database,
  clock: Clock,
  pillars: readonly DemoPillar[],
  desaName: (code: string) => string | undefined,
): Promise<number> {
  const chosen = pillars.filter((p) => desaName(p.homeRegionCode)).slice(0, 3);
  if (chosen.length < 3) return 0;
  const phones = ['+6285100000101', '+6285100000102', '+6285100000103'];
  await db.asSystem(async (tx) => {
    for (const [i, pillar] of chosen.entries()) await setPillarPhone(tx, pillar.id, phones[i]);
  });
  const deps = { db, clock, config: { whatsapp: undefined, sms: undefined } };
  const now = clock.now().getTime();
  const messages = [
    {
      channel: 'whatsapp' as const,
      text: 'Ada warga dikeroyok sekelompok pemuda habis nonton orkes, korban dibawa ke puskesmas',
    },
    {
      channel: 'sms' as const,
      text: 'Isu pembakaran rumah ibadah beredar di grup WA, warga resah dan mulai berjaga',
    },
    {
      channel: 'whatsapp' as const,
      text: `Tawuran antar perguruan silat di desa ${desaName(chosen[2].homeRegionCode)}, 2 orang luka, anak-anak ketakutan`,
    },
  ];
  for (const [i, m] of messages.entries()) {
    await takeIn(deps, m.channel, {
      providerId: `demo-${m.channel}-${i + 1}`,
      from: phones[i],
      receivedAt: new Date(now - (50 - i * 10) * 60_000),
      type: 'text',
      text: m.text,
      latitude: null,
      longitude: null,
      mediaId: null,
    });
  }
  return messages.length;
}
