// Demo rows of the provocation watch: a few forwarded messages in the demo kab/kota, one seen several times and
// assessed, so the Konten provokatif page is not empty on a fresh demo.
import { randomUUID } from 'node:crypto';
import { normaliseLink } from '../../shared/provocation/links.ts';
import { itemTitle } from '../../shared/provocation/provocation-rules.ts';
import { normaliseText } from '../../shared/provocation/text-match.ts';
import type { Tx } from '../platform/db.ts';
import type { DemoUser } from './demo-data.ts';
import type { DemoGroup } from './demo-extras.ts';
import { insertProvocationItem } from './demo-provocation-store.ts';

const MESSAGES = [
  {
    text: 'AWAS!!! Malam ini rombongan perguruan sebelah mau datang menyerang, siapkan diri semua, jangan diam saja',
    platform: 'whatsapp',
    assessment: 'provokasi',
    links: [],
    sightings: 4,
  },
  {
    text: 'Video suporter dipukuli aparat di stadion kemarin, sebarkan biar semua tahu kebenarannya',
    platform: 'tiktok',
    assessment: 'hoaks',
    links: ['https://www.tiktok.com/@akun_demo/video/7300000000000000001?is_from_webapp=1'],
    sightings: 2,
  },
  {
    text: 'Info dari grup sebelah: pasar akan ditutup besok karena ada bentrok, belum jelas benar atau tidak',
    platform: 'facebook',
    assessment: null,
    links: ['https://m.facebook.com/groups/1234567/posts/7654321/?mibextid=demo'],
    sightings: 1,
  },
] as const;

/** Inserts the demo items for the first demo kab/kota that has an operator; answers how many items. */
export async function insertDemoProvocation(
  tx: Tx,
  users: readonly DemoUser[],
  kecamatanOf: (kabkota: string) => readonly string[],
  groups: readonly DemoGroup[],
  now: Date,
): Promise<number> {
  const operator = users.find((u) => u.role === 'operator' && u.kabkotaCode);
  if (!operator?.kabkotaCode) return 0;
  const places = kecamatanOf(operator.kabkotaCode);
  if (places.length === 0) return 0;
  for (const [i, m] of MESSAGES.entries()) {
    const firstSeen = new Date(now.getTime() - (30 - i * 8) * 3_600_000);
    const sightings = Array.from({ length: m.sightings }, (_, n) => ({
      id: randomUUID(),
      seenAt: new Date(firstSeen.getTime() + n * 5 * 3_600_000),
      regionCode: places[(i + n) % places.length] as string,
      text: n === 0 ? m.text : `Diteruskan\n${m.text} 🔥`,
    }));
    await insertProvocationItem(tx, {
      title: itemTitle(m.text, null),
      platform: m.platform,
      assessment: m.assessment,
      groupIds: i === 0 && groups[0] ? [groups[0].id] : [],
      dueAt: m.assessment ? new Date(now.getTime() + (i + 2) * 3_600_000) : null,
      createdBy: operator.id,
      sightings: sightings.map((s) => ({
        ...s,
        platform: m.platform,
        links: [...m.links],
        linkKeys: m.links.map((l) => normaliseLink(l) ?? l),
        textKey: normaliseText(s.text),
      })),
      now,
    });
  }
  return MESSAGES.length;
}
