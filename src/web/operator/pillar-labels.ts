// The words for the pillar vocabularies (types and skills): the admin's label from the server in Indonesian,
// the office table's English for the codes Sigap ships with, and never the bare code.
import type { Lang, MessageKey } from '../../shared/i18n.ts';
import { t as translate } from '../../shared/i18n.ts';
import type { ListItem } from '../../shared/pillars/pillar-schema.ts';
import { listPillarSkills, listPillarTypes } from './operator-api.ts';
import { useLoad } from './ui.tsx';

export type PillarLabels = { types: Map<string, string>; skills: Map<string, string> };

/** The label of a type or skill code in `lang`. */
export function pillarLabel(lang: Lang, labels: PillarLabels, kind: 'type' | 'skill', code: string): string {
  const key = `op.vocab.${kind}.${code}` as MessageKey;
  const table = translate(lang, key);
  const own = (kind === 'type' ? labels.types : labels.skills).get(code);
  if (lang === 'id' && own) return own;
  if (table !== key) return table;
  return own ?? code.replaceAll('_', ' ');
}

/** The lists of types and skills as the server holds them, with their labels by code. */
export function usePillarLists(): { types: ListItem[]; skills: ListItem[]; labels: PillarLabels } {
  const types = useLoad(() => listPillarTypes().then((r) => r.items), []);
  const skills = useLoad(() => listPillarSkills().then((r) => r.items), []);
  const typeItems = types.data ?? [];
  const skillItems = skills.data ?? [];
  return {
    types: typeItems,
    skills: skillItems,
    labels: {
      types: new Map(typeItems.map((item) => [item.code, item.label])),
      skills: new Map(skillItems.map((item) => [item.code, item.label])),
    },
  };
}
