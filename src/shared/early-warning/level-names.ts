// The levels' names in the texts the server writes (alert titles, the response log, notices, deadline
// warnings): the office pages' own words (`op.warning.*`), so a level reads the same on the page, in the log and
// in a WhatsApp message. It loads the office pages' messages: the field pages, whose phones never fetch those,
// must not import it (they take only types from the modules that do).
import '../messages/office.ts';
import { type Lang, t } from '../i18n.ts';
import type { LevelName } from './levels.ts';

/** A level's name: "Siaga", or in English "Alert (Siaga)". */
export function levelName(level: LevelName, lang: Lang = 'id'): string {
  return t(lang, `op.warning.${level}`);
}
