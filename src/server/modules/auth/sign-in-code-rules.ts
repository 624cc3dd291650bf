// One-time sign-in codes and the usernames of accounts made in bulk: pure rules, no database.

/** How long a one-time code works. */
export const CODE_VALID_DAYS = 7;

/** Letters and digits that are not mistaken for one another when read off paper (no 0/O, 1/I/L, U/V). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';

/**
 * A new code of ten characters in two groups, e.g. `K7MPA-3XQ9T` (about 48 bits). `randomIndex(n)` picks a
 * number below n: the service passes `crypto.randomInt`, so this file stays free of node:* (the layer rule).
 */
export function newSignInCode(randomIndex: (below: number) => number): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += ALPHABET[randomIndex(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A code as typed, made comparable: upper case, spaces and dashes gone. */
export function normalizeSignInCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

/** When a code made at `now` stops working. */
export function codeExpiry(now: Date): Date {
  return new Date(now.getTime() + CODE_VALID_DAYS * 86_400_000);
}

/**
 * The username of a person's new account, from their name: ascii lower case, the first two words joined by a
 * dot (`siti.aminah`), at most 30 characters; `taken` tells which are in use, and a number is added until free
 * (`siti.aminah2`).
 */
export function deriveUsername(name: string, taken: (candidate: string) => boolean): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  let base = words.slice(0, 2).join('.').slice(0, 30).replace(/\.$/, '');
  if (base.length < 3) base = `relawan${base ? `.${base}` : ''}`;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${n}`;
    if (!taken(candidate)) return candidate;
  }
}
