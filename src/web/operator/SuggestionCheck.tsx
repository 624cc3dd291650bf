// Before verifying a report that came by WhatsApp or SMS, the operator checks the text reader's suggestions it was
// filled from: each shown with the words that decided it, kept as they are (confirmed) or corrected. Saving is
// one amendment of the report (kept in its history, even when nothing changed: who checked, and when).
import { useState } from 'preact/hooks';
import { CONFLICT_TYPES, REPORT_KINDS } from '../../shared/reports/report-vocabulary.ts';
import type { TextReadReply } from '../../shared/text-reader/text-read-schema.ts';
import { SelectField } from '../fields.tsx';
import { useT } from '../lang.ts';
import { conflictTypeLabel, kindLabel } from './labels.ts';

type Checked = { kind: string; conflictType: string };

/** The words of the message that decided a field, "«bentrok», «perguruan»"; empty when none did. */
export function decidingWords(text: string, reading: TextReadReply, field: string): string {
  const spans = reading.evidence[field]?.spans ?? [];
  return spans.map(([a, b]) => `«${text.slice(a, b)}»`).join(', ');
}

export function SuggestionCheck(props: {
  text: string;
  reading: TextReadReply;
  current: Checked;
  isBusy: boolean;
  onSave: (checked: Checked, corrected: number) => void;
}) {
  const t = useT();
  const [form, setForm] = useState<Checked>(props.current);
  const hint = (field: keyof Checked, suggested: string) => {
    const words = decidingWords(props.text, props.reading, field);
    return words
      ? t('op.channel.check.hintWords', { value: suggested, words })
      : t('op.channel.check.hint', { value: suggested });
  };
  const corrected = (Object.keys(form) as (keyof Checked)[]).filter(
    (k) => form[k] !== props.current[k],
  ).length;
  /** The choice of one field: every code by its label, the reader's suggestion and its words in the hint. */
  const choice = (
    field: keyof Checked,
    id: string,
    codes: readonly string[],
    labelOf: (translate: typeof t, code: string) => string,
  ) => (
    <SelectField
      id={id}
      label={t(`reader.${field}`)}
      hint={hint(field, labelOf(t, props.reading[field]))}
      value={form[field]}
      onChange={(value) => setForm({ ...form, [field]: value })}
      options={codes.map((code) => ({ value: code, label: labelOf(t, code) }))}
    />
  );
  return (
    <form
      class="op-form"
      aria-labelledby="suggestion-check-heading"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave(form, corrected);
      }}
    >
      <h4 id="suggestion-check-heading">{t('op.channel.check.heading')}</h4>
      {choice('kind', 'check-kind', REPORT_KINDS, kindLabel)}
      {choice('conflictType', 'check-conflict-type', CONFLICT_TYPES, conflictTypeLabel)}
      <button type="submit" class="button button-primary" disabled={props.isBusy}>
        {corrected > 0
          ? t('op.channel.check.saveCorrected', { count: corrected })
          : t('op.channel.check.confirm')}
      </button>
    </form>
  );
}
