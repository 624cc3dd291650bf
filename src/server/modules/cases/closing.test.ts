import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkInPayload, childPayload } from '../../../../test/fixtures.ts';
import { people, testAppWith } from '../../../../test/harness.ts';

describe('closing a case honours the people in it', () => {
  const { t, operator, koordinator, otherKoordinator, relawan, polres } = testAppWith({
    ...people('operator', 'koordinator'),
    otherKoordinator: { role: 'koordinator', region: 'I' },
    ...people('relawan'),
    polres: { partner: 'polres-jember', agencyName: 'Polres Jember', region: '35.09' },
  });

  const child = childPayload();

  /**
   * The scenario of the field trial: a case with a child referred to a Puskesmas, in pemulihan with no recovery
   * step done, a relawan assigned and checked in, and a disposition to the Polres unanswered.
   */
  async function caseWithOpenWork() {
    const caseId = (await t.openCase(relawan, operator)).id;
    const person = await t.call(operator, 'POST', `/api/cases/${caseId}/people`, child);
    expect(person.statusCode).toBe(201);
    const referral = await t.call(
      operator,
      'POST',
      `/api/cases/${caseId}/people/${person.json().id}/referrals`,
      {
        service: 'kesehatan',
        provider: 'Puskesmas Kaliwates',
        dueAt: '2026-09-30T12:00:00+07:00',
      },
    );
    expect(referral.statusCode).toBe(201);
    expect(
      (
        await t.call(operator, 'POST', `/api/cases/${caseId}/assignments`, {
          userId: relawan.id,
          task: 'Mediasi',
        })
      ).statusCode,
    ).toBe(201);
    const checkIn = checkInPayload();
    expect((await t.call(relawan, 'POST', `/api/cases/${caseId}/follow-ups`, checkIn)).statusCode).toBe(201);
    expect(
      (
        await t.call(operator, 'POST', `/api/cases/${caseId}/dispositions`, {
          agencyId: 'polres-jember',
          instruction: 'Amankan lokasi',
          dueAt: '2026-09-01T12:00:00+07:00',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await t.call(operator, 'POST', `/api/cases/${caseId}/phase`, { to: 'pemulihan' })).statusCode,
    ).toBe(200);
    return { caseId, referralId: referral.json().id as string };
  }

  const outcome = 'Kedua perguruan sepakat damai di balai desa';
  const handover = (referralId: string) => ({
    referralId,
    handedTo: 'Puskesmas Kaliwates (poli anak)',
    followUpBy: 'TKSK Kaliwates, Bu Rina',
  });

  async function closedCase() {
    const { caseId, referralId } = await caseWithOpenWork();
    const closed = await t.call(operator, 'POST', `/api/cases/${caseId}/phase`, {
      to: 'selesai',
      outcome,
      handovers: [handover(referralId)],
    });
    expect(closed.statusCode).toBe(200);
    return { caseId, referralId };
  }

  it('lists what is still open before closing', async () => {
    const { caseId, referralId } = await caseWithOpenWork();
    const res = await t.call(operator, 'GET', `/api/cases/${caseId}/open-items`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      openReferrals: [{ id: referralId, group: 'anak', service: 'kesehatan', status: 'dirujuk' }],
      missingRecoverySteps: ['rekonsiliasi', 'rehabilitasi', 'rekonstruksi'],
      unansweredDispositions: [{ agencyId: 'polres-jember' }],
      checkedIn: [{ userId: relawan.id, since: '2026-08-23T08:00:00+07:00' }],
      activeAssignments: [{ userId: relawan.id }],
    });
    expect((await t.call(polres, 'GET', `/api/cases/${caseId}/open-items`)).statusCode).toBe(403);
  });

  it("refuses to close over a child's open referral, listing the open items, and changes nothing", async () => {
    const { caseId, referralId } = await caseWithOpenWork();
    const refused = await t.call(operator, 'POST', `/api/cases/${caseId}/phase`, { to: 'selesai', outcome });
    expect(refused.statusCode).toBe(409);
    const error = refused.json().error;
    expect(error.code).toBe('invalid_transition');
    expect(error.details.referralsWithoutHandover).toEqual([referralId]);
    expect(error.details.openItems).toMatchObject({
      openReferrals: [{ id: referralId, status: 'dirujuk' }],
      missingRecoverySteps: ['rekonsiliasi', 'rehabilitasi', 'rekonstruksi'],
      checkedIn: [{ userId: relawan.id }],
      unansweredDispositions: [{ agencyId: 'polres-jember' }],
    });
    // A hand-over without who follows it up is no hand-over.
    const vague = await t.call(operator, 'POST', `/api/cases/${caseId}/phase`, {
      to: 'selesai',
      outcome,
      handovers: [{ referralId, handedTo: 'Puskesmas', followUpBy: '' }],
    });
    expect(vague.statusCode).toBe(400);
    const stranger = await t.call(operator, 'POST', `/api/cases/${caseId}/phase`, {
      to: 'selesai',
      outcome,
      handovers: [handover(referralId), handover(randomUUID())],
    });
    expect(stranger.statusCode).toBe(400);
    const view = (await t.call(operator, 'GET', `/api/cases/${caseId}`)).json();
    expect(view.phase).toBe('pemulihan');
    expect(view.closedAt).toBeNull();
    expect(
      (await t.call(relawan, 'GET', '/api/cases?mine=true')).json().items.map((c: { id: string }) => c.id),
    ).toContain(caseId);
  });

  it('closes with a hand-over for each open referral: check-ins closed, assignments ended, out of "Tugas saya"', async () => {
    const { caseId, referralId } = await closedCase();
    const referrals = (await t.call(operator, 'GET', `/api/cases/${caseId}/referrals`)).json().items;
    expect(referrals).toMatchObject([
      {
        id: referralId,
        status: 'dirujuk',
        handover: { handedTo: 'Puskesmas Kaliwates (poli anak)', followUpBy: 'TKSK Kaliwates, Bu Rina' },
      },
    ]);
    const left = (await t.call(operator, 'GET', `/api/cases/${caseId}/open-items`)).json();
    expect(left.checkedIn).toEqual([]);
    expect(left.activeAssignments).toEqual([]);
    const assignments = (await t.call(operator, 'GET', `/api/cases/${caseId}/assignments`)).json().items;
    expect(assignments).toMatchObject([{ userId: relawan.id, status: 'selesai' }]);
    const mine = (await t.call(relawan, 'GET', '/api/cases?mine=true')).json().items;
    expect(mine.map((c: { id: string }) => c.id)).not.toContain(caseId);
    // The relawan still reads the case they worked on.
    expect((await t.call(relawan, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(200);
    const timeline = (await t.call(operator, 'GET', `/api/cases/${caseId}/timeline`)).json().items;
    expect(timeline.at(-1)).toMatchObject({
      kind: 'phase_changed',
      details: {
        from: 'pemulihan',
        to: 'selesai',
        handedOver: [handover(referralId)],
        checkedOut: [relawan.id],
        assignmentsEnded: 1,
      },
    });
  });

  it('keeps a closed case read-only: no dispositions, referral moves, people, assignments or follow-ups', async () => {
    const { caseId, referralId } = await closedCase();
    const refusals = [
      await t.call(operator, 'POST', `/api/cases/${caseId}/dispositions`, {
        agencyId: 'polres-jember',
        instruction: 'Amankan lokasi lagi',
        dueAt: '2026-09-01T12:00:00+07:00',
      }),
      await t.call(operator, 'PATCH', `/api/referrals/${referralId}`, { status: 'selesai' }),
      await t.call(operator, 'POST', `/api/cases/${caseId}/people`, child),
      await t.call(operator, 'POST', `/api/cases/${caseId}/assignments`, {
        userId: relawan.id,
        task: 'Lagi',
      }),
      await t.call(operator, 'PATCH', `/api/cases/${caseId}`, { version: 99, summary: 'ubah' }),
      await t.call(operator, 'POST', `/api/cases/${caseId}/shares`, { kabkotaCode: '35.10' }),
      await t.call(relawan, 'POST', `/api/cases/${caseId}/follow-ups`, {
        id: randomUUID(),
        kind: 'tindak_lanjut',
        action: 'Kunjungan ulang',
        occurredAt: '2026-08-24T08:00:00+07:00',
      }),
    ];
    expect(refusals.map((r) => r.statusCode)).toEqual([409, 409, 409, 409, 409, 409, 409]);
    const disposition = (await t.call(polres, 'GET', '/api/dispositions'))
      .json()
      .items.find((d: { caseId: string }) => d.caseId === caseId);
    const answer = await t.call(polres, 'POST', `/api/dispositions/${disposition.id}/answer`, {
      status: 'selesai',
      answer: 'Sudah aman',
    });
    expect(answer.statusCode).toBe(409);
    // A late check-out from an offline outbox is a safety fact: it is still taken.
    const checkOut = await t.call(relawan, 'POST', `/api/cases/${caseId}/follow-ups`, {
      id: randomUUID(),
      kind: 'check_out',
      action: 'Pulang',
      occurredAt: '2026-08-23T12:00:00+07:00',
    });
    expect(checkOut.statusCode).toBe(201);
  });

  it('counts cases closed with open referrals in the evaluation, with their hand-overs in the records', async () => {
    const summary = async () =>
      (await t.call(koordinator, 'GET', '/api/evaluations/summary?scope=35.09')).json();
    const before = (await summary()).current.cases.closedWithOpenReferrals.value as number;
    const { caseId } = await closedCase();
    const figure = (await summary()).current.cases.closedWithOpenReferrals;
    expect(figure.value).toBe(before + 1);
    const records = (await t.call(koordinator, 'GET', figure.link)).json();
    const record = records.items.find((i: { id: string }) => i.id === caseId);
    expect(record.tags).toContain('Puskesmas Kaliwates (poli anak) / TKSK Kaliwates, Bu Rina');
  });

  it('lets only a koordinator (or above) in scope reopen a closed case, with a reason, audited', async () => {
    const { caseId, referralId } = await closedCase();
    const reason = 'Keluarga anak melapor layanan belum diterima';
    expect((await t.call(operator, 'POST', `/api/cases/${caseId}/reopen`, { reason })).statusCode).toBe(403);
    expect(
      (await t.call(otherKoordinator, 'POST', `/api/cases/${caseId}/reopen`, { reason })).statusCode,
    ).toBe(404);
    expect(
      (await t.call(koordinator, 'POST', `/api/cases/${caseId}/reopen`, { reason: 'ok' })).statusCode,
    ).toBe(400);
    const reopened = await t.call(koordinator, 'POST', `/api/cases/${caseId}/reopen`, { reason });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ phase: 'pemulihan', closedAt: null });
    expect((await t.call(koordinator, 'POST', `/api/cases/${caseId}/reopen`, { reason })).statusCode).toBe(
      409,
    );
    // Back in the case's hands: the referral moves again, and closing asks for its hand-over anew.
    const referrals = (await t.call(operator, 'GET', `/api/cases/${caseId}/referrals`)).json().items;
    expect(referrals[0].handover).toBeNull();
    const timeline = (await t.call(operator, 'GET', `/api/cases/${caseId}/timeline`)).json().items;
    expect(timeline.at(-1)).toMatchObject({ kind: 'reopened', details: { reason, to: 'pemulihan' } });
    const actions = await t.audit({ subjectId: caseId });
    expect(actions.map((a) => a.action).at(-1)).toBe('case.reopened');
    expect(
      (await t.call(operator, 'PATCH', `/api/referrals/${referralId}`, { status: 'selesai' })).statusCode,
    ).toBe(200);
    const closedAgain = await t.call(operator, 'POST', `/api/cases/${caseId}/phase`, {
      to: 'selesai',
      outcome,
    });
    expect(closedAgain.statusCode).toBe(200);
  });
});
