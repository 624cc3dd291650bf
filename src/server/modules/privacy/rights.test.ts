import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { people, testAppWith } from '../../../../test/harness.ts';

const { t, operator, relawan, ppdp, provinsi } = testAppWith({
  ...people('operator', 'relawan', 'ppdp', 'provinsi'),
});
let caseId: string;
let personId: string;

const NIK = '3509015204500001';

async function newRequest(kind: string, records = [{ table: 'vulnerable_people', id: personId }]) {
  const res = await t.call(ppdp, 'POST', '/api/privacy/requests', {
    id: randomUUID(),
    kind,
    receivedAt: '2026-12-01T09:00:00+07:00',
    records,
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const person = async () => {
  const rows = await t.db.asSystem((tx) =>
    tx.query<{ fullName: string; age: number | null; nikHash: string | null; vulnerableGroup: string }>(
      `SELECT full_name AS "fullName", age, nik_hash AS "nikHash", vulnerable_group AS "vulnerableGroup"
         FROM vulnerable_people WHERE id = $1`,
      [personId],
    ),
  );
  return rows[0];
};

/** The evaluation's figures of the province, without the time they were made. */
async function evaluationFigures() {
  const res = await t.call(provinsi, 'GET', '/api/evaluations/summary?from=2026-01-01&to=2026-12-31');
  expect(res.statusCode).toBe(200);
  const { generatedAt: _made, ...figures } = res.json();
  return figures;
}

beforeAll(async () => {
  const description = 'Seorang lansia terjebak di rumahnya saat bentrokan.';
  caseId = (await t.openCase(relawan, operator, { description })).id;
  const added = await t.call(operator, 'POST', `/api/cases/${caseId}/people`, {
    fullName: 'Sumarni Wati',
    nik: NIK,
    age: 76,
    group: 'disabilitas',
    needs: ['kursi roda'],
  });
  expect(added.statusCode).toBe(201);
  personId = added.json().id;
}, 180_000);

describe('requests of the people in the data', () => {
  it('tracks an access request with its 3 × 24 hour deadline, once however often it is sent', async () => {
    const body = {
      id: randomUUID(),
      kind: 'akses',
      receivedAt: '2026-12-01T09:00:00+07:00',
      records: [{ table: 'vulnerable_people', id: personId }],
    };
    const first = await t.call(ppdp, 'POST', '/api/privacy/requests', body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      dueAt: '2026-12-04T09:00:00+07:00',
      deadlineSource: 'UU 27/2022 Pasal 32 ayat (2)',
      status: 'diproses',
      records: [{ table: 'vulnerable_people', id: personId, label: 'Orang rentan dalam kasus' }],
    });
    expect((await t.call(ppdp, 'POST', '/api/privacy/requests', body)).statusCode).toBe(201);
    const list = (await t.call(ppdp, 'GET', '/api/privacy/requests')).json().items;
    expect(list.filter((r: { id: string }) => r.id === body.id)).toHaveLength(1);
  });

  it('refuses the same id sent again with other content, and still answers a retry of the same content', async () => {
    const body = {
      id: randomUUID(),
      kind: 'akses',
      requestedBy: 'wali',
      receivedAt: '2026-12-01T09:00:00+07:00',
      records: [{ table: 'vulnerable_people', id: personId }],
    };
    const first = await t.call(ppdp, 'POST', '/api/privacy/requests', body);
    expect(first.statusCode, first.body).toBe(201);
    for (const other of [
      { ...body, kind: 'penghapusan' },
      { ...body, requestedBy: 'kuasa' },
      { ...body, receivedAt: '2026-12-01T10:00:00+07:00' },
    ]) {
      const clash = await t.call(ppdp, 'POST', '/api/privacy/requests', other);
      expect(clash.statusCode, clash.body).toBe(409);
      expect(clash.json().error).toMatchObject({
        code: 'conflict',
        message: 'Permintaan dengan id ini sudah ada dengan isi berbeda',
      });
    }
    // The same moment written in another offset is the same content.
    const retried = await t.call(ppdp, 'POST', '/api/privacy/requests', {
      ...body,
      receivedAt: '2026-12-01T02:00:00Z',
    });
    expect(retried.statusCode, retried.body).toBe(201);
    expect(retried.json()).toEqual(first.json());
    expect(await t.audit({ subjectId: body.id })).toHaveLength(1);
  });

  it("gives the person's file as JSON and PDF in Indonesian, each record read access-logged", async () => {
    const request = await newRequest('akses');
    const file = await t.call(ppdp, 'GET', `/api/privacy/requests/${request.id}/file`);
    expect(file.statusCode).toBe(200);
    const fields = Object.fromEntries(
      file.json().records[0].fields.map((f: { column: string; value: string }) => [f.column, f]),
    );
    expect(fields.full_name.value).toBe('Sumarni Wati');
    expect(fields.nik_encrypted.value).toBe(NIK);
    expect(fields.full_name.retention).toBe('Dianonimkan 5 tahun setelah kasus ditutup');
    const pdf = await t.call(ppdp, 'GET', `/api/privacy/requests/${request.id}/file?format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/berkas-data-pribadi-\d{4}-\d{2}-\d{2}\.pdf/);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const logged = await t.accessLog({
      userId: ppdp.id,
      purpose: 'privacy.subject_file',
      subjectId: personId,
    });
    expect(logged).toHaveLength(2);
    const answered = await t.call(ppdp, 'POST', `/api/privacy/requests/${request.id}/answer`, {
      answer: 'Berkas diserahkan langsung kepada pemohon.',
    });
    expect(answered.json()).toMatchObject({ status: 'selesai', clock: { state: 'selesai' } });
  });

  it('corrects a field of a correction request, keeping the value out of the audit trail', async () => {
    const request = await newRequest('perbaikan');
    const url = `/api/privacy/requests/${request.id}/corrections`;
    const correct = (field: string, value: string) =>
      t.call(ppdp, 'POST', url, { table: 'vulnerable_people', id: personId, field, value });
    const wrong = await correct('vulnerable_group', 'lansia');
    expect(wrong.statusCode).toBe(400);
    const ok = await correct('age', '77');
    expect(ok.statusCode).toBe(200);
    expect((await person()).age).toBe(77);
    const audit = await t.audit({ action: 'privacy.field_corrected' });
    const details = audit.map((a) => (typeof a.details === 'string' ? JSON.parse(a.details) : a.details));
    expect(details).toEqual([{ table: 'vulnerable_people', record: personId, field: 'age' }]);
  });

  it('refuses erasure while the case is open and under a legal hold, then anonymises with figures unchanged', async () => {
    const openCase = await newRequest('penghapusan');
    const refused = await t.call(ppdp, 'POST', `/api/privacy/requests/${openCase.id}/erasure`);
    expect(refused.statusCode).toBe(200);
    expect(refused.json().status).toBe('ditolak');
    expect(refused.json().answer).toContain('masih ditangani');
    expect((await person()).fullName).toBe('Sumarni Wati');

    const closed = await t.closeCase(operator, caseId, 'Kedua pihak berdamai; lansia kembali ke rumahnya.');
    expect(closed.phase).toBe('selesai');

    const hold = await t.call(ppdp, 'POST', '/api/privacy/holds', {
      table: 'cases',
      id: caseId,
      reason: 'Bukti perkara di Pengadilan Negeri Jember',
    });
    expect(hold.statusCode).toBe(200);
    const held = await newRequest('penghapusan');
    const heldAnswer = (await t.call(ppdp, 'POST', `/api/privacy/requests/${held.id}/erasure`)).json();
    expect(heldAnswer).toMatchObject({ status: 'ditolak' });
    expect(heldAnswer.answer).toContain('Bukti perkara di Pengadilan Negeri Jember');

    await t.call(ppdp, 'POST', '/api/privacy/holds', {
      table: 'cases',
      id: caseId,
      reason: 'Perkara selesai',
      active: false,
    });
    const before = await evaluationFigures();
    const erasure = await newRequest('penghapusan');
    const done = await t.call(ppdp, 'POST', `/api/privacy/requests/${erasure.id}/erasure`);
    expect(done.json()).toMatchObject({ status: 'selesai' });
    expect(await person()).toEqual({
      fullName: 'Dianonimkan',
      age: null,
      nikHash: null,
      vulnerableGroup: 'disabilitas',
    });
    expect(await evaluationFigures()).toEqual(before);
    const byNik = await t.call(ppdp, 'GET', `/api/privacy/subjects?nik=${NIK}`);
    expect(byNik.json().records).toEqual([]);
  });

  it('refuses requests to everyone outside the privacy office', async () => {
    const res = await t.call(operator, 'POST', '/api/privacy/requests', {
      id: randomUUID(),
      kind: 'akses',
      receivedAt: '2026-12-01T09:00:00+07:00',
      records: [{ table: 'vulnerable_people', id: personId }],
    });
    expect(res.statusCode).toBe(403);
    expect(
      (await t.call(provinsi, 'POST', '/api/privacy/holds', { table: 'cases', id: caseId, reason: 'x y z' }))
        .statusCode,
    ).toBe(403);
  });
});
