// The one shape of the sign-in and account forms: what the form is for, the announced problem (and success), its
// fields and the submit that says so while the form is being sent.
import type { ComponentChildren } from 'preact';
import { BusySubmit, CredentialField, type FormProblem, ProblemRegion } from './ui/CredentialField.tsx';

/**
 * A sign-in or account form: `intro` above the announced `problem` (and, where the form can succeed on this page,
 * its `success` region), then the fields and the submit reading `label`, or `busyLabel` while `isBusy`. The browser
 * does not check the fields; `onSubmit` does.
 */
export function CredentialForm(props: {
  intro: string;
  problem: FormProblem | undefined;
  success?: ComponentChildren;
  onSubmit: (event: Event) => void;
  isBusy: boolean;
  label: string;
  busyLabel: string;
  children: ComponentChildren;
}) {
  return (
    <>
      <p>{props.intro}</p>
      <ProblemRegion problem={props.problem} />
      {props.success}
      <form noValidate onSubmit={props.onSubmit}>
        {props.children}
        <BusySubmit isBusy={props.isBusy} label={props.label} busyLabel={props.busyLabel} />
      </form>
    </>
  );
}

type TextFieldProps = {
  id: string;
  name: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
};

/** The password one signs in with now, as the browser's password manager fills it. */
export function CurrentPasswordField(props: TextFieldProps) {
  return <CredentialField {...props} type="password" autoComplete="current-password" />;
}

/** The six digits of the authenticator app (the second factor): the phone's number pad, and the browser's code hint. */
export function AuthenticatorCodeField(props: TextFieldProps & { hint?: string }) {
  return <CredentialField {...props} type="text" inputMode="numeric" autoComplete="one-time-code" />;
}
