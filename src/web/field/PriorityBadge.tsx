/** P1–P4 as a coloured badge; the colour only repeats what the text says. */
export function PriorityBadge(props: { priority: string }) {
  return <strong class={`priority-badge priority-${props.priority.toLowerCase()}`}>{props.priority}</strong>;
}
