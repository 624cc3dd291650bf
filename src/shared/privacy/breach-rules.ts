// The breach clock and its notices (UU 27/2022 Pasal 46): written notice to the people affected and to the
// authority within 3 × 24 hours of discovery, saying what data was revealed, when and how, and what is being done.
// Pure: the server and the web share it.
import { wibStamp } from '../time.ts';

/** 3 × 24 hours. */
export const BREACH_NOTICE_HOURS = 72;
/** From this many hours before the deadline the breach counts as nearing it (escalated to the admin). */
export const BREACH_WARNING_HOURS = 24;

export type BreachClockState = 'berjalan' | 'mendekati' | 'lewat' | 'selesai';

/** The deadline of a breach discovered at `discoveredAt`. */
export function breachDueAt(discoveredAt: Date): Date {
  return new Date(discoveredAt.getTime() + BREACH_NOTICE_HOURS * 3_600_000);
}

/** Where the clock stands at `now`: notices done, running, nearing the deadline, or past it. */
export function breachClock(
  breach: { dueAt: Date; subjectNoticeAt: Date | null; authorityNoticeAt: Date | null },
  now: Date,
): { state: BreachClockState; hoursLeft: number } {
  const hoursLeft = Math.floor((breach.dueAt.getTime() - now.getTime()) / 3_600_000);
  if (breach.subjectNoticeAt && breach.authorityNoticeAt) return { state: 'selesai', hoursLeft };
  if (hoursLeft < 0) return { state: 'lewat', hoursLeft };
  if (hoursLeft < BREACH_WARNING_HOURS) return { state: 'mendekati', hoursLeft };
  return { state: 'berjalan', hoursLeft };
}

/** Why a breach cannot be closed yet, or undefined: both notices must be recorded first. */
export function refuseBreachClose(breach: {
  subjectNoticeAt: Date | null;
  authorityNoticeAt: Date | null;
  closedAt: Date | null;
}): string | undefined {
  if (breach.closedAt) return 'Insiden ini sudah ditutup';
  if (!breach.subjectNoticeAt || !breach.authorityNoticeAt) {
    return 'Catat dulu pemberitahuan kepada subjek data dan kepada lembaga sebelum menutup insiden';
  }
  return undefined;
}

const CATEGORY_WORDS: Record<string, string> = {
  umum: 'data pribadi umum',
  anak: 'data anak (data spesifik)',
  disabilitas: 'data penyandang disabilitas (data spesifik)',
  kesehatan: 'data kesehatan (data spesifik)',
};

/** The two notice letters in Indonesian, with the content Pasal 46 ayat 2 requires. */
export function breachNotices(breach: {
  title: string;
  description: string;
  discoveredAtWib: string;
  categories: readonly string[];
  subjectsEstimate: number;
  measures: string;
}): { subjects: string; authority: string } {
  const data = breach.categories.map((c) => CATEGORY_WORDS[c] ?? c).join(', ') || 'data pribadi';
  const when = wibStamp(breach.discoveredAtWib);
  const body = [
    `Data pribadi yang terungkap: ${data}.`,
    `Kapan dan bagaimana diketahui: ${when}. ${breach.description}`,
    `Upaya penanganan dan pemulihan: ${breach.measures || '(belum dicatat)'}`,
  ].join('\n');
  return {
    subjects: [
      'Perihal: Pemberitahuan kegagalan pelindungan data pribadi',
      '',
      'Yth. Bapak/Ibu,',
      '',
      `Dinas Sosial Provinsi Jawa Timur memberitahukan bahwa telah terjadi kegagalan pelindungan data pribadi (${breach.title}) yang menyangkut data Bapak/Ibu, sesuai Pasal 46 UU 27/2022.`,
      '',
      body,
      '',
      'Bila Bapak/Ibu memerlukan penjelasan atau ingin menggunakan hak sebagai subjek data, hubungi pejabat pelindung data pribadi Dinas Sosial Provinsi Jawa Timur.',
      '',
      'Hormat kami,',
      'Pejabat Pelindung Data Pribadi, Dinas Sosial Provinsi Jawa Timur',
    ].join('\n'),
    authority: [
      'Perihal: Pemberitahuan kegagalan pelindungan data pribadi',
      '',
      'Yth. Lembaga Pelindungan Data Pribadi,',
      '',
      `Sesuai Pasal 46 UU 27/2022, Dinas Sosial Provinsi Jawa Timur selaku pengendali data pribadi memberitahukan kegagalan pelindungan data pribadi: ${breach.title}. Perkiraan jumlah subjek data terdampak: ${breach.subjectsEstimate} orang.`,
      '',
      body,
      '',
      'Hormat kami,',
      'Pejabat Pelindung Data Pribadi, Dinas Sosial Provinsi Jawa Timur',
    ].join('\n'),
  };
}
