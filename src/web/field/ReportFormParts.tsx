// Parts of the Lapor form (ReportPage.tsx): a group of tick boxes, the chosen time in words, a field's problem and
// the grid of vulnerable people by group.
import type { ComponentChildren } from 'preact';
import { formatDateTimeWIB } from '../../shared/i18n.ts';
import type { VulnerableGroup } from '../../shared/reports/report-schema.ts';
import { MIN_DESCRIPTION, VULNERABLE_GROUPS } from '../../shared/reports/report-vocabulary.ts';
import { wibInputToIso } from '../../shared/time.ts';
import { useLang, useT } from '../lang.ts';
import { type DraftProblem, type ReportDraft, VULNERABLE_FIELDS } from './report-draft.ts';

/** Toggles `value` in a list, keeping the vocabulary's order. */
function toggle<T extends string>(list: readonly T[], value: T, order: readonly T[]): T[] {
  const next = list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
  return order.filter((item) => next.includes(item));
}

/** A box per option under one legend; the ticked ones are kept in the options' own order. */
export function CheckGroup<T extends string>(props: {
  legend: string;
  options: readonly T[];
  labelOf: (option: T) => string;
  selected: readonly T[];
  onChange: (selected: T[]) => void;
}) {
  return (
    <fieldset class="group">
      <legend>{props.legend}</legend>
      <div class="checks">
        {props.options.map((option) => (
          <label key={option} class="check">
            <input
              type="checkbox"
              checked={props.selected.includes(option)}
              onChange={() => props.onChange(toggle(props.selected, option, props.options))}
            />
            <span>{props.labelOf(option)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The chosen time in the user's language, in WIB: the phone's own date picker may show another format. */
export function WhenInWords(props: { value: string }) {
  const lang = useLang();
  const iso = wibInputToIso(props.value);
  return iso ? <p class="hint when-words">{formatDateTimeWIB(iso, lang)}</p> : null;
}

/** A field's problem in words, under the field whose aria-describedby names `id`. */
export function FieldError(props: { id: string | undefined; problem: DraftProblem | undefined }) {
  const t = useT();
  if (!props.id || !props.problem) return null;
  return (
    <p id={props.id} class="field-error">
      {t(props.problem.key, { min: MIN_DESCRIPTION })}
    </p>
  );
}

/** A field's problem as `FieldError` shows it: the id its control names, and the problem (both absent without one). */
export type FieldProblem = { id: string | undefined; problem: DraftProblem | undefined };

/** A field in its box: its label, what `hint` says of it, its problem, then the control, which names the last two. */
export function DraftField(props: {
  id: string;
  label: string;
  hint?: ComponentChildren;
  error: FieldProblem;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint}
      <FieldError {...props.error} />
      {props.children}
    </div>
  );
}

/** Vulnerable people by group: harmed, displaced, at risk. Compact: three small number fields a row. */
export function VulnerableGrid(props: {
  draft: ReportDraft;
  onChange: (vulnerable: ReportDraft['vulnerable']) => void;
}) {
  const t = useT();
  const set = (group: VulnerableGroup, field: (typeof VULNERABLE_FIELDS)[number], raw: string) => {
    const value = Math.max(0, Math.min(100_000, Number.parseInt(raw, 10) || 0));
    const current = props.draft.vulnerable;
    props.onChange({ ...current, [group]: { ...current[group], [field]: value } });
  };
  return (
    <table class="vulnerable-grid">
      <caption>{t('field.vulnerable.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('field.vulnerable.group')}</th>
          {VULNERABLE_FIELDS.map((field) => (
            <th key={field} scope="col">
              {t(`field.vulnerable.${field}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {VULNERABLE_GROUPS.map((group) => (
          <tr key={group}>
            <th scope="row">{t(`field.group.${group}`)}</th>
            {VULNERABLE_FIELDS.map((field) => (
              <td key={field}>
                <input
                  type="number"
                  inputMode="numeric"
                  min={0}
                  step={1}
                  aria-label={t('field.vulnerable.cell', {
                    group: t(`field.group.${group}`),
                    column: t(`field.vulnerable.${field}`),
                  })}
                  value={props.draft.vulnerable[group][field]}
                  onFocus={(event) => event.currentTarget.select()}
                  onInput={(event) => set(group, field, event.currentTarget.value)}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
