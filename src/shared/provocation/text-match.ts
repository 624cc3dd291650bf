// Near-identical texts: a forwarded message comes back with other emoji, other spacing, a "Diteruskan" header
// or a chain of "share!!!" lines, yet it is the same content. Texts are compared by pg_trgm's similarity
// after the text reader's folding (docs/PROVOCATION-WATCH.md). Pure: no database.
import { tokenize } from '../text-reader/tokens.ts';

/** Lines that WhatsApp, Telegram and people add when a message is passed on; they say nothing of its content. */
const FORWARD_LINE =
  /^\s*(?:\[?\s*(?:diteruskan|forwarded)(?:\s+(?:berkali-kali|many times))?\s*\]?|(?:pesan\s+)?(?:terusan|copas|copy\s*paste|dari\s+grup\s+sebelah|info\s+dari\s+grup\s+sebelah)\s*:?|-{2,}\s*(?:forwarded message|pesan diteruskan)\s*-{2,})\s*$/i;

/**
 * The comparable form of a text: forwarded headers removed, emoji and punctuation gone, words folded by the
 * text reader (yg → yang, anak2 → anak), one space between words.
 */
export function normaliseText(text: string): string {
  const lines = text
    .normalize('NFKC')
    .split(/\r?\n/)
    .filter((line) => !FORWARD_LINE.test(line));
  return tokenize(lines.join('\n'))
    .map((t) => t.norm)
    .join(' ');
}

/**
 * Two normalised texts whose pg_trgm similarity (character trigrams, both databases) is at least this are the
 * same content; measured on forwarded variants in provocation.test.ts.
 */
export const SAME_TEXT_SIMILARITY = 0.6;
/** Texts shorter than this many characters are too common ("awas", "hoaks") to join items by. */
export const MIN_MATCH_CHARS = 24;

/** The number of bits that differ between two 64-bit perceptual hashes written as 16 hex digits. */
export function hammingDistance(a: string, b: string): number {
  let distance = 0;
  for (let i = 0; i < 16; i += 4) {
    let x = Number.parseInt(a.slice(i, i + 4), 16) ^ Number.parseInt(b.slice(i, i + 4), 16);
    while (x) {
      distance += x & 1;
      x >>= 1;
    }
  }
  return distance;
}

/** Two screenshots whose hashes differ in at most this many of 64 bits show the same image. */
export const SAME_IMAGE_DISTANCE = 10;
