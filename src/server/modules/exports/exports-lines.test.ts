import { Writable } from 'node:stream';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { people, testAppWith } from '../../../../test/harness.ts';
import { exportColumns } from '../../../shared/exports/export-columns.ts';
import { PillarsExportQuery, ReportsExportQuery } from '../../../shared/exports/export-schema.ts';
import { systemClock } from '../../platform/clock.ts';
import type { Principal } from '../../platform/principal.ts';
import { principalFrom } from '../users/users-service.ts';
import { findUserById } from '../users/users-store.ts';
import { columnPositions, csvCells, csvLine } from './exports-rules.ts';
import { filterOf, prepareExport } from './exports-service.ts';
import { readPage } from './exports-store.ts';

/** Text a reporter may type that CSV must carry whole: separators, quotes, line breaks, formula-like starts. */
const TRICKY = [
  'a,b',
  'a;b',
  'kata "kutip" di dalam',
  'baris\nbaru',
  'baris\r\nbaru',
  'cr\rsaja',
  '=HYPERLINK("x")',
  '+62 812 3456',
  '-12',
  '+1.5',
  '-1.',
  '- 5',
  '@semua',
  '\tTab',
  '\rCR',
  '=a;"b",c\nd',
  'ꦗꦮ Jawa 😀',
  '',
  "'petik",
  '٣٤',
];

/**
 * CSV and HXL of the lists are written line by line by the database (decision 0047): here every line it writes
 * is compared with the line the rules in exports-rules.ts write for the same row, on both databases.
 */
describe('exports: the lines the database writes', () => {
  const { t, relawan, provinsi } = testAppWith({
    ...people('relawan', 'provinsi'),
  });
  let actor: Principal;

  beforeAll(async () => {
    const ids: string[] = [];
    for (let i = 0; i < TRICKY.length / 2; i++) {
      ids.push(await t.filedReport(relawan));
    }
    await t.db.asSystem(async (tx) => {
      for (const [i, id] of ids.entries()) {
        // What the form would not let through is still what the file must carry, as a correction might.
        await tx.query(
          `UPDATE reports SET description = $2, groups_involved = $3, triggers = $4::text[],
             latitude = CASE WHEN $5 THEN -8.1 - $6::float8 / 70 END,
             longitude = CASE WHEN $5 THEN 113.45 + $6::float8 / 30 END WHERE id = $1`,
          [id, TRICKY[2 * i], TRICKY[2 * i + 1], i % 3 ? [TRICKY[i], null] : [], i % 2 === 0, i],
        );
      }
      for (const [i, name] of TRICKY.slice(0, 6).entries()) {
        await tx.query(
          `INSERT INTO pillars (pillar_type, name, name_key, home_region_code, phone, skills)
           VALUES ('tksk', $1, $2, '35.09.06.2002', $3, $4::text[])`,
          [name, `pilar ${i}`, i % 2 ? null : TRICKY[i + 6], [TRICKY[i + 10]]],
        );
      }
    });
    const user = await t.db.asSystem((tx) => findUserById(tx, provinsi.id));
    if (!user) throw new Error('no user');
    actor = principalFrom(user, []);
  });

  async function exported(kind: 'reports' | 'pillars', query: Record<string, string>): Promise<string> {
    const parsed = kind === 'reports' ? ReportsExportQuery.parse(query) : PillarsExportQuery.parse(query);
    let body = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        body += chunk.toString('utf8');
        done();
      },
    });
    const deps = { db: t.db, clock: systemClock, config: t.config };
    // Pages of 4: the lines are read across several FETCHes (PostgreSQL) or keyset pages (PGlite).
    const prepared = await prepareExport(deps, actor, kind, parsed, { pageRows: 4 });
    await prepared.write(sink);
    return body;
  }

  for (const delimiter of [',', ';'] as const) {
    it(`writes reports and pillars with names exactly as the rules do, separator ${delimiter}`, async () => {
      for (const [kind, personal] of [
        ['reports', false],
        ['pillars', true],
      ] as const) {
        const query = { format: 'csv', delimiter, personal: String(personal) };
        const parsed = kind === 'reports' ? ReportsExportQuery.parse(query) : PillarsExportQuery.parse(query);
        const columns = exportColumns(kind, personal);
        const page = await t.db.asActor(actor.actor, (tx) =>
          readPage(tx, kind, filterOf(kind, parsed, personal), undefined, 1000),
        );
        const at = columnPositions(columns, page.fields);
        const lines = page.rows.map((row) => csvLine(columns, at, row, delimiter));
        expect(lines.length).toBe(kind === 'reports' ? TRICKY.length / 2 : 6);
        const header = csvCells(
          columns.map((c) => c.header),
          delimiter,
        );
        expect(await exported(kind, query)).toBe(`\uFEFF${header}${lines.join('')}`);
      }
    });
  }

  it('gives back every tricky text when the file is read, formulas kept as text', async () => {
    const body = await exported('reports', { format: 'csv', delimiter: ';' });
    const rows = Papa.parse<string[]>(body.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    const [header, ...data] = rows;
    const cells = data.flatMap((row) => [
      row[header.indexOf('Uraian')],
      row[header.indexOf('Kelompok terlibat')],
    ]);
    const asText = (text: string) =>
      /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
    expect(cells.sort()).toEqual(TRICKY.map(asText).sort());
    expect(cells).toContain('\'=HYPERLINK("x")');
    expect(cells).toContain('-12');
  });
});
