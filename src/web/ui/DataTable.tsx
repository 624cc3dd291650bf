// A table of rows with its caption and column headings, the one shape every list page uses.
import type { ComponentChildren } from 'preact';
import { SmallButton } from './SmallButton.tsx';

/**
 * A table that may scroll sideways on a phone: a labelled region that takes keyboard focus, so that it can be
 * scrolled with the arrow keys even when it holds no link or button (axe: scrollable-region-focusable).
 */
export function ScrollRegion(props: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it
    <section class="op-table-scroll" aria-label={props.label} tabIndex={0}>
      {props.children}
    </section>
  );
}

type DataTableProps = {
  /** The table's name; a table without one has no caption (its region is then named by `scrollLabel`). */
  caption?: ComponentChildren;
  /** The name of the scrolling region; the caption when it is text. */
  scrollLabel?: string;
  columns: readonly (ComponentChildren | false | undefined)[];
  actionsLabel?: string;
  isCaptionShown?: boolean;
  isScrolling?: boolean;
  tableClass?: string;
};

/**
 * An `op-table` named by its caption (read only by screen readers unless `isCaptionShown`), with one heading per
 * column (a `false` or `undefined` column is left out) and, with `actionsLabel`, a last column for the rows' buttons whose heading
 * only screen readers read. It scrolls sideways in a region named by the caption unless `isScrolling` is false.
 */
export function DataTable(props: DataTableProps & { children: ComponentChildren }) {
  const table = (
    <table class={props.tableClass ? `op-table ${props.tableClass}` : 'op-table'}>
      {props.caption !== undefined && (
        <caption class={props.isCaptionShown ? undefined : 'visually-hidden'}>{props.caption}</caption>
      )}
      <thead>
        <tr>
          {props.columns.map((column, index) =>
            column === false || column === undefined || column === null ? null : (
              <th key={index} scope="col">
                {column}
              </th>
            ),
          )}
          {props.actionsLabel && (
            <th scope="col">
              <span class="visually-hidden">{props.actionsLabel}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
  if (props.isScrolling === false) return table;
  const label = props.scrollLabel ?? (typeof props.caption === 'string' ? props.caption : '');
  return <ScrollRegion label={label}>{table}</ScrollRegion>;
}

/**
 * The `DataTable` of a list, a row per item, or its `empty` line when it has none; while the list is not there yet
 * (`isLoaded` false), neither.
 */
export function ItemsTable<T>(
  props: DataTableProps & {
    items: readonly T[];
    row: (item: T, index: number) => ComponentChildren;
    empty: string;
    isLoaded?: boolean;
  },
) {
  const { items, row, empty, isLoaded = true, ...table } = props;
  if (items.length === 0) return isLoaded ? <p>{empty}</p> : null;
  return <DataTable {...table}>{items.map(row)}</DataTable>;
}

/**
 * The last cell of an area's row in a table that drills down (`onDrill`, with the table's `actionsLabel`): the
 * button, named by `label`, that opens the area `code` one level down; nothing when the table does not drill.
 */
export function DrillCell(props: { onDrill?: (code: string) => void; code: string; label: string }) {
  const { onDrill } = props;
  if (!onDrill) return null;
  return (
    <td>
      <SmallButton onClick={() => onDrill(props.code)}>{props.label}</SmallButton>
    </td>
  );
}
