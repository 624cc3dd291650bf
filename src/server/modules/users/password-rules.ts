// How strong a chosen password must be: zxcvbn's estimate with the common and Indonesian dictionaries and the
// user's own name and username as guesses. No composition rules beyond that (NIST SP 800-63B).
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as indonesian from '@zxcvbn-ts/language-id';

/** The least zxcvbn score (0–4) accepted: 3 is "safely unguessable", about 10^8 guesses or more. */
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | undefined;

/** Built on first use: the dictionaries take a moment to load, and most processes never need them. */
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...indonesian.dictionary },
    graphs: common.adjacencyGraphs,
    translations: indonesian.translations,
  });
  return factory;
}

/**
 * Why `password` is too weak for this user, in Indonesian (zxcvbn's own warning when it has one), or
 * undefined when it is strong enough.
 */
export function passwordWeakness(
  password: string,
  user: { username: string; displayName?: string },
): string | undefined {
  const names = [user.username, user.displayName ?? '', ...(user.displayName ?? '').split(/\s+/)]
    .map((name) => name.toLowerCase())
    .filter((name) => name.length >= 3)
    .sort((a, b) => b.length - a.length);
  // The name adds nothing an attacker does not know: only what is left without it counts.
  let rest = password.toLowerCase();
  for (const name of names) {
    rest = rest.replaceAll(name, '').replaceAll(name.replace(/[^a-z0-9]/g, ''), '');
  }
  if (rest !== password.toLowerCase() && estimator().check(rest, names).score < MIN_PASSWORD_SCORE) {
    return 'Kata sandi terlalu mirip dengan nama atau nama pengguna Anda.';
  }
  const own = [...names, ...names.map((name) => name.replace(/[^a-z0-9]/g, ''))];
  const result = estimator().check(password, own);
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  const warning = result.feedback.warning?.replace(/\.$/, '');
  return `Kata sandi terlalu mudah ditebak${warning ? ` (${warning})` : ''}. Pakai beberapa kata yang tidak berhubungan dengan nama Anda.`;
}
