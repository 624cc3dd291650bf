import { useT } from '../lang.ts';

/** Largest count the API accepts. */
const MAX_COUNT = 100_000;

/** A whole-number field with − and + buttons big enough for a thumb. */
export function NumberStepper(props: {
  id: string;
  label: string;
  value: number;
  onChange: (value: number) => void;
}) {
  const t = useT();
  const set = (value: number) => props.onChange(Math.max(0, Math.min(MAX_COUNT, value)));
  return (
    <div class="stepper">
      <label for={props.id}>{props.label}</label>
      <div class="stepper-row">
        <button
          type="button"
          class="stepper-button"
          aria-label={t('field.stepper.less', { label: props.label })}
          onClick={() => set(props.value - 1)}
        >
          −
        </button>
        <input
          id={props.id}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_COUNT}
          step={1}
          value={props.value}
          onFocus={(event) => event.currentTarget.select()}
          onInput={(event) => {
            const value = Number.parseInt(event.currentTarget.value, 10);
            set(Number.isFinite(value) ? value : 0);
          }}
        />
        <button
          type="button"
          class="stepper-button"
          aria-label={t('field.stepper.more', { label: props.label })}
          onClick={() => set(props.value + 1)}
        >
          +
        </button>
      </div>
    </div>
  );
}
