import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSigap } from './cli-test-helpers.ts';

describe('npm run sigap -- read-text', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sigap-read-text-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const input = path.join(dir, 'pesan.jsonl');
  writeFileSync(
    input,
    [
      JSON.stringify({
        id: 'a',
        text: 'carok di ds. Balung kec. Kendit Situbondo, 2 org meninggal, 20 jiwa ngungsi',
      }),
      JSON.stringify({ id: 'b' }),
      'bukan json',
      '',
      JSON.stringify({
        id: 'c',
        text: 'isu konvoi perguruan mau lewat kec. Jetis malam ini',
        homeRegion: '35.02',
      }),
    ].join('\n'),
  );

  it('writes one line per message in order, with no database and no server, and marks the bad lines', async () => {
    // no DATA_DIR nor DATABASE_URL: the command must not open a database
    const output = path.join(dir, 'hasil.jsonl');
    const run = await runSigap(['read-text', '--input', input, '--output', output], {
      DATA_DIR: path.join(dir, 'none'),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('read 2 messages, 2 bad lines');
    const lines = readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id ?? null)).toEqual(['a', 'b', null, 'c']);
    expect(lines[0]).toMatchObject({
      kind: 'kejadian',
      conflictType: 'antarwarga',
      kabkotaCode: '35.12',
      dead: 2,
      displaced: 20,
    });
    expect(lines[0].evidence.dead.spans.length).toBeGreaterThan(0);
    expect(lines[1].error).toContain('text');
    expect(lines[2].error).toContain('JSON');
    expect(lines[3]).toMatchObject({
      kind: 'sinyal',
      conflictType: 'perguruan_silat_vs_warga',
      kecamatanCode: '35.02.09',
    });
    expect(run.lines).toEqual([]);
  });

  it('writes to standard output without --output, and asks for --input', async () => {
    const run = await runSigap(['read-text', '--input', input]);
    expect(run.code).toBe(0);
    expect(run.lines).toHaveLength(4);
    expect(JSON.parse(run.lines[0] ?? '{}').kabkotaCode).toBe('35.12');
    const missing = await runSigap(['read-text']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--input');
  });
});
