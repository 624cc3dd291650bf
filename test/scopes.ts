import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Action, can } from '../src/shared/permissions/index.ts';
import { Role } from '../src/shared/users.ts';
import {
  authAs,
  buildTestApp,
  createPerson,
  type PersonSpec,
  type TestApp,
  type TestUser,
} from './harness.ts';

/** What a scopes test has at hand: its app, one signed-in user per role, and ids its setup made. */
export type ScopeContext = { t: TestApp; as: Record<Role, TestUser>; ids: Record<string, string> };

/** One representative request for an action; a function is given the role that asks. */
export type Probe = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string | ((ctx: ScopeContext, role: Role) => string);
  payload?: unknown | ((ctx: ScopeContext, role: Role) => unknown);
  /**
   * What a role the table allows is answered, when it is not a success: 404 for a probe that names a made-up
   * record (the look-up comes after the role check, so reaching it shows the role passed). Left out: a 2xx,
   * so an allowed role that a service refuses some other way (its region, say) fails the walk.
   */
  allowedAnswer?: 404;
  /**
   * Roles that cannot see the record the probe names: row-level security answers them 404 before any role
   * check, as a record outside one's scope must (never 403, which would tell it exists).
   */
  hiddenFrom?: readonly Role[];
};

/**
 * One person of each role, for `testAppWith` or a walk: each works in Jember (35.09) or above it (Bakorwil V,
 * the province); the partner agency is the Jember Polres.
 */
export const ONE_PER_ROLE = {
  relawan: { role: 'relawan', region: '35.09' },
  operator: { role: 'operator', region: '35.09' },
  koordinator: { role: 'koordinator', region: 'V' },
  provinsi: { role: 'provinsi', region: '35' },
  mitra: { partner: 'polres-jember', agencyName: 'Polres Jember', region: '35.09' },
  admin: { role: 'admin', region: '35' },
  ppdp: { role: 'ppdp', region: '35' },
} as const satisfies Record<Role, PersonSpec>;

/**
 * Walks every action in `probes` × every role through the HTTP API of one app: a 403 exactly where the
 * permission table says no, and a success where it says yes (or the probe's `allowedAnswer`). The expectation
 * is read from `can()`, so the table is the one source.
 */
export function walkScopes(
  module: string,
  probes: Partial<Record<Action, Probe>>,
  setup?: (ctx: ScopeContext) => Promise<void>,
): void {
  const ctx = { ids: {} } as ScopeContext;
  describe(`${module}: who may do what, from the permission table`, () => {
    beforeAll(async () => {
      ctx.t = await buildTestApp();
      const as = {} as Record<Role, TestUser>;
      for (const role of Role.options) as[role] = await createPerson(ctx.t, ONE_PER_ROLE[role]);
      ctx.as = as;
      await setup?.(ctx);
    }, 180_000);
    afterAll(() => ctx.t?.close());

    for (const [action, probe] of Object.entries(probes) as [Action, Probe][]) {
      it(`${action}: refused (403) exactly where the table says no, served where it says yes`, async () => {
        for (const role of Role.options) {
          const res = await ctx.t.app.inject({
            method: probe.method,
            url: typeof probe.url === 'function' ? probe.url(ctx, role) : probe.url,
            headers: authAs(ctx.as[role]),
            ...(probe.payload === undefined
              ? {}
              : {
                  payload: (typeof probe.payload === 'function'
                    ? probe.payload(ctx, role)
                    : probe.payload) as object,
                }),
          });
          const seen = `${role} ${probe.method} → ${res.statusCode} ${res.body.slice(0, 160)}`;
          if (probe.hiddenFrom?.includes(role)) expect(res.statusCode, seen).toBe(404);
          else if (can(role, action) && probe.allowedAnswer)
            expect(res.statusCode, seen).toBe(probe.allowedAnswer);
          else if (can(role, action)) expect(res.statusCode >= 200 && res.statusCode < 300, seen).toBe(true);
          else expect(res.statusCode, seen).toBe(403);
        }
      });
    }
  });
}
