// One fact of a record in its `op-facts` list: what it is and its value.
import type { ComponentChildren } from 'preact';

/** A fact of a record (`<dt>` its name, `<dd>` its value), inside a `<dl class="op-facts">`. */
export function Fact(props: { label: ComponentChildren; children: ComponentChildren }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}
