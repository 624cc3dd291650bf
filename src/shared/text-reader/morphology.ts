// Indonesian and Javanese affixes on the verbs of violence, so one stem ("pukul") finds every form a message
// writes: dipukul, dipukuli, memukul, pemukulan, terpukul, kepukul (Javanese passive), mukul (Javanese active),
// saling pukul (see reciprocal). Forms that are not real words are harmless: they never occur in a message.

/** The stem with the nasal prefix of meN-/peN- (memukul, menusuk, menyerang, mengeroyok, membakar, melempar). */
function nasal(stem: string, head: 'me' | 'pe'): string[] {
  const c = stem[0] ?? '';
  const rest = stem.slice(1);
  if (/[aiueo]/.test(c)) return [`${head}ng${stem}`];
  if (c === 'p') return [`${head}m${rest}`];
  if (c === 'b') return [`${head}m${stem}`];
  if (c === 't') return [`${head}n${rest}`];
  if (c === 'd' || c === 'c' || c === 'j') return [`${head}n${stem}`];
  if (c === 's') return [`${head}ny${rest}`];
  if (c === 'k') return [`${head}ng${rest}`];
  if (c === 'g' || c === 'h') return [`${head}ng${stem}`];
  // l, r, m, n, w, y: melempar, merusak, pelemparan, perusakan; news also writes "pengrusakan"
  return c === 'r' ? [`${head}${stem}`, `${head}ng${stem}`] : [`${head}${stem}`];
}

/** The Javanese active form: mukul, nusuk, nyerang, ngeroyok, mbacok, nglempar, ngrusak. */
function javaneseActive(stem: string): string {
  const c = stem[0] ?? '';
  const rest = stem.slice(1);
  if (/[aiueo]/.test(c)) return `ng${stem}`;
  if (c === 'p') return `m${rest}`;
  if (c === 't') return `n${rest}`;
  if (c === 's') return `ny${rest}`;
  if (c === 'k') return `ng${rest}`;
  if (c === 'b' || c === 'd') return `m${stem}`;
  return `ng${stem}`;
}

/** Every affixed form of each stem, as alternatives for `words()`. */
export function affixed(stems: readonly string[]): string[] {
  const out = new Set<string>();
  for (const s of stems) {
    for (const suffix of ['', 'i', 'kan']) {
      out.add(`di${s}${suffix}`);
      for (const m of nasal(s, 'me')) out.add(`${m}${suffix}`);
    }
    for (const p of nasal(s, 'pe')) out.add(`${p}an`);
    out.add(`ter${s}`);
    out.add(`ke${s}`);
    out.add(javaneseActive(s));
  }
  return [...out];
}

/** "saling pukul": the bare stem after "saling" (each other), found token by token. */
export function reciprocal(
  tokens: readonly { norm: string }[],
  i: number,
  stems: ReadonlySet<string>,
): boolean {
  return stems.has(tokens[i]?.norm ?? '') && tokens[i - 1]?.norm === 'saling';
}
