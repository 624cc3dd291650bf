// The date and date-time inputs of every form: a WIB day as 22/08/2026 and a 24-hour time as 21.30, whatever
// language the browser speaks (a native date input follows the browser's locale: mm/dd/yyyy, AM/PM). The
// value stays the one a native input would give ('2026-08-22', '2026-08-22T21:30'), read as WIB by the forms.
import { useEffect, useRef, useState } from 'preact/hooks';
import { parseWibFieldDate, parseWibFieldTime, splitWibFieldValue } from '../shared/time.ts';
import { useT } from './lang.ts';

type Props = {
  /** The id the field's `<label for>` names: given to the day input. */
  id: string;
  /** '2026-08-22T21:30' (kind 'datetime', the default) or '2026-08-22' (kind 'date'); '' while incomplete. */
  value: string;
  onValue: (value: string) => void;
  kind?: 'datetime' | 'date';
  /** Earliest and latest allowed values, in the same form as `value`; outside them the field is invalid. */
  min?: string;
  max?: string;
  required?: boolean;
  disabled?: boolean;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
};

/** The value the typed day and time stand for, or '' while they are incomplete or not a real moment. */
function combine(kind: 'datetime' | 'date', dateText: string, timeText: string): string {
  const date = parseWibFieldDate(dateText);
  if (!date) return '';
  if (kind === 'date') return date;
  const time = parseWibFieldTime(timeText);
  return time ? `${date}T${time}` : '';
}

/** A limit as the person reads it: '22/08/2026 21.30 WIB'. */
function shown(value: string): string {
  const { date, time } = splitWibFieldValue(value);
  return `${date}${time ? ` ${time}` : ''} WIB`;
}

export function WibDateField(props: Props) {
  const t = useT();
  const kind = props.kind ?? 'datetime';
  const [text, setText] = useState(() => splitWibFieldValue(props.value));
  const dateInput = useRef<HTMLInputElement>(null);

  // A value set from outside (a reset, a default) replaces what is typed; the value typed here does not.
  useEffect(() => {
    if (combine(kind, text.date, text.time) !== props.value && props.value !== '')
      setText(splitWibFieldValue(props.value));
  }, [props.value]);

  const value = combine(kind, text.date, text.time);
  const typed = text.date.trim() !== '' || text.time.trim() !== '';
  const problem =
    typed && !value
      ? t('time.field.invalid')
      : value && props.min && value < props.min
        ? t('time.field.tooEarly', { min: shown(props.min) })
        : value && props.max && value > props.max
          ? t('time.field.tooLate', { max: shown(props.max) })
          : '';
  // The browser refuses to send the form while the field holds a problem, as it does for a native input.
  useEffect(() => {
    dateInput.current?.setCustomValidity(problem);
  }, [problem]);

  function change(next: { date: string; time: string }) {
    setText(next);
    props.onValue(combine(kind, next.date, next.time));
  }

  return (
    <span class="wib-date-field">
      <input
        ref={dateInput}
        id={props.id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        size={10}
        placeholder={t('time.field.datePlaceholder')}
        value={text.date}
        required={props.required}
        disabled={props.disabled}
        aria-required={props['aria-required']}
        aria-describedby={props['aria-describedby']}
        aria-invalid={props['aria-invalid'] || (problem ? true : undefined)}
        title={problem || undefined}
        onInput={(event) => change({ ...text, date: event.currentTarget.value })}
      />
      {kind === 'datetime' && (
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          size={5}
          placeholder={t('time.field.timePlaceholder')}
          aria-label={t('time.field.time')}
          value={text.time}
          required={props.required}
          disabled={props.disabled}
          aria-required={props['aria-required']}
          aria-invalid={props['aria-invalid'] || (problem ? true : undefined)}
          onInput={(event) => change({ ...text, time: event.currentTarget.value })}
        />
      )}
      <span class="wib-date-field-zone">WIB</span>
    </span>
  );
}
