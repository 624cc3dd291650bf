// Labelled form fields for the learning pages: each with its hint and its error tied to it for screen readers.
import type { ComponentChildren } from 'preact';
import { WibDateField } from '../WibDateField.tsx';

type Common = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  isRequired?: boolean;
};

function describedBy(props: Common): string | undefined {
  const ids = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Frame(props: Common & { children: ComponentChildren }) {
  return (
    <div class="field">
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

/** A one-line text, date or time field. */
export function InputField(
  props: Common & {
    value: string;
    onInput: (value: string) => void;
    type?: 'text' | 'date' | 'datetime-local';
    maxLength?: number;
    autoComplete?: string;
  },
) {
  if (props.type === 'date' || props.type === 'datetime-local')
    return (
      <Frame {...props}>
        <WibDateField
          id={props.id}
          kind={props.type === 'date' ? 'date' : 'datetime'}
          value={props.value}
          onValue={props.onInput}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy(props)}
        />
      </Frame>
    );
  return (
    <Frame {...props}>
      <input
        id={props.id}
        class="op-input"
        type="text"
        value={props.value}
        maxLength={props.maxLength}
        autoComplete={props.autoComplete ?? 'off'}
        aria-required={props.isRequired ? true : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
        onInput={(event) => props.onInput((event.currentTarget as HTMLInputElement).value)}
      />
    </Frame>
  );
}

/** A text of several lines. */
export function TextAreaField(
  props: Common & { value: string; onInput: (value: string) => void; rows?: number; maxLength?: number },
) {
  return (
    <Frame {...props}>
      <textarea
        id={props.id}
        class="op-input"
        rows={props.rows ?? 4}
        value={props.value}
        maxLength={props.maxLength}
        aria-required={props.isRequired ? true : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
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
  },
) {
  return (
    <Frame {...props}>
      <select
        id={props.id}
        class="op-input"
        value={props.value}
        disabled={props.isDisabled}
        aria-required={props.isRequired ? true : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
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
