// How the tables loaded later are written (every file of this folder but core-en.ts): each message with its
// Indonesian and its English side by side, so that neither can be missing or drift from the other.
import { registerMessages } from '../i18n.ts';

/** A table loaded later: each key's Indonesian, then its English. */
export type Bilingual = Readonly<Record<string, readonly [id: string, en: string]>>;

/** Adds a table written side by side to the Indonesian and the English tables, and gives it back for its key type. */
export function registerBilingual<const T extends Bilingual>(messages: T): T {
  const id: Record<string, string> = {};
  const en: Record<string, string> = {};
  for (const [key, [idText, enText]] of Object.entries(messages)) {
    id[key] = idText;
    en[key] = enText;
  }
  registerMessages({ id, en });
  return messages;
}
