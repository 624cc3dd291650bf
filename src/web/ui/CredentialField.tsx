// The fields of the sign-in and account forms: a name, a password or a code, each labelled and with the
// browser's own autocomplete hints, the announced line that says what went wrong, and the submit button.
import { errorMessage, type MessageKey } from '../../shared/i18n.ts';
import { ApiError } from '../api.ts';
import { useLang, useT } from '../lang.ts';

/** The server's rule for a new password (shared/users.ts `Password`), checked here to answer sooner. */
export const NEW_PASSWORD_MIN = 10;

/** A problem to show, kept as a code or a message key so that it follows a language switch. */
export type FormProblem<Key extends MessageKey = MessageKey> =
  | { code: string; details?: unknown }
  | { key: Key };

/** The problem a failed call shows: the server's code and details, or `internal` for anything else. */
export function problemOf(error: unknown): { code: string; details?: unknown } {
  return error instanceof ApiError ? { code: error.code, details: error.details } : { code: 'internal' };
}

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

/** A new password: the browser may offer a generated one; the hint says the rule. */
export function NewPasswordField(props: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onInput: (value: string) => void;
}) {
  return <CredentialField {...props} name="newPassword" type="password" autoComplete="new-password" />;
}

/** The live region of a form's problem: always present, so that a new message is announced. */
export function AlertRegion(props: { message: string | undefined }) {
  return (
    <div role="alert" class="alert-region">
      {props.message && <p class="message message-error">{props.message}</p>}
    </div>
  );
}

/** The polite live region of a form's success: always present, so that a new message is announced. */
export function SuccessRegion(props: { message: string | undefined }) {
  return (
    <div role="status" class="alert-region">
      {props.message && <p class="message message-success">{props.message}</p>}
    </div>
  );
}

/** The live region of a form's problem, in the reader's language; a key's `{min}` is the new password's rule. */
export function ProblemRegion(props: { problem: FormProblem | undefined }) {
  const lang = useLang();
  const t = useT();
  const problem = props.problem;
  return (
    <AlertRegion
      message={
        problem &&
        ('key' in problem
          ? t(problem.key, { min: NEW_PASSWORD_MIN })
          : errorMessage(lang, problem.code, problem.details))
      }
    />
  );
}

/** A form's main button, which says so while the form is being sent and cannot be pressed twice. */
export function BusySubmit(props: { isBusy: boolean; label: string; busyLabel: string }) {
  return (
    <button type="submit" class="button button-primary" disabled={props.isBusy}>
      {props.isBusy ? props.busyLabel : props.label}
    </button>
  );
}
