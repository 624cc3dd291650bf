// The small secondary button beside a row or list item ("Ubah", "Hapus", "Lihat"): one look and one way to name
// the row it acts on for screen readers.
import type { ComponentChildren } from 'preact';

export function SmallButton(props: {
  onClick: () => void;
  children: ComponentChildren;
  /** Said after the visible words to screen readers only, naming the row ("Ubah" → "Ubah https://…"). */
  what?: string;
  disabled?: boolean;
  id?: string;
  /** The whole accessible name, when it differs from the visible words. */
  label?: string;
  /** For a button that shows or hides something beside it. */
  pressed?: boolean;
  expanded?: boolean;
  /** Extra classes, e.g. for spacing inside running text. */
  class?: string;
}) {
  return (
    <button
      id={props.id}
      type="button"
      class={`button op-button-secondary op-button-small${props.class ? ` ${props.class}` : ''}`}
      disabled={props.disabled}
      aria-label={props.label}
      aria-pressed={props.pressed === undefined ? undefined : props.pressed ? 'true' : 'false'}
      aria-expanded={props.expanded}
      onClick={() => props.onClick()}
    >
      {props.children}
      {props.what && <span class="visually-hidden"> {props.what}</span>}
    </button>
  );
}
