// The text reader's speed on one core: messages read per second in this process, after a warm-up, and the time
// to build the gazetteer from the shipped regions data. The messages are written for the bench (not the dev set,
// which lives outside the repository), in the same informal style and lengths.

import { readJatimRegions } from '../src/server/modules/regions/regions-data.ts';
import { buildGazetteer } from '../src/shared/text-reader/gazetteer.ts';
import { readText } from '../src/shared/text-reader/read-text.ts';

export const TEXT_READER_TARGET = 500;

const MESSAGES = [
  'warga ds. Sumberagung kec. Pesanggaran Bwi bentrok dgn satpam tambang emas, 4 org luka, 2 balita sesak napas kena gas',
  'isu konvoi perguruan dr Madiun mau masuk Ponorogo lewat kec. Babadan nanti malam, warga resah, mohon penyekatan',
  'carok di ds. Balung kec. Kendit Situbondo (bukan Balung Jember), 2 org meninggal, sekitar 20 jiwa ngungsi ke desa lain',
  'hasil pilkades ds. Jenggawah digugat, pendukung calon kalah rencana kumpul massa di kantor kecamatan kamis',
  'Laporan TKSK Kec. Tempurejo. Sejak pagi warga memblokade jalan masuk kebun, menolak pemasangan patok oleh pihak ' +
    'perkebunan. Massa kurang lebih 200 org, di barisan depan ada ibu hamil & lansia. Belum ada bentrok tp suasana panas.',
  'perang sarung remaja di kec. Paciran habis sahur, 10 anak usia SMP diamankan warga, tdk ada korban',
  'suporter ribut di kec. Blimbing Kota Malang usai laga, 3 org luka, penonton difabel kejebak di pintu keluar',
  'sengketa batas desa di kec. Kabuh memanas, jalan dipalang, ambulans bawa ibu hamil gak bisa lewat',
];

export function measureTextReader(seconds = 3): { perSecond: number; gazetteerMs: number; messages: number } {
  const t0 = performance.now();
  const g = buildGazetteer(readJatimRegions());
  const gazetteerMs = performance.now() - t0;
  for (let i = 0; i < 200; i++) readText(MESSAGES[i % MESSAGES.length] as string, g);
  let n = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  while (performance.now() < until) {
    for (const m of MESSAGES) readText(m, g);
    n += MESSAGES.length;
  }
  const elapsed = (performance.now() - start) / 1000;
  return { perSecond: n / elapsed, gazetteerMs, messages: n };
}

if (import.meta.main) {
  const r = measureTextReader();
  console.log(
    `text reader: ${r.perSecond.toFixed(0)} messages/s on one core (target ≥ ${TEXT_READER_TARGET}); gazetteer ${r.gazetteerMs.toFixed(0)} ms`,
  );
}
