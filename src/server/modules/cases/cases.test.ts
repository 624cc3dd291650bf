import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkInPayload, reportPayload } from '../../../../test/fixtures.ts';
import { people, testAppWith } from '../../../../test/harness.ts';
import { sendWhileLocked } from '../../../../test/send-while-locked.ts';

describe('cases', () => {
  const { t, operator, otherOperator, relawan, polres, bpbd } = testAppWith({
    ...people('operator'),
    otherOperator: { role: 'operator', region: '35.10' },
    ...people('relawan'),
    polres: { partner: 'polres-jember', agencyName: 'Polres Jember', region: '35.09' },
    bpbd: { partner: 'bpbd-jember', agencyName: 'BPBD Jember', region: '35.09' },
  });

  /** A case in Jember opened from one verified report. */
  const openCase = () => t.openCase(relawan, operator);

  it('opens a case in pencegahan from verified reports, named by their type and place, with deadlines and the allowed next phases', async () => {
    const reportId = await t.verifiedReport(relawan, operator);
    const res = await t.call(operator, 'POST', '/api/cases', { reportIds: [reportId] });
    expect(res.statusCode).toBe(201);
    expect(res.json().title).toMatch(/^Konflik antar perguruan silat di \S/);
    expect(res.json()).toMatchObject({
      phase: 'pencegahan',
      priority: 'P1',
      kabkotaCode: '35.09',
      reportIds: [reportId],
      allowedPhases: ['penghentian', 'pemulihan', 'selesai'],
      isHandler: true,
      hasVulnerable: true,
    });
    const report = (await t.call(operator, 'GET', `/api/reports/${reportId}`)).json();
    expect(report.caseId).toBe(res.json().id);
  });

  it('refuses to open a case from an unverified report', async () => {
    const payload = reportPayload();
    await t.call(relawan, 'POST', '/api/reports', payload);
    const res = await t.call(operator, 'POST', '/api/cases', { reportIds: [payload.id] });
    expect(res.statusCode).toBe(409);
  });

  it('allows forward moves and refuses going back; closing needs an outcome', async () => {
    const c = await openCase();
    const forward = await t.call(operator, 'POST', `/api/cases/${c.id}/phase`, { to: 'penghentian' });
    expect(forward.statusCode).toBe(200);
    expect(forward.json().allowedPhases).toEqual(['pemulihan', 'selesai']);
    const back = await t.call(operator, 'POST', `/api/cases/${c.id}/phase`, { to: 'pencegahan' });
    expect(back.statusCode).toBe(409);
    expect(back.json().error).toMatchObject({
      code: 'invalid_transition',
      details: { allowed: ['pemulihan', 'selesai'] },
    });
    await t.call(operator, 'POST', `/api/cases/${c.id}/phase`, { to: 'pemulihan' });
    const step = await t.call(operator, 'POST', `/api/cases/${c.id}/recovery-steps`, {
      step: 'rekonsiliasi',
    });
    expect(step.json().recoverySteps).toEqual(['rekonsiliasi']);
    const noOutcome = await t.call(operator, 'POST', `/api/cases/${c.id}/phase`, { to: 'selesai' });
    expect(noOutcome.statusCode).toBe(409);
    const closed = await t.call(operator, 'POST', `/api/cases/${c.id}/phase`, {
      to: 'selesai',
      outcome: 'Kedua perguruan berdamai; rumah diperbaiki.',
    });
    expect(closed.json()).toMatchObject({ phase: 'selesai', allowedPhases: [] });
    expect(closed.json().closedAt).toBeTruthy();
  });

  it('refuses an edit from a stale version', async () => {
    const c = await openCase();
    const first = await t.call(operator, 'PATCH', `/api/cases/${c.id}`, {
      version: c.version,
      summary: 'Mediasi dijadwalkan',
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.call(operator, 'PATCH', `/api/cases/${c.id}`, {
      version: c.version,
      title: 'Judul lain',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
  });

  it('hides a case from an operator of another kab/kota until it is shared with them', async () => {
    const c = await openCase();
    expect((await t.call(otherOperator, 'GET', `/api/cases/${c.id}`)).statusCode).toBe(404);
    expect(
      (await t.call(otherOperator, 'POST', `/api/cases/${c.id}/phase`, { to: 'penghentian' })).statusCode,
    ).toBe(404);
    const shared = await t.call(operator, 'POST', `/api/cases/${c.id}/shares`, { kabkotaCode: '35.10' });
    expect(shared.json().sharedWith).toEqual(['35.10']);
    const seen = await t.call(otherOperator, 'GET', `/api/cases/${c.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().isHandler).toBe(true);
  });

  it('lets an assigned relawan see the case, and their first follow-up meets the field-response deadline', async () => {
    const c = await openCase();
    expect((await t.call(relawan, 'GET', `/api/cases/${c.id}`)).statusCode).toBe(404);
    const assigned = await t.call(operator, 'POST', `/api/cases/${c.id}/assignments`, {
      userId: relawan.id,
      task: 'Mediasi',
    });
    expect(assigned.statusCode).toBe(201);
    expect(
      (await t.call(relawan, 'GET', `/api/cases?mine=true`)).json().items.map((x: { id: string }) => x.id),
    ).toContain(c.id);
    const followUp = checkInPayload();
    expect((await t.call(relawan, 'POST', `/api/cases/${c.id}/follow-ups`, followUp)).statusCode).toBe(201);
    expect((await t.call(relawan, 'POST', `/api/cases/${c.id}/follow-ups`, followUp)).statusCode).toBe(200);
    const clash = await t.call(relawan, 'POST', `/api/cases/${c.id}/follow-ups`, {
      ...followUp,
      action: 'Lain',
    });
    expect(clash.statusCode).toBe(409);
    const view = (await t.call(operator, 'GET', `/api/cases/${c.id}`)).json();
    expect(view.firstResponseAt).toBe('2026-08-23T08:00:00+07:00');
    const inbox = await t.db.asSystem((tx) =>
      tx.query<{ kind: string }>('SELECT kind FROM notifications WHERE user_id = $1', [relawan.id]),
    );
    expect(inbox.map((n) => n.kind)).toContain('case.assigned');
  });

  // PostgreSQL only: PGlite has one connection, so the two sends never overlap there.
  it.skipIf(!process.env.DATABASE_URL)(
    'keeps a follow-up sent twice at once (the outbox and the page) once, answering the second as a retry',
    async () => {
      const c = await openCase();
      const followUp = checkInPayload();
      // Two connections open before the sends: one opened while the table is held waits behind its lock.
      await Promise.all([1, 2].map(() => t.call(operator, 'GET', `/api/cases/${c.id}/timeline`)));
      const both = await sendWhileLocked(t.db, 'follow_ups', 2, () =>
        Promise.all([
          t.call(operator, 'POST', `/api/cases/${c.id}/follow-ups`, followUp),
          t.call(operator, 'POST', `/api/cases/${c.id}/follow-ups`, followUp),
        ]),
      );
      expect(both.map((res) => res.statusCode).sort()).toEqual([200, 201]);
      const timeline = (await t.call(operator, 'GET', `/api/cases/${c.id}/timeline`)).json().items;
      expect(timeline.filter((e: { kind: string }) => e.kind === 'check_in')).toHaveLength(1);
    },
  );

  it('refuses the office’s moves on a case to the relawan assigned to it, who only logs follow-ups', async () => {
    const c = await openCase();
    const assigned = await t.call(operator, 'POST', `/api/cases/${c.id}/assignments`, {
      userId: relawan.id,
      task: 'Mediasi',
    });
    expect(assigned.statusCode).toBe(201);
    const otherReport = await t.verifiedReport(relawan, operator);
    const moves: [string, string, unknown][] = [
      ['PATCH', '', { version: c.version, title: 'Judul dari relawan' }],
      ['POST', '/phase', { to: 'selesai', outcome: 'Ditutup oleh relawan tanpa kantor.' }],
      ['POST', '/phase', { to: 'penghentian' }],
      ['POST', '/reports', { reportId: otherReport }],
      ['POST', '/shares', { kabkotaCode: '35.10' }],
      ['POST', '/assignments', { userId: operator.id, task: 'Tugas dari relawan' }],
      [
        'POST',
        '/dispositions',
        { agencyId: 'polres-jember', instruction: 'Amankan lokasi', dueAt: '2026-09-01T12:00:00+07:00' },
      ],
      ['GET', '/open-items', undefined],
    ];
    for (const [method, path, body] of moves) {
      const res = await t.call(relawan, method as 'POST', `/api/cases/${c.id}${path}`, body);
      expect({ path, status: res.statusCode }, res.body.slice(0, 200)).toEqual({ path, status: 403 });
    }
    const after = (await t.call(operator, 'GET', `/api/cases/${c.id}`)).json();
    expect(after).toMatchObject({ phase: 'pencegahan', sharedWith: [] });
    expect(after.title).not.toBe('Judul dari relawan');
    const followUp = checkInPayload();
    expect((await t.call(relawan, 'POST', `/api/cases/${c.id}/follow-ups`, followUp)).statusCode).toBe(201);
  });

  it('shows a partner agency only its own dispositions, and lets only it answer', async () => {
    const c = await openCase();
    const due = '2026-08-24T12:00:00+07:00';
    await t.call(operator, 'POST', `/api/cases/${c.id}/dispositions`, {
      agencyId: 'polres-jember',
      instruction: 'Amankan lokasi',
      dueAt: due,
    });
    await t.call(operator, 'POST', `/api/cases/${c.id}/dispositions`, {
      agencyId: 'bpbd-jember',
      instruction: 'Siapkan tenda',
      dueAt: due,
    });
    const polresList = (await t.call(polres, 'GET', '/api/dispositions')).json().items;
    expect(polresList.map((d: { agencyId: string }) => d.agencyId)).toEqual(['polres-jember']);
    const bpbdList = (await t.call(bpbd, 'GET', '/api/dispositions')).json().items;
    expect(bpbdList.map((d: { agencyId: string }) => d.agencyId)).toEqual(['bpbd-jember']);
    expect((await t.call(polres, 'GET', `/api/cases/${c.id}/timeline`)).statusCode).toBe(403);
    const wrongAgency = await t.call(bpbd, 'POST', `/api/dispositions/${polresList[0].id}/answer`, {
      status: 'selesai',
      answer: 'Oke',
    });
    expect(wrongAgency.statusCode).toBe(404);
    const answered = await t.call(polres, 'POST', `/api/dispositions/${polresList[0].id}/answer`, {
      status: 'diterima',
      answer: 'Personel dikirim ke lokasi',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'diterima', answer: 'Personel dikirim ke lokasi' });
  });

  describe('a disposition or an assignment sent again under its client id', () => {
    const disposition = () => ({
      id: randomUUID(),
      agencyId: 'polres-jember',
      instruction: 'Amankan lokasi bentrokan',
      dueAt: '2026-08-24T12:00:00+07:00',
    });
    const assignment = () => ({ id: randomUUID(), userId: relawan.id, task: 'Mediasi di balai desa' });

    /** How many times each effect of a send happened in the case: records, timeline, audit rows, inbox items. */
    async function effects(caseId: string) {
      const timeline = (await t.call(operator, 'GET', `/api/cases/${caseId}/timeline`)).json().items;
      const count = (kind: string) => timeline.filter((e: { kind: string }) => e.kind === kind).length;
      const inbox = await t.db.asSystem((tx) =>
        tx.query<{ kind: string }>('SELECT kind FROM notifications WHERE subject_id = $1', [caseId]),
      );
      const notified = (kind: string) => inbox.filter((n) => n.kind === kind).length;
      return {
        dispositions: (await t.call(operator, 'GET', `/api/cases/${caseId}/dispositions`)).json().items
          .length,
        dispositionSteps: count('disposition_sent'),
        dispositionAudits: (await t.audit({ subjectId: caseId, action: 'disposition.sent' })).length,
        dispositionNotices: notified('disposition.received'),
        assignments: (await t.call(operator, 'GET', `/api/cases/${caseId}/assignments`)).json().items.length,
        assignmentSteps: count('assigned'),
        assignmentAudits: (await t.audit({ subjectId: caseId, action: 'case.assigned' })).length,
        assignmentNotices: notified('case.assigned'),
      };
    }
    const once = {
      dispositions: 1,
      dispositionSteps: 1,
      dispositionAudits: 1,
      dispositionNotices: 1,
      assignments: 1,
      assignmentSteps: 1,
      assignmentAudits: 1,
      assignmentNotices: 1,
    };

    it('answers a retry with the stored record and the same status, and does nothing twice', async () => {
      const c = await openCase();
      const d = disposition();
      const a = assignment();
      const sent = await t.call(operator, 'POST', `/api/cases/${c.id}/dispositions`, d);
      expect(sent.statusCode).toBe(201);
      expect(sent.json()).toEqual({ id: d.id });
      const assigned = await t.call(operator, 'POST', `/api/cases/${c.id}/assignments`, a);
      expect(assigned.statusCode).toBe(201);
      const sentAgain = await t.call(operator, 'POST', `/api/cases/${c.id}/dispositions`, d);
      expect([sentAgain.statusCode, sentAgain.json()]).toEqual([201, sent.json()]);
      const assignedAgain = await t.call(operator, 'POST', `/api/cases/${c.id}/assignments`, a);
      expect([assignedAgain.statusCode, assignedAgain.json()]).toEqual([201, assigned.json()]);
      expect(await effects(c.id)).toEqual(once);
    });

    it('keeps one record when the same one is sent twice at once', async () => {
      const c = await openCase();
      const d = disposition();
      const a = assignment();
      const sends = await Promise.all([
        t.call(operator, 'POST', `/api/cases/${c.id}/dispositions`, d),
        t.call(operator, 'POST', `/api/cases/${c.id}/dispositions`, d),
        t.call(operator, 'POST', `/api/cases/${c.id}/assignments`, a),
        t.call(operator, 'POST', `/api/cases/${c.id}/assignments`, a),
      ]);
      expect(sends.map((res) => res.statusCode)).toEqual([201, 201, 201, 201]);
      expect(sends[1].json()).toEqual(sends[0].json());
      expect(sends[3].json()).toEqual(sends[2].json());
      expect(await effects(c.id)).toEqual(once);
    });

    // PostgreSQL only: PGlite has one connection, so the two sends never overlap there.
    it.skipIf(!process.env.DATABASE_URL)(
      'answers a send that finds its id stored by the other meanwhile as a retry',
      async () => {
        const c = await openCase();
        const d = disposition();
        const a = assignment();
        const twice = (path: string, body: unknown) => () =>
          Promise.all([
            t.call(operator, 'POST', `/api/cases/${c.id}/${path}`, body),
            t.call(operator, 'POST', `/api/cases/${c.id}/${path}`, body),
          ]);
        const sent = await sendWhileLocked(t.db, 'dispositions', 2, twice('dispositions', d));
        // The second waits for the first's assignment, the first for the table of requests.
        const assigned = await sendWhileLocked(t.db, 'assignment_requests', 2, twice('assignments', a));
        for (const both of [sent, assigned]) {
          expect(both.map((res) => res.statusCode)).toEqual([201, 201]);
          expect(both[1].json()).toEqual(both[0].json());
        }
        expect(await effects(c.id)).toEqual(once);
      },
    );

    it('refuses other content under an id already used, with 409 in Indonesian', async () => {
      const c = await openCase();
      const d = disposition();
      const a = assignment();
      expect((await t.call(operator, 'POST', `/api/cases/${c.id}/dispositions`, d)).statusCode).toBe(201);
      expect((await t.call(operator, 'POST', `/api/cases/${c.id}/assignments`, a)).statusCode).toBe(201);
      const clashes = [
        ['dispositions', { ...d, instruction: 'Siapkan tenda pengungsian' }, /^Disposisi/],
        ['dispositions', { ...d, agencyId: 'bpbd-jember' }, /^Disposisi/],
        ['assignments', { ...a, task: 'Tugas lain' }, /^Penugasan/],
        ['assignments', { ...a, userId: operator.id }, /^Penugasan/],
      ] as const;
      for (const [path, body, message] of clashes) {
        const res = await t.call(operator, 'POST', `/api/cases/${c.id}/${path}`, body);
        expect({ path, status: res.statusCode }).toEqual({ path, status: 409 });
        expect(res.json().error).toMatchObject({ code: 'conflict', message: expect.stringMatching(message) });
      }
      expect(await effects(c.id)).toEqual(once);
      const [stored] = (await t.call(operator, 'GET', `/api/cases/${c.id}/dispositions`)).json().items;
      expect(stored).toMatchObject({ id: d.id, agencyId: 'polres-jember', instruction: d.instruction });
    });

    it('renews an assignment under a new id, and a late retry of the first send assigns nobody again', async () => {
      const c = await openCase();
      const first = assignment();
      const renewed = { ...assignment(), task: 'Pendampingan keluarga korban' };
      const url = `/api/cases/${c.id}/assignments`;
      const made = await t.call(operator, 'POST', url, first);
      expect((await t.call(operator, 'POST', url, renewed)).json().id).toBe(made.json().id);
      expect((await t.call(operator, 'POST', url, first)).statusCode).toBe(201);
      const [kept] = (await t.call(operator, 'GET', url)).json().items;
      expect(kept.task).toBe('Pendampingan keluarga korban');
      expect((await effects(c.id)).assignmentSteps).toBe(2);
    });
  });

  it('refuses a due time in the year 0000, which the database cannot store, with a 400 naming dueAt', async () => {
    const c = await openCase();
    const dueAt = '0000-08-24T12:00:00+07:00';
    const assigned = await t.call(operator, 'POST', `/api/cases/${c.id}/assignments`, {
      userId: relawan.id,
      dueAt,
    });
    expect(assigned.statusCode).toBe(400);
    expect(assigned.json().error.details.fields[0]).toMatchObject({ path: 'dueAt' });
    const sent = await t.call(operator, 'POST', `/api/cases/${c.id}/dispositions`, {
      agencyId: 'polres-jember',
      instruction: 'Amankan lokasi',
      dueAt,
    });
    expect(sent.statusCode).toBe(400);
    expect(sent.json().error.details.fields[0]).toMatchObject({ path: 'dueAt' });
    expect((await t.call(operator, 'GET', `/api/cases/${c.id}/assignments`)).json().items).toEqual([]);
    expect((await t.call(operator, 'GET', `/api/cases/${c.id}/dispositions`)).json().items).toEqual([]);
  });

  it('answers 404 for the dispositions of a case one cannot see, as for the case itself', async () => {
    const c = await openCase();
    await t.call(operator, 'POST', `/api/cases/${c.id}/dispositions`, {
      agencyId: 'polres-jember',
      instruction: 'Amankan lokasi',
      dueAt: '2026-08-24T12:00:00+07:00',
    });
    const hidden = await t.call(otherOperator, 'GET', `/api/cases/${c.id}/dispositions`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('not_found');
    expect((await t.call(otherOperator, 'GET', `/api/cases/${randomUUID()}/dispositions`)).statusCode).toBe(
      404,
    );
    const seen = await t.call(operator, 'GET', `/api/cases/${c.id}/dispositions`);
    expect(seen.json().items).toHaveLength(1);
    // The partner agency it is addressed to still lists it.
    expect((await t.call(polres, 'GET', `/api/cases/${c.id}/dispositions`)).json().items).toHaveLength(1);
  });

  it('audits each change of a case', async () => {
    const c = await openCase();
    await t.call(operator, 'POST', `/api/cases/${c.id}/phase`, { to: 'penghentian' });
    const actions = await t.audit({ subjectId: c.id });
    expect(actions.map((a) => a.action)).toEqual(['case.opened', 'case.phase_changed']);
  });
});
