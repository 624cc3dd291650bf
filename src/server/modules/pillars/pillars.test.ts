import { beforeAll, describe, expect, it } from 'vitest';
import { people, type TestUser, testAppWith } from '../../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import { ConfigError, loadConfig } from '../../platform/config.ts';
import { PILLARS_ENV, REGISTRY_PEOPLE } from './pillars-test-helpers.ts';

const NIK_SITI = '3510054207900003'; // Muncar, a woman born 2 July 1990
const NIK_AGUS = '3510051403860001';

describe('the pillar registry', () => {
  const { t, operator, operatorJember, koordinatorV, koordinatorIII, provinsi, admin, relawan, mitra } =
    testAppWith(
      {
        ...REGISTRY_PEOPLE,
        ...people('provinsi'),
        mitra: { partner: 'bpbd-bwi', agencyName: 'BPBD Banyuwangi', region: '35.10' },
      },
      { env: PILLARS_ENV },
    );
  let siti: { id: string; version: number };

  const register = (user: TestUser, payload: Record<string, unknown>) =>
    t.call(user, 'POST', '/api/pillars', payload);
  const get = (user: TestUser, url: string) => t.call(user, 'GET', url);

  beforeAll(async () => {
    const res = await register(operator, {
      pillarType: 'tagana',
      name: 'SITI AMINAH',
      nik: NIK_SITI,
      phone: '0813-3456-7802',
      homeRegionCode: '35.10.05.2009',
      skills: ['dapur_umum', 'psikososial'],
      trainings: [
        { name: 'Diklat Tagana Dasar', date: '2023-08-21', certificateNumber: '087/TGN-BWI/VIII/2023' },
      ],
      userId: relawan.id,
    });
    expect(res.statusCode).toBe(201);
    siti = res.json();
  });

  it('registers a pillar for its manager with the name tidied, the phone in +62 form and the NIK whole', async () => {
    const res = await get(operator, `/api/pillars/${siti.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Siti Aminah',
      nik: NIK_SITI,
      phone: '+6281334567802',
      isMasked: false,
      homeRegionName: 'Kedungringin',
      kecamatanCode: '35.10.05',
      kabkotaCode: '35.10',
      status: 'aktif',
      availability: 'siaga',
      currentAvailability: 'siaga',
      version: 1,
    });
  });

  it('stores the NIK encrypted with a keyed hash, and audits by id only', async () => {
    const row = await t.db.asSystem((tx) =>
      tx.one<{ nikEncrypted: Buffer; nikHash: string }>(
        'SELECT nik_encrypted AS "nikEncrypted", nik_hash AS "nikHash" FROM pillars WHERE id = $1',
        [siti.id],
      ),
    );
    expect(row?.nikEncrypted.toString('latin1')).not.toContain(NIK_SITI);
    expect(row?.nikHash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await t.audit({ action: 'pillar.created', subjectId: siti.id });
    expect(audit).toHaveLength(1);
    expect(audit[0].details).not.toContain(NIK_SITI);
    expect(audit[0].details).not.toContain('Siti');
  });

  it('logs a manager’s view of the whole record', async () => {
    await get(operator, `/api/pillars/${siti.id}`);
    const views = await t.accessLog({ subjectId: siti.id, userId: operator.id });
    expect(views.filter((v) => v.subjectType === 'pillar').length).toBeGreaterThan(0);
  });

  it('masks NIK and phone for a Bakorwil coordinator, in the list and in the record', async () => {
    const one = (await get(koordinatorV, `/api/pillars/${siti.id}`)).json();
    expect(one).toMatchObject({ nik: '************0003', phone: '+62813*****802', isMasked: true });
    const list = (await get(koordinatorV, '/api/pillars?region=35.10')).json();
    expect(list.items.find((p: { id: string }) => p.id === siti.id)).toMatchObject({
      nik: '************0003',
      phone: '+62813*****802',
    });
  });

  it('masks the NIK in lists even for managers, and shows them the phone', async () => {
    const list = (await get(operator, '/api/pillars')).json();
    expect(list.items.find((p: { id: string }) => p.id === siti.id)).toMatchObject({
      nik: '************0003',
      phone: '+6281334567802',
    });
  });

  it('lets a linked relawan see their own record only, masked', async () => {
    const agus = await register(operator, {
      pillarType: 'tagana',
      name: 'Agus Setiawan',
      nik: NIK_AGUS,
      homeRegionCode: '35.10.05.2001',
    });
    expect(agus.statusCode).toBe(201);
    const list = (await get(relawan, '/api/pillars')).json();
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([siti.id]);
    expect(list.items[0]).toMatchObject({ nik: '************0003', isMasked: true });
    expect((await get(relawan, `/api/pillars/${agus.json().id}`)).statusCode).toBe(404);
  });

  it('hides pillars from other regions and refuses partner agencies', async () => {
    expect((await get(operatorJember, `/api/pillars/${siti.id}`)).statusCode).toBe(404);
    expect((await get(operatorJember, '/api/pillars')).json().items).toEqual([]);
    expect((await get(koordinatorIII, `/api/pillars/${siti.id}`)).statusCode).toBe(404);
    expect((await get(mitra, '/api/pillars')).statusCode).toBe(403);
    expect((await get(mitra, `/api/pillars/${siti.id}`)).statusCode).toBe(403);
    // even a forgotten filter on the app's own connection shows no pillar without an actor
    expect(await t.db.appQuery('SELECT id FROM pillars')).toEqual([]);
  });

  it('refuses edits by anyone who does not manage the pillar’s region', async () => {
    const change = { version: siti.version, status: 'nonaktif' };
    for (const user of [koordinatorV, relawan]) {
      const res = await t.call(user, 'PATCH', `/api/pillars/${siti.id}`, change);
      expect(res.statusCode).toBe(403);
    }
    const jember = await t.call(operatorJember, 'PATCH', `/api/pillars/${siti.id}`, change);
    expect(jember.statusCode).toBe(404);
    // Neither registers a pillar in Banyuwangi.
    for (const user of [operatorJember, koordinatorV]) {
      const outside = await register(user, {
        pillarType: 'tksk',
        name: 'Budi',
        homeRegionCode: '35.10.05.2001',
      });
      expect(outside.statusCode).toBe(403);
    }
  });

  it('names invalid fields: a 15-digit NIK, a NIK from no kecamatan, a short phone, a kab/kota as home', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ nik: '351005140386000' }, 'nik'],
      [{ nik: '3599011508850003' }, 'nik'],
      [{ phone: '0812-345' }, 'phone'],
      [{ homeRegionCode: '35.10' }, 'homeRegionCode'],
      [{ homeRegionCode: '35.10.05.2999' }, 'homeRegionCode'],
      [{ skills: ['menyelam'] }, 'skills'],
    ];
    for (const [fields, path] of cases) {
      const res = await register(operator, {
        pillarType: 'tagana',
        name: 'Uji Coba',
        homeRegionCode: '35.10.05.2009',
        ...fields,
      });
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.json().error.details.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
  });

  it('refuses a second record with the same NIK, even from the province', async () => {
    const res = await register(provinsi, {
      pillarType: 'tksk',
      name: 'Siti A.',
      nik: NIK_SITI,
      homeRegionCode: '35.10.06.2002',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', details: { pillarId: siti.id } });
  });

  it('changes a record only from the version last seen', async () => {
    const ok = await t.call(operator, 'PATCH', `/api/pillars/${siti.id}`, {
      version: 1,
      availability: 'libur',
      availabilityUntil: '2020-01-01T00:00:00+07:00',
      skills: ['mediasi'],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      version: 2,
      availability: 'libur',
      currentAvailability: 'siaga',
      skills: ['mediasi'],
      nik: NIK_SITI,
    });
    const stale = await t.call(operator, 'PATCH', `/api/pillars/${siti.id}`, { version: 1, name: 'Siti' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
  });

  it('filters by type, skill, region, availability and status, and finds names however they are spelled', async () => {
    const sholeh = await register(operator, {
      pillarType: 'pordam',
      name: 'Mochammad Sholeh',
      phone: '081234567806',
      homeRegionCode: '35.10.07.2001',
      skills: ['mediasi', 'evakuasi'],
    });
    expect(sholeh.statusCode).toBe(201);
    const ids = async (query: string) =>
      (await get(operator, `/api/pillars?${query}`)).json().items.map((p: { name: string }) => p.name);
    expect(await ids('type=pordam')).toEqual(['Mochammad Sholeh']);
    expect(await ids('skill=mediasi')).toEqual(['Mochammad Sholeh', 'Siti Aminah']);
    expect(await ids('region=35.10.05')).toEqual(['Agus Setiawan', 'Siti Aminah']);
    expect(await ids('region=35.10.07.2001')).toEqual(['Mochammad Sholeh']);
    expect(await ids('availability=libur')).toEqual([]);
    expect(await ids('availability=siaga&region=35.10.05')).toEqual(['Agus Setiawan', 'Siti Aminah']);
    expect(await ids(`q=${encodeURIComponent('moh soleh')}`)).toEqual(['Mochammad Sholeh']);
    expect(await ids(`q=${encodeURIComponent('Muhammad Sholeh')}`)).toEqual(['Mochammad Sholeh']);
    expect(await ids('q=aminah')).toEqual(['Siti Aminah']);
  });

  it('deletes a record for its manager', async () => {
    const res = await register(operator, {
      pillarType: 'psm',
      name: 'Salah Input',
      homeRegionCode: '35.10.05.2009',
    });
    const id = res.json().id;
    expect((await t.call(koordinatorV, 'DELETE', `/api/pillars/${id}`)).statusCode).toBe(403);
    expect((await t.call(operator, 'DELETE', `/api/pillars/${id}`)).statusCode).toBe(204);
    expect((await get(operator, `/api/pillars/${id}`)).statusCode).toBe(404);
  });

  it('lets the admin edit the lists of types and skills, and nobody else', async () => {
    const put = (user: TestUser, url: string, payload: Record<string, unknown>) =>
      t.call(user, 'PUT', url, payload);
    expect(
      (await put(operator, '/api/pillars/skills/trauma_healing', { label: 'Trauma healing' })).statusCode,
    ).toBe(403);
    const saved = await put(admin, '/api/pillars/skills/trauma_healing', {
      label: 'Trauma healing',
      sortOrder: 90,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().items.map((s: { code: string }) => s.code)).toContain('trauma_healing');
    const types = (await get(koordinatorV, '/api/pillars/types'))
      .json()
      .items.map((s: { code: string }) => s.code);
    expect(types).toEqual([
      'tagana',
      'tksk',
      'pordam',
      'jsc',
      'sahabat_tagana',
      'psm',
      'karang_taruna',
      'relawan',
    ]);
    expect((await put(admin, '/api/pillars/types/linmas', { label: 'Linmas' })).statusCode).toBe(200);
    const created = await register(operator, {
      pillarType: 'linmas',
      name: 'Pak Linmas',
      homeRegionCode: '35.10.05.2009',
    });
    expect(created.statusCode).toBe(201);
  });

  it('refuses to start on PostgreSQL without SIGAP_DATA_KEY, naming the variable', async () => {
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      SIGAP_JOBS: 'false',
      DATABASE_URL: 'postgres://sigap@127.0.0.1:1/none',
    });
    await expect(buildApp({ config, db: t.db, logger: false })).rejects.toBeInstanceOf(ConfigError);
    await expect(buildApp({ config, db: t.db, logger: false })).rejects.toThrow(/SIGAP_DATA_KEY/);
  });
});
