import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../src/server/platform/db.ts';

/**
 * The CAP 1.2 schema: `CAP_SCHEMA` if set, else the OASIS copy in the package (assets/cap-1.2). A missing schema
 * fails the tests that need it (never skips them).
 */
export const CAP_SCHEMA =
  process.env.CAP_SCHEMA || path.resolve(import.meta.dirname, '../assets/cap-1.2/cap12.xsd');

/**
 * Validates an XML document with xmllint; with a schema, against it. Returns xmllint's complaint, or '' when
 * the document is valid. Needs Debian's libxml2-utils.
 */
export function xmllint(xml: string, schema?: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sigap-xml-'));
  const file = path.join(dir, 'doc.xml');
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', ...(schema ? ['--schema', schema] : []), file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The people of a level-model test: the province, Jember's operator and a relawan of Tanggulwetan who reports. */
export const LEVEL_PEOPLE = {
  provinsi: { role: 'provinsi', region: '35' },
  operator: { role: 'operator', region: '35.09' },
  relawan: { role: 'relawan', region: '35.09.06.2002' },
} as const;

/**
 * Inserts `count` reports in a region with SQL, spread evenly between `from` and `to`: hand-made histories
 * for the level model, far faster than the intake API.
 */
export async function seedReports(
  db: Database,
  input: {
    regionCode: string;
    reporterId: string;
    count: number;
    from: Date;
    to: Date;
    kind?: 'sinyal' | 'kejadian';
    triggers?: string[];
    status?: 'baru' | 'terverifikasi';
  },
): Promise<string[]> {
  const parts = input.regionCode.split('.');
  const rows = await db.asSystem((tx) =>
    tx.query<{ id: string }>(
      `INSERT INTO reports (id, kind, conflict_type, triggers, region_code, kabkota_code, kecamatan_code, occurred_at,
         description, reporter_id, priority, priority_rank, content_hash, due_acknowledge_at, status, created_at)
       SELECT gen_random_uuid(), $1, 'antar_perguruan_silat', $2::text[], $3, $4, $5,
         $6::timestamptz + (($7::timestamptz - $6::timestamptz) * (i::float8 / greatest($8 - 1, 1))),
         'Laporan uji riwayat kerawanan', $9, 'P3', 3, md5(i::text), $7::timestamptz, $10, $7::timestamptz
       FROM generate_series(0, $8 - 1) AS i
       RETURNING id`,
      [
        input.kind ?? 'sinyal',
        input.triggers ?? [],
        input.regionCode,
        parts.slice(0, 2).join('.'),
        parts.length >= 3 ? parts.slice(0, 3).join('.') : null,
        input.from,
        input.to,
        input.count,
        input.reporterId,
        input.status ?? 'baru',
      ],
    ),
  );
  return rows.map((r) => r.id);
}

/** Days before `now`, as a Date. */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

/**
 * The signals that raise a quiet kecamatan: two in the last four to two days and one provocation a couple of
 * hours ago, all in its first desa.
 */
export async function seedThreeSignals(
  db: Database,
  kecamatan: string,
  reporterId: string,
  now: Date,
): Promise<void> {
  const regionCode = `${kecamatan}.2001`;
  await seedReports(db, {
    regionCode,
    reporterId,
    count: 2,
    from: daysBefore(now, 4),
    to: daysBefore(now, 2),
  });
  await seedReports(db, {
    regionCode,
    reporterId,
    count: 1,
    from: daysBefore(now, 0.1),
    to: daysBefore(now, 0.1),
    triggers: ['informasi_provokatif'],
  });
}
