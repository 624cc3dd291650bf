// Labelled form fields for every page: each with its hint and its error tied to it for screen readers.
// `isRequired` only announces a field the form checks itself; `required` (and `minLength`, `min`, `max`) let the
// browser check it before the form is sent.
import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { WibDateField } from './WibDateField.tsx';

type Common = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  isRequired?: boolean;
  required?: boolean;
  /** Extra classes of the field's frame, e.g. 'op-form-title' to span a grid form. */
  frameClass?: string;
};

/** What ties a field's control to its label, hint and error, and says whether it must be filled in. */
function controlOf(props: Common) {
  const describedBy = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean);
  return {
    id: props.id,
    required: props.required,
    'aria-required': props.isRequired ? true : undefined,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy.length > 0 ? describedBy.join(' ') : undefined,
  };
}

function Frame(props: Common & { children: ComponentChildren }) {
  return (
    <div class={props.frameClass ? `field ${props.frameClass}` : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
      {props.children}
    </div>
  );
}

/** A one-line text, number, date or time field. */
export function InputField(
  props: Common & {
    value: string;
    onInput: (value: string) => void;
    type?:
      | 'text'
      | 'search'
      | 'password'
      | 'tel'
      | 'email'
      | 'url'
      | 'number'
      | 'time'
      | 'date'
      | 'datetime-local';
    minLength?: number;
    maxLength?: number;
    /** Bounds of a number, or of a date/time in the field's own form. */
    min?: string | number;
    max?: string | number;
    autoComplete?: string;
    placeholder?: string;
    /** A pattern the browser checks the text against before the form is sent. */
    pattern?: string;
    isReadOnly?: boolean;
    inputClass?: string;
    /** The keyboard a phone shows for a text field, e.g. 'url' for a link that need not be a whole address. */
    inputMode?: 'url' | 'numeric' | 'decimal' | 'tel';
    /** The box itself (to focus it when its form opens); a date field has none. */
    inputRef?: Ref<HTMLInputElement>;
  },
) {
  if (props.type === 'date' || props.type === 'datetime-local')
    return (
      <Frame {...props}>
        <WibDateField
          {...controlOf(props)}
          kind={props.type === 'date' ? 'date' : 'datetime'}
          value={props.value}
          onValue={props.onInput}
          min={props.min === undefined ? undefined : String(props.min)}
          max={props.max === undefined ? undefined : String(props.max)}
        />
      </Frame>
    );
  return (
    <Frame {...props}>
      <input
        {...controlOf(props)}
        ref={props.inputRef}
        class={props.inputClass ?? 'op-input'}
        {...(props.type === 'number'
          ? { type: 'number', inputMode: 'numeric' }
          : props.type === 'url'
            ? { type: 'url', inputMode: 'url' }
            : props.type === 'tel'
              ? { type: 'tel', inputMode: props.inputMode }
              : props.type === 'email'
                ? { type: 'email' }
                : props.type === 'search'
                  ? { type: 'search' }
                  : props.type === 'password' || props.type === 'time'
                    ? { type: props.type }
                    : { type: 'text', inputMode: props.inputMode })}
        value={props.value}
        readOnly={props.isReadOnly}
        pattern={props.pattern}
        minLength={props.minLength}
        maxLength={props.maxLength}
        min={props.min}
        max={props.max}
        placeholder={props.placeholder}
        autoComplete={props.autoComplete ?? 'off'}
        onInput={(event) => props.onInput((event.currentTarget as HTMLInputElement).value)}
      />
    </Frame>
  );
}

/** A search box over a list (`op-search`), which narrows the list as one types. */
export function SearchField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
}) {
  return <InputField {...props} type="search" frameClass="op-search" />;
}

/** A date and a time (WIB) from the browser's picker: when something starts or ends, by when it is to be done. */
export function DateTimeField(props: {
  id: string;
  label: string;
  required?: boolean;
  /** The earliest it may be (an end not before its start). */
  min?: string;
  value: string;
  onInput: (value: string) => void;
}) {
  return <InputField {...props} type="datetime-local" />;
}

/** A text of several lines. */
export function TextAreaField(
  props: Common & {
    value: string;
    onInput: (value: string) => void;
    rows?: number;
    minLength?: number;
    maxLength?: number;
    placeholder?: string;
    /** The text box itself (to focus it when its form opens). */
    inputRef?: Ref<HTMLTextAreaElement>;
  },
) {
  return (
    <Frame {...props}>
      <textarea
        {...controlOf(props)}
        ref={props.inputRef}
        class="op-input"
        rows={props.rows ?? 4}
        value={props.value}
        minLength={props.minLength}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        onInput={(event) => props.onInput((event.currentTarget as HTMLTextAreaElement).value)}
      />
    </Frame>
  );
}

/** A choice from a list. */
export function SelectField(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    options: readonly { value: string; label: string }[];
    isDisabled?: boolean;
    /** The list itself (to focus it when its form opens). */
    inputRef?: Ref<HTMLSelectElement>;
  },
) {
  return (
    <Frame {...props}>
      <select
        {...controlOf(props)}
        ref={props.inputRef}
        class="op-input"
        value={props.value}
        disabled={props.isDisabled}
        onChange={(event) => props.onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** A file to send: `onFile` has the chosen file (none when the choice is cleared) and the field, to clear it. */
export function FileField(
  props: Common & {
    accept: string;
    onFile: (file: File | undefined, input: HTMLInputElement) => void;
    isDisabled?: boolean;
    inputClass?: string;
    inputRef?: Ref<HTMLInputElement>;
  },
) {
  return (
    <Frame {...props}>
      <input
        {...controlOf(props)}
        ref={props.inputRef}
        class={props.inputClass}
        type="file"
        accept={props.accept}
        disabled={props.isDisabled}
        onChange={(event) => {
          const input = event.currentTarget as HTMLInputElement;
          props.onFile(input.files?.[0], input);
        }}
      />
    </Frame>
  );
}

/**
 * A form that names its problems beside its fields: after `refused()`, once the problems are drawn, the first field
 * marked invalid takes the focus. `form` goes on the form element.
 */
export function useFocusOnRefusal() {
  const form = useRef<HTMLFormElement>(null);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);
  return { form, refused: () => setRefusals((n) => n + 1) };
}

/** The problems of a form, announced when it is sent with some; each also stands beside its field. */
export function FormProblems(props: { title: string; problems: Record<string, string | undefined> }) {
  const list = Object.values(props.problems).filter((p): p is string => Boolean(p));
  return (
    <div role="alert">
      {list.length > 0 && (
        <div class="message message-error">
          <p>{props.title}</p>
          <ul>
            {list.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** One choice of a few, each a radio button with its words, under the group's legend (`op-radios`). */
export function RadioField<T extends string>(props: {
  legend: string;
  /** The group's name; unique on the page. */
  name: string;
  options: readonly { value: T; label: ComponentChildren }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="op-radios">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value}>
          <input
            type="radio"
            name={props.name}
            value={option.value}
            checked={props.value === option.value}
            onChange={() => props.onChange(option.value)}
          />{' '}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** One checkbox with its words beside it (`op-check`). */
export function CheckField(props: {
  label: ComponentChildren;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label class="op-check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      {props.label}
    </label>
  );
}

/** A checkbox for each of `options`: ticking one adds its value to `selected`, clearing it takes it out. */
export function CheckList(props: {
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onChange: (update: (current: string[]) => string[]) => void;
}) {
  return (
    <>
      {props.options.map((option) => (
        <CheckField
          key={option.value}
          label={option.label}
          checked={props.selected.includes(option.value)}
          onChange={(checked) =>
            props.onChange((current) =>
              checked ? [...current, option.value] : current.filter((value) => value !== option.value),
            )
          }
        />
      ))}
    </>
  );
}
