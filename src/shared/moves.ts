// The moves a record's phase or status allows, answered from one table: what the server refuses and the web offers.

/** The states each state may move to; a state that may move nowhere is final. */
export type MoveTable<S extends string> = { readonly [K in S]: readonly S[] };

/** Where a state may go next, and whether one move is allowed, both read from `table`. */
export function movesOf<S extends string>(
  table: MoveTable<S>,
): { next: (from: S) => readonly S[]; canMove: (from: S, to: S) => boolean } {
  return {
    next: (from) => table[from],
    canMove: (from, to) => table[from].includes(to),
  };
}
