import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { childPayload } from '../../../../test/fixtures.ts';
import { people, testAppWith } from '../../../../test/harness.ts';
import { sendWhileLocked } from '../../../../test/send-while-locked.ts';

describe('vulnerable people and referrals in a case', () => {
  const { t, operator, otherOperator, koordinator, provinsi, relawan, polres } = testAppWith({
    ...people('operator'),
    otherOperator: { role: 'operator', region: '35.10' },
    ...people('koordinator', 'provinsi', 'relawan'),
    polres: { partner: 'polres-jember', agencyName: 'Polres Jember', region: '35.09' },
  });

  /** A case in Jember opened from one verified report (3 children hurt, 5 at risk; 2 elderly at risk). */
  const openCase = async () => (await t.openCase(relawan, operator)).id;

  const elderlyWoman = {
    fullName: 'Sumarni Wati',
    nik: '3509015204500001',
    age: 76,
    group: 'disabilitas',
    needs: ['kursi roda', 'obat rutin'],
  };
  const child = childPayload();
  /** A referral of a child to psychosocial support (LDP). */
  const toLdp = {
    service: 'dukungan_psikososial',
    provider: 'LDP Jember',
    dueAt: '2026-08-25T12:00:00+07:00',
  };

  async function addPerson(caseId: string, person: Record<string, unknown>): Promise<string> {
    const res = await t.call(operator, 'POST', `/api/cases/${caseId}/people`, person);
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  /** A user's access-log entries, in order, without the user. */
  const accessLog = async (userId: string) =>
    (await t.accessLog({ userId })).map(({ subjectType, subjectId, purpose }) => ({
      subjectType,
      subjectId,
      purpose,
    }));

  it('shows a handler the full data and writes one access-log entry per person viewed', async () => {
    const caseId = await openCase();
    const womanId = await addPerson(caseId, elderlyWoman);
    const childId = await addPerson(caseId, child);
    const before = (await accessLog(operator.id)).length;

    const list = await t.call(operator, 'GET', `/api/cases/${caseId}/people`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toMatchObject([
      {
        id: womanId,
        fullName: 'Sumarni Wati',
        nik: '3509015204500001',
        age: 76,
        ageBand: 'lansia',
        isMasked: false,
      },
      {
        id: childId,
        fullName: 'Dimas Pratama',
        age: 9,
        ageBand: 'anak',
        guardianName: 'Rahmat Hidayat',
        isMasked: false,
      },
    ]);
    const one = await t.call(operator, 'GET', `/api/cases/${caseId}/people/${childId}`);
    expect(one.json()).toMatchObject({ fullName: 'Dimas Pratama', guardianConsent: true });

    const logged = (await accessLog(operator.id)).slice(before);
    expect(logged).toEqual([
      { subjectType: 'vulnerable_person', subjectId: womanId, purpose: 'case.people.view' },
      { subjectType: 'vulnerable_person', subjectId: childId, purpose: 'case.people.view' },
      { subjectType: 'vulnerable_person', subjectId: childId, purpose: 'case.people.view' },
    ]);
  });

  it('never lets a browser or proxy keep the personal data it answers', async () => {
    const caseId = await openCase();
    await addPerson(caseId, child);
    const list = await t.call(operator, 'GET', `/api/cases/${caseId}/people`);
    expect(list.headers['cache-control']).toBe('no-store');
    expect((await t.call(operator, 'GET', `/api/cases/${caseId}/referrals`)).headers['cache-control']).toBe(
      'no-store',
    );
  });

  it('lets a handler correct a person, audited by id only', async () => {
    const caseId = await openCase();
    const personId = await addPerson(caseId, elderlyWoman);
    const corrected = { ...elderlyWoman, fullName: 'Sumarni Wati Ningsih', nik: undefined, age: 77 };
    const res = await t.call(operator, 'PUT', `/api/cases/${caseId}/people/${personId}`, corrected);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: personId,
      fullName: 'Sumarni Wati Ningsih',
      nik: null,
      age: 77,
      isMasked: false,
    });
    const entries = await t.audit({ subjectId: caseId, action: 'case.person_updated' });
    expect(entries.map((e) => JSON.parse(e.details))).toEqual([{ personId }]);
    const timeline = (await t.call(operator, 'GET', `/api/cases/${caseId}/timeline`)).json().items;
    expect(timeline.map((e: { kind: string }) => e.kind)).toContain('person_updated');
  });

  it('refuses a correction that drops a child’s consent, and corrections by those who do not see the data', async () => {
    const caseId = await openCase();
    const childId = await addPerson(caseId, child);
    const url = `/api/cases/${caseId}/people/${childId}`;
    const noConsent = await t.call(operator, 'PUT', url, {
      ...child,
      group: 'disabilitas',
      guardianConsent: false,
    });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.message).toMatch(/persetujuan orang tua\/wali/);
    // the province may act on the case but sees the child masked: it cannot correct what it cannot read
    expect((await t.call(provinsi, 'PUT', url, child)).statusCode).toBe(403);
    expect((await t.call(koordinator, 'PUT', url, child)).statusCode).toBe(403);
    expect((await t.call(otherOperator, 'PUT', url, child)).statusCode).toBe(404);
    expect((await t.call(polres, 'PUT', url, child)).statusCode).toBe(404);
    const elsewhere = await openCase();
    expect(
      (await t.call(operator, 'PUT', `/api/cases/${elsewhere}/people/${childId}`, child)).statusCode,
    ).toBe(404);
    expect((await t.call(operator, 'GET', url)).json()).toMatchObject({
      group: 'anak',
      guardianConsent: true,
    });
  });

  it('audits a new person by id only, never by name', async () => {
    const caseId = await openCase();
    const personId = await addPerson(caseId, elderlyWoman);
    const entries = await t.audit({ subjectId: caseId, action: 'case.person_added' });
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0].details)).toEqual({ personId });
    expect(entries[0].details).not.toContain('Sumarni');
    expect((await t.call(operator, 'GET', `/api/cases/${caseId}`)).json().hasVulnerable).toBe(true);
  });

  it('masks names, NIK, guardians and ages for viewers who do not handle the case, and logs nothing', async () => {
    const caseId = await openCase();
    const womanId = await addPerson(caseId, elderlyWoman);
    const childId = await addPerson(caseId, child);
    for (const viewer of [koordinator, provinsi]) {
      expect((await t.call(viewer, 'GET', `/api/cases/${caseId}`)).json().isHandler).toBe(false);
      const list = await t.call(viewer, 'GET', `/api/cases/${caseId}/people`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toEqual([
        expect.objectContaining({
          id: womanId,
          fullName: 'S*** W***',
          nik: '************0001',
          age: null,
          ageBand: 'lansia',
          needs: [],
          isMasked: true,
        }),
        expect.objectContaining({
          id: childId,
          fullName: 'D*** P***',
          age: null,
          ageBand: 'anak',
          guardianName: 'R*** H***',
          isMasked: true,
        }),
      ]);
      expect(list.body).not.toMatch(/Sumarni|Dimas|Rahmat|3509015204500001|kursi roda/);
      const one = await t.call(viewer, 'GET', `/api/cases/${caseId}/people/${childId}`);
      expect(one.json()).toMatchObject({ fullName: 'D*** P***', age: null, isMasked: true });
      expect(await accessLog(viewer.id)).toEqual([]);
    }
  });

  it('lets only handlers record people: a koordinator before escalation is refused', async () => {
    const caseId = await openCase();
    const res = await t.call(koordinator, 'POST', `/api/cases/${caseId}/people`, elderlyWoman);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it("refuses a child's data without a parent's or guardian's consent", async () => {
    const caseId = await openCase();
    const byGroup = await t.call(operator, 'POST', `/api/cases/${caseId}/people`, {
      ...child,
      guardianConsent: false,
    });
    expect(byGroup.statusCode).toBe(400);
    expect(byGroup.json().error.code).toBe('validation_failed');
    // a child recorded under another group is still a child
    const byAge = await t.call(operator, 'POST', `/api/cases/${caseId}/people`, {
      fullName: 'Putri Ayu',
      age: 12,
      group: 'disabilitas',
    });
    expect(byAge.statusCode).toBe(400);
    expect(byAge.json().error.message).toMatch(/persetujuan orang tua\/wali/);
    expect((await t.call(operator, 'GET', `/api/cases/${caseId}/people`)).json().items).toEqual([]);
  });

  it('tracks a referral to completion, and lists referrals without names', async () => {
    const caseId = await openCase();
    const childId = await addPerson(caseId, child);
    const created = await t.call(operator, 'POST', `/api/cases/${caseId}/people/${childId}/referrals`, toLdp);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      personId: childId,
      group: 'anak',
      status: 'dirujuk',
      completedAt: null,
    });
    const referralId = created.json().id;

    const accepted = await t.call(operator, 'PATCH', `/api/referrals/${referralId}`, {
      status: 'diterima',
      note: 'Jadwal sesi pertama Senin',
    });
    expect(accepted.json()).toMatchObject({ status: 'diterima', note: 'Jadwal sesi pertama Senin' });
    const done = await t.call(operator, 'PATCH', `/api/referrals/${referralId}`, {
      status: 'selesai',
      note: 'Empat sesi selesai',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'selesai', isOverdue: false });
    expect(done.json().completedAt).toMatch(/\+07:00$/);
    const back = await t.call(operator, 'PATCH', `/api/referrals/${referralId}`, { status: 'diterima' });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.code).toBe('invalid_transition');

    for (const viewer of [operator, koordinator]) {
      const list = await t.call(viewer, 'GET', `/api/cases/${caseId}/referrals`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toEqual([
        expect.objectContaining({ id: referralId, personId: childId, group: 'anak', status: 'selesai' }),
      ]);
      expect(list.body).not.toMatch(/Dimas|Rahmat/);
    }
    expect(
      (await t.call(koordinator, 'GET', `/api/cases/${caseId}/referrals`)).json().items[0].note,
    ).toBeNull();
    expect(
      (await t.call(koordinator, 'PATCH', `/api/referrals/${referralId}`, { status: 'batal' })).statusCode,
    ).toBe(403);
    const timeline = (await t.call(operator, 'GET', `/api/cases/${caseId}/timeline`)).json().items;
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['person_added', 'referral_created', 'referral_updated']),
    );
  });

  describe('a referral sent again under its client id', () => {
    const referral = () => ({
      id: randomUUID(),
      service: 'rehabilitasi_sosial',
      provider: 'Panti Sosial Jember',
      dueAt: '2026-08-26T12:00:00+07:00',
    });

    /** A new case with the child in it, and a referral of the child to send: its body and its URL. */
    async function newReferral() {
      const caseId = await openCase();
      const childId = await addPerson(caseId, child);
      return { caseId, childId, body: referral(), url: `/api/cases/${caseId}/people/${childId}/referrals` };
    }

    /** The case's referrals, timeline entries and audit rows for referrals, to see nothing happened twice. */
    async function kept(caseId: string) {
      const referrals = (await t.call(operator, 'GET', `/api/cases/${caseId}/referrals`)).json().items;
      const timeline = (await t.call(operator, 'GET', `/api/cases/${caseId}/timeline`)).json().items;
      return {
        referrals: referrals.map((r: { id: string }) => r.id),
        timeline: timeline.filter((e: { kind: string }) => e.kind === 'referral_created').length,
        audit: (await t.audit({ subjectId: caseId, action: 'referral.created' })).length,
      };
    }

    it('answers a retry with the stored referral, the same status and no second timeline entry or audit row', async () => {
      const { caseId, body, url } = await newReferral();
      const first = await t.call(operator, 'POST', url, body);
      expect(first.statusCode).toBe(201);
      expect(first.json().id).toBe(body.id);
      const again = await t.call(operator, 'POST', url, body);
      expect(again.statusCode).toBe(201);
      expect(again.json()).toEqual(first.json());
      expect(await kept(caseId)).toEqual({ referrals: [body.id], timeline: 1, audit: 1 });
    });

    it('keeps one referral when the same one is sent twice at once', async () => {
      const { caseId, body, url } = await newReferral();
      const sends = await Promise.all([1, 2, 3].map(() => t.call(operator, 'POST', url, body)));
      expect(sends.map((res) => res.statusCode)).toEqual([201, 201, 201]);
      expect(sends[1].json()).toEqual(sends[0].json());
      expect(sends[2].json()).toEqual(sends[0].json());
      expect(await kept(caseId)).toEqual({ referrals: [body.id], timeline: 1, audit: 1 });
    });

    // PostgreSQL only: PGlite has one connection, so the two sends never overlap there.
    it.skipIf(!process.env.DATABASE_URL)(
      'answers a send that finds its id stored by the other meanwhile as a retry',
      async () => {
        const { caseId, body, url } = await newReferral();
        const both = await sendWhileLocked(t.db, 'referrals', 2, () =>
          Promise.all([t.call(operator, 'POST', url, body), t.call(operator, 'POST', url, body)]),
        );
        expect(both.map((res) => res.statusCode)).toEqual([201, 201]);
        expect(both[1].json()).toEqual(both[0].json());
        expect(await kept(caseId)).toEqual({ referrals: [body.id], timeline: 1, audit: 1 });
      },
    );

    it('refuses another referral under an id already used, with 409 in Indonesian', async () => {
      const { caseId, childId, body, url } = await newReferral();
      expect((await t.call(operator, 'POST', url, body)).statusCode).toBe(201);
      const changed = await t.call(operator, 'POST', url, { ...body, provider: 'RSUD dr. Soebandi' });
      expect(changed.statusCode).toBe(409);
      expect(changed.json().error).toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/^Rujukan/),
      });
      const elderlyId = await addPerson(caseId, elderlyWoman);
      const otherPerson = await t.call(
        operator,
        'POST',
        `/api/cases/${caseId}/people/${elderlyId}/referrals`,
        body,
      );
      expect(otherPerson.statusCode).toBe(409);
      expect(await kept(caseId)).toEqual({ referrals: [body.id], timeline: 1, audit: 1 });
      const stored = (await t.call(operator, 'GET', `/api/cases/${caseId}/referrals`)).json().items[0];
      expect(stored).toMatchObject({ personId: childId, provider: 'Panti Sosial Jember' });
    });

    it('still makes a new referral for each send without an id', async () => {
      const caseId = await openCase();
      const childId = await addPerson(caseId, child);
      const { id: _, ...body } = referral();
      const url = `/api/cases/${caseId}/people/${childId}/referrals`;
      expect((await t.call(operator, 'POST', url, body)).statusCode).toBe(201);
      expect((await t.call(operator, 'POST', url, body)).statusCode).toBe(201);
      expect((await kept(caseId)).referrals).toHaveLength(2);
    });
  });

  it('keeps a referral’s note masked from a province user who moves it without handling the case', async () => {
    const caseId = await openCase();
    const childId = await addPerson(caseId, child);
    const created = await t.call(operator, 'POST', `/api/cases/${caseId}/people/${childId}/referrals`, toLdp);
    expect(created.statusCode).toBe(201);
    const referralId = created.json().id;
    const accepted = await t.call(operator, 'PATCH', `/api/referrals/${referralId}`, {
      status: 'diterima',
      note: 'Anak tinggal bersama nenek di RT 03',
    });
    expect(accepted.statusCode).toBe(200);
    expect((await t.call(provinsi, 'GET', `/api/cases/${caseId}`)).json().isHandler).toBe(false);
    expect((await t.call(provinsi, 'GET', `/api/cases/${caseId}/referrals`)).json().items[0].note).toBeNull();
    const moved = await t.call(provinsi, 'PATCH', `/api/referrals/${referralId}`, { status: 'selesai' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'selesai', note: null });
    expect(moved.body).not.toMatch(/nenek/);
    const seenByHandler = await t.call(operator, 'GET', `/api/cases/${caseId}/referrals`);
    expect(seenByHandler.json().items[0].note).toBe('Anak tinggal bersama nenek di RT 03');
  });

  it('counts vulnerable people by group from the reports and from the named people', async () => {
    const caseId = await openCase();
    await addPerson(caseId, child);
    const res = await t.call(koordinator, 'GET', `/api/cases/${caseId}/vulnerable-summary`);
    expect(res.statusCode).toBe(200);
    const groups = res.json().groups;
    expect(groups.find((g: { group: string }) => g.group === 'anak')).toEqual({
      group: 'anak',
      harmed: 3,
      displaced: 0,
      atRisk: 5,
      named: 1,
    });
    expect(groups.find((g: { group: string }) => g.group === 'lansia')).toEqual({
      group: 'lansia',
      harmed: 0,
      displaced: 0,
      atRisk: 2,
      named: 0,
    });
    expect(res.json().totals).toEqual({ harmed: 3, displaced: 0, atRisk: 7, named: 1 });
  });

  it('refuses partner agencies, even with a disposition on the case, and hides the case from other kab/kota', async () => {
    const caseId = await openCase();
    const childId = await addPerson(caseId, child);
    const referral = await t.call(operator, 'POST', `/api/cases/${caseId}/people/${childId}/referrals`, {
      service: 'kesehatan',
      provider: 'Puskesmas Tanggul',
      dueAt: '2026-08-24T12:00:00+07:00',
    });
    const urls = [
      `/api/cases/${caseId}/people`,
      `/api/cases/${caseId}/people/${childId}`,
      `/api/cases/${caseId}/referrals`,
      `/api/cases/${caseId}/vulnerable-summary`,
    ];
    for (const url of urls) expect((await t.call(polres, 'GET', url)).statusCode).toBe(404);
    expect((await t.call(polres, 'POST', `/api/cases/${caseId}/people`, elderlyWoman)).statusCode).toBe(404);

    await t.call(operator, 'POST', `/api/cases/${caseId}/dispositions`, {
      agencyId: 'polres-jember',
      instruction: 'Amankan lokasi sekolah',
      dueAt: '2026-08-24T12:00:00+07:00',
    });
    for (const url of urls) expect((await t.call(polres, 'GET', url)).statusCode).toBe(403);
    expect((await t.call(polres, 'POST', `/api/cases/${caseId}/people`, elderlyWoman)).statusCode).toBe(403);
    expect(
      (await t.call(polres, 'PATCH', `/api/referrals/${referral.json().id}`, { status: 'selesai' }))
        .statusCode,
    ).toBe(403);
    // and the database itself shows a partner agency no people
    const seen = await t.db.asActor(
      { userId: polres.id, role: 'mitra', scope: [], agencyId: 'polres-jember' },
      (tx) => tx.query('SELECT id FROM vulnerable_people WHERE case_id = $1', [caseId]),
    );
    expect(seen).toEqual([]);

    for (const url of urls) expect((await t.call(otherOperator, 'GET', url)).statusCode).toBe(404);
    expect(
      (await t.call(otherOperator, 'PATCH', `/api/referrals/${referral.json().id}`, { status: 'selesai' }))
        .statusCode,
    ).toBe(404);
  });
});
