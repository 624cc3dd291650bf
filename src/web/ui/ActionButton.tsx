// The button that runs one of a page's actions: disabled while an action is busy, so a second click cannot send
// the same request again, and saying so when it has words for the wait ("Menghitung…").

/** A `type="button"` that runs `onClick`, disabled while `isBusy` (or `disabled`), reading `busyLabel` meanwhile. */
export function ActionButton(props: {
  label: string;
  isBusy: boolean;
  onClick: () => unknown;
  /** The words while busy; the label stays when none are given. */
  busyLabel?: string;
  /** A further reason the action cannot run yet (nothing chosen). */
  disabled?: boolean;
  class?: string;
  /** The id of a hint that says more about what the button does. */
  describedBy?: string;
}) {
  return (
    <button
      type="button"
      class={props.class ?? 'button button-primary'}
      aria-describedby={props.describedBy}
      disabled={props.isBusy || props.disabled}
      onClick={props.onClick}
    >
      {props.isBusy && props.busyLabel ? props.busyLabel : props.label}
    </button>
  );
}
