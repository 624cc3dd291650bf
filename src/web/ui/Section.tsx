// A part of a page named by its heading: the shape of the office, learning and evaluation pages' sections.
import type { ComponentChildren } from 'preact';

/** A `<section>` named (aria-labelledby) by its `<h2 id={id}>` heading, then what it holds. */
export function Section(props: {
  id: string;
  heading: ComponentChildren;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <section aria-labelledby={props.id} class={props.class}>
      <h2 id={props.id}>{props.heading}</h2>
      {props.children}
    </section>
  );
}
