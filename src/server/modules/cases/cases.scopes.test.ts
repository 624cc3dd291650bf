import { beforeAll, describe, expect, it } from 'vitest';
import { checkInPayload } from '../../../../test/fixtures.ts';
import { type TestUser, testAppWith } from '../../../../test/harness.ts';
import { ONE_PER_ROLE, walkScopes } from '../../../../test/scopes.ts';
import { type Action, can } from '../../../shared/permissions/index.ts';
import { Role } from '../../../shared/users.ts';

/** An id no record has: a role the table allows is answered 404, one it refuses 403 before any look-up. */
const NONE = '00000000-0000-4000-8000-000000000000';

walkScopes('cases', {
  'case.handle': { method: 'POST', url: '/api/cases', payload: { reportIds: [NONE] }, allowedAnswer: 404 },
  'pillar.dispatch': { method: 'GET', url: `/api/cases/${NONE}/dispatch-suggestions`, allowedAnswer: 404 },
});

/**
 * The work on one case, walked with a real case so an allowed role is shown succeeding, not only "not refused":
 * a case in Jember opened by its operator, the field volunteer assigned to it, a disposition to the Polres (so
 * the partner sees the case and is refused by its role, not hidden). Closed copies of it are reopened.
 */
describe('cases: the work on a case, from the permission table', () => {
  const { t, ...users } = testAppWith(ONE_PER_ROLE);
  const by = users as Record<Role, TestUser>;

  /** A case the volunteer is assigned to and the Polres has a disposition on; closed when asked. */
  async function workedCase(closed = false): Promise<string> {
    const { id } = await t.openCase(by.relawan, by.operator);
    const steps: [string, unknown][] = [
      ['assignments', { userId: by.relawan.id, task: 'Mediasi' }],
      [
        'dispositions',
        { agencyId: 'polres-jember', instruction: 'Amankan lokasi', dueAt: '2026-09-01T12:00:00+07:00' },
      ],
      ...(closed
        ? [['phase', { to: 'selesai', outcome: 'Kedua pihak berdamai di balai desa.' }] as [string, unknown]]
        : []),
    ];
    for (const [path, body] of steps) {
      const res = await t.call(by.operator, 'POST', `/api/cases/${id}/${path}`, body);
      expect(res.statusCode, `${path}: ${res.body}`).toBeLessThan(300);
    }
    return id;
  }

  let caseId: string;
  beforeAll(async () => {
    caseId = await workedCase();
  });

  /**
   * Each role's answer, beside the one the table (and, for a follow-up, the assignment) gives it. The data officer
   * sees no case: where the case is looked up before the role is checked, it is answered 404, as any record out
   * of one's sight is (never 403, which would tell it exists).
   */
  async function walk(
    action: Action,
    request: (user: TestUser) => Promise<{ statusCode: number; body: string }>,
    answer: { ok: number; allowed?: (role: Role) => boolean; lookedUpFirst: boolean },
  ) {
    for (const role of Role.options) {
      const res = await request(by[role]);
      const allowed = can(role, action) && (answer.allowed?.(role) ?? true);
      const expected = allowed ? answer.ok : role === 'ppdp' && answer.lookedUpFirst ? 404 : 403;
      expect({ role, status: res.statusCode }, res.body.slice(0, 160)).toEqual({ role, status: expected });
    }
  }

  it('case.timeline: the assigned volunteer and the office read it; the partner is refused', () =>
    walk('case.timeline', (user) => t.call(user, 'GET', `/api/cases/${caseId}/timeline`), {
      ok: 200,
      lookedUpFirst: true,
    }));

  it('case.people: the assigned volunteer and the office see the people of the case; the partner is refused', () =>
    walk('case.people', (user) => t.call(user, 'GET', `/api/cases/${caseId}/people`), {
      ok: 200,
      lookedUpFirst: true,
    }));

  it('case.followUp: the assigned volunteer and the handling office log one; the admin, not assigned, may not', () =>
    walk(
      'case.followUp',
      (user) => t.call(user, 'POST', `/api/cases/${caseId}/follow-ups`, checkInPayload()),
      {
        ok: 201,
        allowed: (role) => role === 'relawan' || can(role, 'case.followUpAny'),
        lookedUpFirst: false,
      },
    ));

  it('case.handle: the office sees what is open before closing; the assigned volunteer and the partner are refused', () =>
    walk('case.handle', (user) => t.call(user, 'GET', `/api/cases/${caseId}/open-items`), {
      ok: 200,
      // The koordinator handles a case once it is escalated to the Bakorwil; this one is still the kab/kota's.
      allowed: (role) => role !== 'koordinator',
      lookedUpFirst: true,
    }));

  it('case.reopen: a koordinator and above reopen a closed case; the operator who closed it may not', () =>
    walk(
      'case.reopen',
      async (user) =>
        t.call(user, 'POST', `/api/cases/${await workedCase(true)}/reopen`, {
          reason: 'Bentrokan terjadi lagi',
        }),
      { ok: 200, lookedUpFirst: true },
    ));
});
