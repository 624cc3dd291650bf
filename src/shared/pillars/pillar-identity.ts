/**
 * How a pillar's identity is read, checked, compared and masked: NIK, phone and name. Pure: the server uses
 * these to validate and match, the web to check a form before sending it.
 */

export type NikProblem = 'nik_not_digits' | 'nik_length' | 'nik_region_unknown';

export type NikCheck = { ok: true; nik: string } | { ok: false; problem: NikProblem; message: string };

/** The kecamatan code a NIK's first six digits name: '351005…' → '35.10.05'. */
export function nikKecamatanCode(nik: string): string {
  return `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`;
}

/**
 * Checks a NIK as typed: spaces, dots, dashes and a leading apostrophe (Excel's text prefix) are dropped;
 * the rest must be 16 digits whose first six are a kecamatan of Jawa Timur (`isKecamatan` answers that).
 */
export function checkNik(raw: string, isKecamatan: (code: string) => boolean): NikCheck {
  const nik = raw
    .trim()
    .replace(/^'/, '')
    .replace(/[\s.-]/g, '');
  if (!/^\d+$/.test(nik)) {
    return { ok: false, problem: 'nik_not_digits', message: 'NIK hanya boleh berisi angka' };
  }
  if (nik.length !== 16) {
    return { ok: false, problem: 'nik_length', message: `NIK harus 16 digit, tertulis ${nik.length} digit` };
  }
  if (!nik.startsWith('35') || !isKecamatan(nikKecamatanCode(nik))) {
    return {
      ok: false,
      problem: 'nik_region_unknown',
      message: `6 digit pertama NIK (${nik.slice(0, 6)}) bukan kode kecamatan di Jawa Timur`,
    };
  }
  return { ok: true, nik };
}

/**
 * A NIK as people who may not see it whole see it: at most its last four digits, "************0001". The
 * first digits are the place and date of birth (and sex), so they are masked too; four digits of sixteen
 * help recognise a known person without identifying an unknown one.
 */
export function maskNik(nik: string): string {
  if (nik.length <= 4) return '*'.repeat(nik.length);
  return `${'*'.repeat(nik.length - 4)}${nik.slice(-4)}`;
}

/**
 * A phone number in +62 form, or undefined when it cannot be one: 0812-3456-789, 62812…, +62 812…, and
 * 812… (a number cell that lost its leading zero) all become +62812…. Landlines keep their area code.
 */
export function normalizePhone(raw: string): string | undefined {
  let digits = raw.trim().replace(/[\s().\-/]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  if (!/^\d+$/.test(digits)) return undefined;
  if (digits.startsWith('62')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = digits.slice(1);
  if (!/^[1-9]\d{7,11}$/.test(digits)) return undefined;
  return `+62${digits}`;
}

/** A phone as people other than the registry's managers see it: +62812*****678. */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 6)}${'*'.repeat(Math.max(phone.length - 9, 3))}${phone.slice(-3)}`;
}

/** A name as stored: whitespace collapsed; a name written all in capitals gets ordinary capitals. */
export function tidyName(raw: string): string {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name !== name.toUpperCase() || !/[A-Z]/.test(name)) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s.'-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

const MUHAMMAD_SPELLINGS = [
  'm',
  'mh',
  'mhd',
  'moch',
  'moh',
  'mochamad',
  'mochammad',
  'mohamad',
  'mohammad',
  'mohamed',
  'much',
  'muchammad',
  'muh',
  'muhamad',
  'muhammad',
  'muhammmad',
];

/**
 * One spelling of a word: accents and punctuation gone, old spellings folded (oe→u, dj→j, tj→c, ch→kh),
 * doubled letters single. 'Soeparman' and 'Suparman', 'Abdullah' and 'Abdulah' meet.
 */
export function spellingKey(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/oe/g, 'u')
    .replace(/dj/g, 'j')
    .replace(/tj/g, 'c')
    .replace(/ch/g, 'kh')
    .replace(/([a-z])\1+/g, '$1');
}

const MUHAMMAD = spellingKey('muhammad');
const MUHAMMAD_VARIANTS = new Set(MUHAMMAD_SPELLINGS.map(spellingKey));

/**
 * A name as it is searched and matched: words in spellingKey form, every way of writing Muhammad
 * (M., Moh., Much., Mochammad …) as 'muhamad'. 'MOCH. SOEPARMAN' and 'Muhammad Suparman' meet.
 */
export function nameKey(name: string): string {
  return name
    .split(/[\s,]+/)
    .flatMap((part) => part.split('.'))
    .map((word) => spellingKey(word))
    .filter((word) => word.length > 0)
    .map((word) => (MUHAMMAD_VARIANTS.has(word) ? MUHAMMAD : word))
    .join(' ');
}
