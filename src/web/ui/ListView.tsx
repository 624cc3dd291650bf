// The pieces of a list page: the list beside the chosen item's detail, the list's loading and empty lines, the
// button that opens an item, and the button that opens or closes a form or section.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useT } from '../lang.ts';
import { Loading } from '../operator/ui.tsx';

/** The list beside the detail of the chosen item; while nothing is chosen, the detail says how to choose. */
export function SplitView(props: {
  list: ComponentChildren;
  detail: ComponentChildren;
  placeholder: string;
}) {
  return (
    <div class="op-split">
      {props.list}
      <div class="op-split-detail">{props.detail || <p class="op-placeholder">{props.placeholder}</p>}</div>
    </div>
  );
}

/** Whether an entry of a `SplitList` is the one shown beside it, and how to show it there. */
export type Selection = { isSelected: boolean; onSelect: () => void };

/**
 * The list side of a `SplitView`, named by its heading: what comes before the list (its filters, its error), the
 * loading or empty line, and an item per entry, each in a list item (of `itemClass`, when given, beside the
 * default) and told whether it is `selectedId`.
 */
export function SplitList<T extends { id: string }>(props: {
  id: string;
  heading: ComponentChildren;
  loaded: { data: unknown; isLoading: boolean };
  items: readonly T[];
  empty: string;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  itemClass?: (item: T) => string;
  item: (item: T, selection: Selection) => ComponentChildren;
  children?: ComponentChildren;
}) {
  return (
    <section class="op-split-list" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      {props.children}
      <ListState loaded={props.loaded} count={props.items.length} empty={props.empty} />
      <ul class="op-report-list">
        {props.items.map((item) => (
          <li
            key={item.id}
            class={props.itemClass ? `op-report-item ${props.itemClass(item)}` : 'op-report-item'}
          >
            {props.item(item, {
              isSelected: item.id === props.selectedId,
              onSelect: () => props.onSelect(item.id),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Loading…" until the first data comes, then the empty line when there is nothing to list. */
export function ListState(props: {
  loaded: { data: unknown; isLoading: boolean };
  count: number;
  empty: string;
}) {
  if (!props.loaded.data) return props.loaded.isLoading ? <Loading /> : null;
  return props.count === 0 ? <p>{props.empty}</p> : null;
}

/** An item of a list as one button that opens it beside the list: a first line (tag and title), then the rest. */
export function ListItemButton(props: {
  isSelected: boolean;
  onSelect: () => void;
  tag?: ComponentChildren;
  title: ComponentChildren;
  /** The title is the words of a user (kept out of automatic translation). */
  isUserText?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <button
      type="button"
      class="op-report-open"
      aria-current={props.isSelected ? 'true' : undefined}
      onClick={props.onSelect}
    >
      <span class="op-report-line">
        {props.tag}
        <span class="op-report-title" data-user-text={props.isUserText ? true : undefined}>
          {props.title}
        </span>
      </span>
      {props.children}
    </button>
  );
}

/** A secondary button that opens and closes what it controls (a form, a section), saying which it is. */
export function ToggleButton(props: {
  label: string;
  isOpen: boolean;
  onToggle: () => void;
  /** The id of what it opens. */
  controls?: string;
  class?: string;
}) {
  return (
    <button
      type="button"
      class={props.class ?? 'button op-button-secondary'}
      aria-expanded={props.isOpen}
      aria-controls={props.controls}
      onClick={props.onToggle}
    >
      {props.label}
    </button>
  );
}

/**
 * A button (in `op-actions`) that opens a form in place below it, and closes it again. `form` draws the open form
 * with `close`, for its cancel and for once what it sent went through; `controls` is the id of the form's box.
 */
export function OpensInPlace(props: {
  label: string;
  controls: string;
  form: (close: () => void) => ComponentChildren;
}) {
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <div class="op-actions">
        <ToggleButton
          label={props.label}
          isOpen={isOpen}
          controls={isOpen ? props.controls : undefined}
          onToggle={() => setOpen(!isOpen)}
        />
      </div>
      {isOpen && props.form(() => setOpen(false))}
    </>
  );
}

/** Whether live updates arrive ("● Pembaruan langsung aktif"), and the announcement of the latest one. */
export function LiveLine(props: { status: 'connecting' | 'live' | 'reconnecting'; announcement?: string }) {
  const t = useT();
  return (
    <>
      <p class={`op-live op-live-${props.status}`}>
        <span aria-hidden="true">●</span> {t(`op.live.${props.status}`)}
      </p>
      {props.announcement !== undefined && (
        <p class="visually-hidden" role="status" aria-live="polite">
          {props.announcement}
        </p>
      )}
    </>
  );
}
