// The fields of the sign-in forms: a name, a password or a code, each labelled and with the browser's own
// autocomplete hints, and the announced line that says what went wrong.

/** A labelled field of a sign-in form; a hint, when given, is tied to the field for screen readers. */
export function CredentialField(props: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  type: 'text' | 'password';
  autoComplete: string;
  autoCapitalize?: 'none' | 'characters';
  inputMode?: 'numeric';
  spellcheck?: boolean;
  value: string;
  onInput: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p id={`${props.id}-hint`} class="hint">
          {props.hint}
        </p>
      )}
      <input
        id={props.id}
        name={props.name}
        {...(props.type === 'password' ? { type: 'password' } : { type: 'text' })}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete}
        autoCapitalize={props.autoCapitalize}
        spellcheck={props.spellcheck}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
    </div>
  );
}

/** The username field of a sign-in form: no capitals, no spelling check. */
export function UsernameField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
}) {
  return (
    <CredentialField
      {...props}
      name="username"
      type="text"
      autoComplete="username"
      autoCapitalize="none"
      spellcheck={false}
    />
  );
}

/** The live region of a form's problem: always present, so that a new message is announced. */
export function AlertRegion(props: { message: string | undefined }) {
  return (
    <div role="alert" class="alert-region">
      {props.message && <p class="message message-error">{props.message}</p>}
    </div>
  );
}
