// The WHERE of a list query built from optional filters: each condition takes its value as the next `$n`, so the
// values always travel as parameters and never as text.

export type SqlWhere = {
  /** The values of the `$n` placeholders, in order; push more (a cursor, a limit) after the conditions. */
  params: unknown[];
  /** The conditions so far, each already with its placeholders. */
  conditions: string[];
  /** Adds `clause($n)` with `value` as the next parameter. */
  add: (clause: (placeholder: string) => string, value: unknown) => void;
  /** 'WHERE a AND b', or '' when there is no condition. */
  text: () => string;
};

export function sqlWhere(params: unknown[] = []): SqlWhere {
  const conditions: string[] = [];
  return {
    params,
    conditions,
    add(clause, value) {
      params.push(value);
      conditions.push(clause(`$${params.length}`));
    },
    text: () => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''),
  };
}
