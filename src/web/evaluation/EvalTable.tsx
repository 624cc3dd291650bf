// The frame of the evaluation's tables: the figures beside the period before, the timings, the kab/kota side by
// side and the records behind a figure.
import type { ComponentChildren } from 'preact';

/** One of the evaluation's tables, in its scrolling frame: its caption (when it has one), column headings and rows. */
export function EvalTable(props: {
  caption?: ComponentChildren;
  columns: readonly ComponentChildren[];
  children: ComponentChildren;
}) {
  return (
    <div class="table-wrap">
      <table>
        {props.caption !== undefined && <caption>{props.caption}</caption>}
        <thead>
          <tr>
            {props.columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
