// A message as the rules see it: its tokens, and one string of their folded forms in which regular expressions
// find phrases. Clause breaks are written as " , " and sentence breaks as " . ", so "[^,.]*" stays in a clause.
import { type Token, tokenize } from './tokens.ts';

export type Span = [number, number];
export type Doc = { text: string; tokens: Token[]; norm: string; starts: number[] };
/** A field's value with the words that decided it and a confidence. */
export type Choice<T> = { value: T; spans: Span[]; confidence: number };
export type Hit = { index: number; end: number; span: Span; first: number; last: number };

export function makeDoc(text: string): Doc {
  const tokens = tokenize(text);
  let norm = '';
  const starts: number[] = [];
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (prev) norm += prev.sentence !== t.sentence ? ' . ' : prev.clause !== t.clause ? ' , ' : ' ';
    starts.push(norm.length);
    norm += t.norm;
  });
  return { text, tokens, norm, starts };
}

/** The index of the token that covers position pos of doc.norm. */
export function tokenAt(doc: Doc, pos: number): number {
  let lo = 0;
  let hi = doc.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((doc.starts[mid] ?? 0) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Every match of a regular expression (with the g flag) over doc.norm, as spans of the original text. */
export function findAll(doc: Doc, re: RegExp): Hit[] {
  const hits: Hit[] = [];
  re.lastIndex = 0;
  for (const m of doc.norm.matchAll(re)) {
    const index = (m.index ?? 0) + (m[0].startsWith(' ') ? 1 : 0);
    const end = index + m[0].length;
    const first = tokenAt(doc, index);
    const last = tokenAt(doc, Math.max(index, end - 1));
    hits.push({ index, end, first, last, span: [doc.tokens[first]?.start ?? 0, doc.tokens[last]?.end ?? 0] });
  }
  return hits;
}

/** Tokens whose folded form is in a set, as hits: a set lookup where a regular expression of hundreds of
 * single words would try each alternative at every word. */
export function tokenHits(doc: Doc, set: ReadonlySet<string>): Hit[] {
  const hits: Hit[] = [];
  doc.tokens.forEach((t, i) => {
    if (!set.has(t.norm)) return;
    const index = doc.starts[i] ?? 0;
    hits.push({ index, end: index + t.norm.length, first: i, last: i, span: [t.start, t.end] });
  });
  return hits;
}

/** A word list written as one string, "anak kecil | balita | bocah" (bars between spaces). */
export function list(text: string): string[] {
  return text
    .split(/\s+\|\s+/) // a bar inside an alternative ("tuna ?(?:netra|rungu)") has no spaces around it
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
}

/** Builds a whole-word regular expression from alternatives ("a | b c" or an array) with spaces between words. */
export function words(input: string | readonly string[]): RegExp {
  const alternatives = typeof input === 'string' ? list(input) : input;
  // longest first, so "anak lakinya" wins over "anak"
  const sorted = [...alternatives].sort((a, b) => b.length - a.length);
  // doc.norm separates words by single spaces, so a leading space (or the start) marks a word's beginning:
  // cheaper for the engine than a lookbehind at every position. findAll skips that space.
  return new RegExp(`(?:^| )(?:${sorted.join('|')})(?= |$)`, 'gu');
}
