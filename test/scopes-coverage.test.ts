import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action } from '../src/shared/permissions/index.ts';

/**
 * Actions that do not refuse with a 403 of their own, so no request can show them refused: they widen or
 * mask what an allowed move shows. Each is covered by its module's behaviour tests instead.
 */
const NOT_REFUSALS: Partial<Record<Action, string>> = {
  'group.contacts': "shows a branch's contact person whole instead of masked (groups tests)",
  'case.oversee': 'lets the province act on a case it does not handle (cases tests)',
  'case.followUpAny': 'lets the office log a follow-up without an assignment (cases tests)',
  'disposition.answer': "joined with the agency's own disposition (cases tests)",
};

function walkedActions(): Set<string> {
  const root = path.join(import.meta.dirname, '..', 'src', 'server', 'modules');
  const walked = new Set<string>();
  for (const module of readdirSync(root)) {
    const dir = path.join(root, module);
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.scopes.test.ts'))) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      // a probe table (`'x.y': { … }`), a table of attempts (`'x.y': async (user) => …`) or a test per action
      // (`it('x.y: …'`)
      const found = text.matchAll(/^\s*(?:'([a-z]+\.[a-zA-Z]+)': (?:\{|async)|it\('([a-z]+\.[a-zA-Z]+):)/gm);
      for (const match of found) walked.add(match[1] ?? match[2] ?? '');
    }
  }
  return walked;
}

describe('the scopes tests', () => {
  it('walk every action of the permission table, or say why not', () => {
    const walked = walkedActions();
    const missing = ACTIONS.filter((action) => !walked.has(action) && !(action in NOT_REFUSALS));
    expect(missing).toEqual([]);
    for (const action of walked) expect(ACTIONS).toContain(action);
  });

  it('keep the list of actions that refuse nothing honest', () => {
    const walked = walkedActions();
    expect(Object.keys(NOT_REFUSALS).filter((action) => walked.has(action))).toEqual([]);
  });
});
