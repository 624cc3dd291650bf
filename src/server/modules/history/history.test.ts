import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  daysBefore,
  LEVEL_PEOPLE,
  seedReports,
  seedThreeSignals,
} from '../../../../test/early-warning-helpers.ts';
import { testAppWith } from '../../../../test/harness.ts';
import { backtestCommand } from '../../../cli/cli-early-warning.ts';
import { fakeClock } from '../../platform/clock.ts';
import { runEscalation } from '../escalation/escalation-service.ts';
import { recomputeLevels } from '../levels/levels-service.ts';
import { findDuplicatesForUnchecked } from '../reports/reports-service.ts';
import { settleHistoryImports } from './history-service.ts';
import { ARCHIVE_MAPPING } from './history-test-helpers.ts';

const HEADER = 'Tanggal;Lokasi;Kabupaten;Jenis;Uraian;Luka;Meninggal;Mengungsi;Sumber';
/** Five past incidents in Jember: one place named in two kab/kota, one repeating a report Sigap has. */
const FILE = [
  HEADER,
  '12/03/2025;Tanggul;Jember;Bentrok PSHT;Dua perguruan silat bentrok selepas pengesahan warga;2;0;0;Radar Jember',
  '14/03/2025;Kencong;;Carok;Perkelahian dua warga karena utang;1;1;0;Polsek Kencong',
  '01/05/2025;Tanggul, Jember;;Bentrok PSHT;Konvoi perguruan silat dilempari batu warga;3;0;0;Radar Jember',
  '2025-06-10;Semboro;Jember;Sengketa tanah;Warga dan perkebunan berselisih soal batas lahan;0;0;12;Dinsos Jember',
  '31/02/2025;Tanggul;Jember;Carok;Tanggal ini tidak ada;0;0;0;Catatan lama',
].join('\n');

/** The file's place is in its own columns, the rest as an archive names them. */
const MAPPING = { ...ARCHIVE_MAPPING, place: ['Lokasi', 'Kabupaten'] };

describe('history import', () => {
  const clock = fakeClock(new Date('2026-08-20T10:00:00+07:00'));
  const { t, provinsi, operator, relawan } = testAppWith(LEVEL_PEOPLE, { clock });
  let importId = '';
  let existingReport = '';

  const upload = (file: string, user = provinsi, name = 'riwayat-jember.csv') =>
    t.call(user, 'POST', `/api/history-imports?name=${name}`, file, { 'content-type': 'text/csv' });
  const post = (url: string, body: unknown, user = provinsi) => t.call(user, 'POST', url, body as object);
  const count = async (sql: string, params: unknown[] = []) =>
    (await t.db.asSystem((tx) => tx.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)))?.n;

  beforeAll(async () => {
    // A report Sigap already has: the incident of 1 May 2025 in Tanggul.
    [existingReport] = await seedReports(t.db, {
      regionCode: '35.09.06.2001',
      reporterId: relawan.id,
      count: 1,
      from: new Date('2025-05-01T15:00:00+07:00'),
      to: new Date('2025-05-01T15:00:00+07:00'),
      status: 'terverifikasi',
    });
  }, 180_000);
  afterAll(() => settleHistoryImports());

  it('refuses the upload to an operator, and answers the columns and a suggested mapping to the province', async () => {
    expect((await upload(FILE, operator)).statusCode).toBe(403);
    const res = await upload(FILE);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    importId = body.import.id;
    expect(body.known).toBe(false);
    expect(body.import).toMatchObject({ status: 'draf', rowCount: 5, headers: HEADER.split(';') });
    expect(body.sample[0][0]).toBe('12/03/2025');
    expect(body.suggestedMapping).toEqual(MAPPING);
  });

  it('refuses a CSV that is not UTF-8 with a 400 saying so, rather than keep texts with replaced letters', async () => {
    const file = Buffer.from(
      'Tanggal;Tempat;Uraian\r\n2024-05-01;Tanggul;Bentrok di warung kopi \x93Pak Min\x94\r\n',
      'latin1',
    );
    const res = await t.call(provinsi, 'POST', '/api/history-imports?name=riwayat-ansi.csv', file, {
      'content-type': 'text/csv',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/UTF-8/);
    expect(await count('history_imports WHERE file_name = $1', ['riwayat-ansi.csv'])).toBe(0);
  });

  it('dry run: the ambiguous place with its candidates, the mapped type, a duplicate flagged; nothing stored', async () => {
    const res = await post(`/api/history-imports/${importId}/dry-run`, {
      mapping: MAPPING,
      typeMap: { Carok: 'antarwarga' },
    });
    expect(res.statusCode).toBe(200);
    const run = res.json();
    expect(run.counts).toEqual({ siap: 2, ambigu: 1, duplikat: 1, sudah: 0, galat: 1 });
    const byRow = new Map(run.rows.map((r: { row: number }) => [r.row, r]));
    expect(byRow.get(2)).toMatchObject({
      state: 'siap',
      place: { code: '35.09.06', name: 'Tanggul' },
      conflictType: 'antar_perguruan_silat',
      injured: 2,
    });
    const kencong = byRow.get(3) as { state: string; place: null; candidates: { code: string }[] };
    expect(kencong.state).toBe('ambigu');
    expect(kencong.place).toBeNull();
    expect(kencong.candidates.map((c) => c.code).sort()).toEqual(['35.06.18.2008', '35.09.02']);
    expect(byRow.get(4)).toMatchObject({ state: 'duplikat', duplicateOf: existingReport });
    expect(byRow.get(5)).toMatchObject({ state: 'siap', place: { code: '35.09.07' }, displaced: 12 });
    expect(byRow.get(6)).toMatchObject({ state: 'galat', problems: ['tanggal tidak terbaca: "31/02/2025"'] });
    // The source's words with the Sigap type each maps to: the user's choice, or the suggestion.
    expect(run.typeMap).toEqual(
      expect.arrayContaining([
        { value: 'Carok', rows: 2, conflictType: 'antarwarga', chosen: true },
        { value: 'Bentrok PSHT', rows: 2, conflictType: 'antar_perguruan_silat', chosen: false },
        { value: 'Sengketa tanah', rows: 1, conflictType: 'sengketa_lahan_sda', chosen: false },
      ]),
    );
    expect(run).toMatchObject({ firstDay: '2025-03-12', lastDay: '2025-06-10' });
    expect(await count('reports WHERE historical')).toBe(0);
  });

  it('imports in the background: channel import, source kept, historical; no alert, notification or escalation', async () => {
    const plan = { mapping: MAPPING, typeMap: { Carok: 'antarwarga' }, placeChoices: { 3: '35.09.02' } };
    const res = await post(`/api/history-imports/${importId}/start`, plan);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ jobId: importId });
    await settleHistoryImports();
    const job = await t.call(provinsi, 'GET', `/api/history-imports/${importId}`);
    expect(job.json()).toMatchObject({
      status: 'selesai',
      doneRows: 5,
      imported: 3,
      skipped: 2,
      firstDay: '2025-03-12',
      lastDay: '2025-06-10',
    });
    const rows = await t.db.asSystem((tx) =>
      tx.query<Record<string, unknown>>(
        `SELECT region_code AS "regionCode", conflict_type AS "conflictType", channel, source, historical, status,
           kind, dead FROM reports WHERE import_id = $1 ORDER BY occurred_at`,
        [importId],
      ),
    );
    expect(rows).toEqual([
      {
        regionCode: '35.09.06',
        conflictType: 'antar_perguruan_silat',
        channel: 'import',
        source: 'Radar Jember',
        historical: true,
        status: 'terverifikasi',
        kind: 'kejadian',
        dead: 0,
      },
      {
        regionCode: '35.09.02',
        conflictType: 'antarwarga',
        channel: 'import',
        source: 'Polsek Kencong',
        historical: true,
        status: 'terverifikasi',
        kind: 'kejadian',
        dead: 1,
      },
      {
        regionCode: '35.09.07',
        conflictType: 'sengketa_lahan_sda',
        channel: 'import',
        source: 'Dinsos Jember',
        historical: true,
        status: 'terverifikasi',
        kind: 'kejadian',
        dead: 0,
      },
    ]);
    // Everything that reacts to a new report leaves them alone.
    await recomputeLevels({ db: t.db, clock, config: t.config }, { kabkotaCodes: ['35.09'] });
    await recomputeLevels({ db: t.db, clock, config: t.config }, { kabkotaCodes: ['35.09'] });
    expect((await runEscalation(t.db, clock)).reports).toBe(0);
    await findDuplicatesForUnchecked(t.db);
    expect(await count('alerts')).toBe(0);
    expect(await count('notifications')).toBe(0);
    expect(await count('duplicate_suggestions')).toBe(0);
    expect(await count(`reports WHERE historical AND escalated_at IS NOT NULL`)).toBe(0);
    // One audit entry for the import, with the file's hash.
    const audit = await t.audit({ action: 'history.imported' });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({
      fileHash: job.json().fileHash,
      imported: 3,
    });
  });

  it('the same file again finds the first import and stores nothing twice', async () => {
    const again = await upload(FILE, provinsi, 'salinan.csv');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ known: true, import: { id: importId, status: 'selesai' } });
    const start = await post(`/api/history-imports/${importId}/start`, { mapping: MAPPING });
    expect(start.statusCode).toBe(202);
    await settleHistoryImports();
    expect(await count('reports WHERE historical')).toBe(3);
    // Another user's upload of the same file is refused; its import stays out of their sight.
    const other = await t.user({ role: 'admin', region: '35' });
    expect((await upload(FILE, other)).statusCode).toBe(409);
    const peek = await t.call(other, 'GET', `/api/history-imports/${importId}`);
    expect(peek.statusCode).toBe(404);
  });

  it("an imported history raises a kecamatan's baseline: the same recent signals no longer raise its level", async () => {
    // A year of incidents in Jenggawah (35.09.16), and two imported incidents of the last days in Sumberbaru:
    // imported rows are history only, never recent signals.
    const now = clock.now();
    const lines = [HEADER];
    for (let i = 0; i < 150; i++) {
      const day = daysBefore(now, 20 + i * 2)
        .toISOString()
        .slice(0, 10);
      lines.push(
        `${day};Jenggawah;Jember;Bentrok PSHT;Bentrok perguruan silat nomor ${i};1;0;0;Arsip Bakesbangpol`,
      );
    }
    for (const back of [1, 2]) {
      const day = daysBefore(now, back).toISOString().slice(0, 10);
      lines.push(
        `${day};Sumberbaru;Jember;Bentrok PSHT;Bentrok baru-baru ini ${back};4;1;0;Arsip Bakesbangpol`,
      );
    }
    const res = await upload(lines.join('\n'), provinsi, 'jenggawah.csv');
    expect(res.statusCode).toBe(201);
    const id = res.json().import.id;
    expect((await post(`/api/history-imports/${id}/start`, { mapping: MAPPING })).statusCode).toBe(202);
    await settleHistoryImports();
    expect(await count('reports WHERE import_id = $1', [id])).toBe(152);

    // The same three signals (one of them provocation) in Jenggawah and in Tanggul, which has no history.
    for (const kecamatan of ['35.09.16', '35.09.06']) {
      await seedThreeSignals(t.db, kecamatan, relawan.id, now);
    }
    await recomputeLevels({ db: t.db, clock, config: t.config }, { kabkotaCodes: ['35.09'] });
    const levels = await t.call(operator, 'GET', '/api/early-warning/levels?parent=35.09');
    const level = (code: string) =>
      levels.json().items.find((i: { regionCode: string }) => i.regionCode === code)?.level;
    expect(level('35.09.06')).toBe('waspada');
    expect(level('35.09.16')).toBe('normal');
    expect(level('35.09.03')).toBe('normal');
  });

  it('the backtest prints its figures again on the imported period', async () => {
    const out: string[] = [];
    const code = await backtestCommand(t.db, {}, { out: (line) => out.push(line), err: () => undefined });
    expect(code).toBe(0);
    // The history runs from the first imported row to the recent imported rows of Sumberbaru.
    const at = out.findIndex((line) =>
      /^Periode riwayat impor \/ imported period: 2025-03-12 … 2026-08-1[89]$/.test(line),
    );
    expect(at).toBeGreaterThan(0);
    expect(out[at + 1]).toMatch(/^Uji balik peringatan dini \/ early-warning backtest: 2025-04-11 … /);
  }, 120_000);
});
