// Pengaturan model: the thresholds and parameters of the level model (docs/EARLY-WARNING.md). Every staff role
// may read them — they explain why a level is what it is — and only the admin saves them, as the API allows.

import { useState } from 'preact/hooks';
import {
  SETTING_LIMITS as L,
  type SettingLimit,
  thresholdOrder,
} from '../../shared/early-warning/settings-limits.ts';
import type { Lang, MessageKey } from '../../shared/i18n.ts';
import { can } from '../../shared/permissions/index.ts';
import type { ApiError, SignedInUser } from '../api.ts';
import { FormProblems, InputField, useFocusOnRefusal } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { warningLevelLabel } from '../operator/labels.ts';
import { DoneNotice, FormSubmit, Loading, num, useAction, useLoad } from '../operator/ui.tsx';
import { Fact } from '../ui/Fact.tsx';
import { type EarlyWarningSettings, getSettings, saveSettings } from './ew-api.ts';
import { EwError } from './ew-ui.tsx';

/** Roles the API lets save the settings. */

const LEVELS = ['waspada', 'siaga', 'awas'] as const;

/** One number and its limits (the server's own: src/shared/early-warning/settings-limits.ts). */
type FieldDef = { path: string; level?: string } & SettingLimit;
type GroupDef = { key: string; legend: MessageKey; hint?: MessageKey; fields: FieldDef[] };

const perLevel = (prefix: string, limits: SettingLimit): FieldDef[] =>
  LEVELS.map((level) => ({ path: `${prefix}.${level}`, level, ...limits }));
const named = (path: keyof typeof L): FieldDef => ({ path, ...L[path] });

const GROUPS: readonly GroupDef[] = [
  { key: 'rise', legend: 'ew.model.rise', hint: 'ew.model.riseHint', fields: perLevel('rise', L.score) },
  { key: 'fall', legend: 'ew.model.fall', hint: 'ew.model.fallHint', fields: perLevel('fall', L.score) },
  {
    key: 'activity',
    legend: 'ew.model.activity',
    fields: [
      named('windowDays'),
      named('halfLifeDays'),
      named('historyDays'),
      named('smoothingDays'),
      named('floorPerDay'),
      named('lookaheadDays'),
    ],
  },
  {
    key: 'acknowledgeMinutes',
    legend: 'ew.model.acknowledge',
    hint: 'ew.model.acknowledgeHint',
    fields: perLevel('acknowledgeMinutes', L.acknowledgeMinutes),
  },
];
const FIELDS = GROUPS.flatMap((group) => group.fields);

function valueAt(settings: EarlyWarningSettings, path: string): number {
  return path
    .split('.')
    .reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], settings) as number;
}

/** The three per-level numbers typed under `prefix` ('rise', 'fall', 'acknowledgeMinutes'). */
function levelsOf(n: Record<string, number>, prefix: string) {
  return { waspada: n[`${prefix}.waspada`], siaga: n[`${prefix}.siaga`], awas: n[`${prefix}.awas`] };
}

/** The typed numbers as settings, over the loaded ones (a key this page does not know is kept, not reset). */
function toSettings(base: EarlyWarningSettings, n: Record<string, number>): EarlyWarningSettings {
  const levels = (prefix: string) => levelsOf(n, prefix);
  return {
    ...base,
    rise: levels('rise'),
    fall: levels('fall'),
    windowDays: n.windowDays,
    halfLifeDays: n.halfLifeDays,
    historyDays: n.historyDays,
    smoothingDays: n.smoothingDays,
    floorPerDay: n.floorPerDay,
    lookaheadDays: n.lookaheadDays,
    acknowledgeMinutes: levels('acknowledgeMinutes'),
  };
}

/** Indonesians write 2,25 and others 2.25: both are read. NaN when it is no number. */
function parseNumber(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

function textOf(value: number, lang: Lang): string {
  return lang === 'id' ? String(value).replace('.', ',') : String(value);
}

type Translate = ReturnType<typeof useT>;

function labelOf(field: FieldDef, t: Translate): string {
  return field.level ? warningLevelLabel(t, field.level) : t(`ew.model.${field.path}` as MessageKey);
}

/** What a problem is about, for the list above the form: "Ambang naik (skor) · Siaga", "Waktu paruh (hari)". */
function problemSubject(path: string, t: Translate): string {
  const group = GROUPS.find((g) => g.key === path);
  if (group) return t(group.legend);
  const owner = GROUPS.find((g) => g.fields.some((f) => f.path === path));
  const field = owner?.fields.find((f) => f.path === path);
  if (!owner || !field) return path;
  return field.level ? `${t(owner.legend)} · ${labelOf(field, t)}` : labelOf(field, t);
}

function textsOf(settings: EarlyWarningSettings, lang: Lang): Record<string, string> {
  return Object.fromEntries(FIELDS.map((f) => [f.path, textOf(valueAt(settings, f.path), lang)]));
}

function rangeOf(field: FieldDef, t: Translate, lang: Lang): string {
  return t(field.isInteger ? 'ew.model.rangeInt' : 'ew.model.range', {
    min: num(field.min, lang),
    max: num(field.max, lang),
  });
}

/** The same checks as the server's schema, so that most mistakes are named before sending. */
function check(
  texts: Record<string, string>,
  t: Translate,
  lang: Lang,
): { numbers: Record<string, number>; problems: Record<string, string> } {
  const numbers: Record<string, number> = {};
  const problems: Record<string, string> = {};
  for (const field of FIELDS) {
    const n = parseNumber(texts[field.path] ?? '');
    numbers[field.path] = n;
    if (Number.isNaN(n)) problems[field.path] = t('ew.model.notNumber');
    else if (n < field.min || n > field.max || (field.isInteger && !Number.isInteger(n)))
      problems[field.path] = rangeOf(field, t, lang);
  }
  if (Object.keys(problems).length > 0) return { numbers, problems };
  const order = thresholdOrder(levelsOf(numbers, 'rise'), levelsOf(numbers, 'fall'));
  if (!order.isRiseInOrder) problems.rise = t('ew.model.riseOrder');
  if (!order.isFallBelowRise) problems.fall = t('ew.model.fallBelowRise');
  else if (!order.isFallInOrder) problems.fall = t('ew.model.fallOrder');
  return { numbers, problems };
}

/** The server's field problems ({ fields: [{ path, message }] } of validation_failed), by path. */
function serverProblems(error: ApiError | undefined): Record<string, string> | undefined {
  const fields = (error?.details as { fields?: unknown } | undefined)?.fields;
  if (error?.code !== 'validation_failed' || !Array.isArray(fields) || fields.length === 0) return undefined;
  const found: Record<string, string> = {};
  for (const field of fields as { path?: unknown; message?: unknown }[]) {
    found[String(field.path ?? '')] = String(field.message ?? '');
  }
  return found;
}

export function ModelSettingsView(props: { me: SignedInUser }) {
  const t = useT();
  const lang = useLang();
  const loaded = useLoad(getSettings, []);
  const settings = loaded.data;
  const isEditor = can(props.me.role, 'model.edit');
  return (
    <section aria-labelledby="ew-model-heading">
      <h2 id="ew-model-heading">{t('ew.tab.model')}</h2>
      <p class="hint">{t('ew.model.explain')}</p>
      <EwError error={loaded.error} />
      {!settings && loaded.isLoading && <Loading />}
      {settings && isEditor && <SettingsForm settings={settings} />}
      {settings && !isEditor && (
        <>
          <p>{t('ew.model.readOnly')}</p>
          {GROUPS.map((group) => (
            <section key={group.key} aria-labelledby={`ew-model-${group.key}`}>
              <h3 id={`ew-model-${group.key}`}>{t(group.legend)}</h3>
              {group.hint && <p class="hint">{t(group.hint)}</p>}
              <dl class="op-facts">
                {group.fields.map((field) => (
                  <Fact key={field.path} label={labelOf(field, t)}>
                    {num(valueAt(settings, field.path), lang)}
                  </Fact>
                ))}
              </dl>
            </section>
          ))}
        </>
      )}
    </section>
  );
}

/** The admin's form: every number with its meaning and limits; the whole set is saved at once. */
function SettingsForm(props: { settings: EarlyWarningSettings }) {
  const t = useT();
  const lang = useLang();
  const [saved, setSaved] = useState(props.settings);
  const [texts, setTexts] = useState(() => textsOf(props.settings, lang));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [done, setDone] = useState('');
  const action = useAction();
  // After a refused save, the first field named wrong takes the focus.
  const { form, refused } = useFocusOnRefusal();

  async function submit(event: Event) {
    event.preventDefault();
    setDone('');
    const found = check(texts, t, lang);
    setProblems(found.problems);
    if (Object.keys(found.problems).length > 0) {
      action.clear();
      refused();
      return;
    }
    const ok = await action.run(async () => {
      const answer = await saveSettings(toSettings(saved, found.numbers));
      setSaved(answer);
      setTexts(textsOf(answer, lang));
    });
    if (ok) setDone(t('ew.model.saved'));
    else refused();
  }

  // The server's field problems stand beside their fields as ours do; the rest in its own notice.
  const fromServer = serverProblems(action.error);
  const shown = fromServer ?? problems;
  const listed = Object.fromEntries(
    Object.entries(shown).map(([path, problem]) => [
      path,
      path ? `${problemSubject(path, t)}: ${problem}` : problem,
    ]),
  );

  return (
    <form ref={form} class="op-form" noValidate onSubmit={submit}>
      <FormProblems title={t('ew.model.problems')} problems={listed} />
      {GROUPS.map((group) => {
        const groupProblem = shown[group.key];
        const describedBy = [
          group.hint && `ew-model-${group.key}-hint`,
          groupProblem && `ew-model-${group.key}-error`,
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <fieldset key={group.key} class="ew-fieldset" aria-describedby={describedBy || undefined}>
            <legend>{t(group.legend)}</legend>
            {group.hint && (
              <p class="hint" id={`ew-model-${group.key}-hint`}>
                {t(group.hint)}
              </p>
            )}
            {groupProblem && (
              <p class="field-error" id={`ew-model-${group.key}-error`}>
                {groupProblem}
              </p>
            )}
            <div class="op-grid-form">
              {group.fields.map((field) => (
                <InputField
                  key={field.path}
                  id={`ew-model-${field.path.replace('.', '-')}`}
                  label={labelOf(field, t)}
                  hint={[
                    field.level ? '' : t(`ew.model.${field.path}Hint` as MessageKey),
                    rangeOf(field, t, lang),
                  ]
                    .filter(Boolean)
                    .join(' ')}
                  value={texts[field.path] ?? ''}
                  onInput={(value) => setTexts((current) => ({ ...current, [field.path]: value }))}
                  maxLength={12}
                  isRequired
                  error={shown[field.path]}
                />
              ))}
            </div>
          </fieldset>
        );
      })}
      <DoneNotice message={done} />
      {!fromServer && <EwError error={action.error} />}
      <FormSubmit label={t('ew.model.save')} disabled={action.isBusy} />
    </form>
  );
}
