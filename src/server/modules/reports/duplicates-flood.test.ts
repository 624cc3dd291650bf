import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { reportPayload } from '../../../../test/fixtures.ts';
import { people, testAppWith } from '../../../../test/harness.ts';
import { type Jobs, startJobs } from '../../platform/jobs.ts';
import { DUPLICATE_SUGGESTIONS_MAX, markDuplicatesChecked } from './duplicates-store.ts';
import { DUPLICATES_BATCH, DUPLICATES_QUEUE, findDuplicates } from './reports-service.ts';

// A flood: 300 reports arrive at once, 150 events each reported twice. The duplicate check takes them in one
// processing round of the queue (one fetch, one statement), and every report then shows its twin.

const FLOOD = 300;

/** A text of its own for each event: words no other event shares, so only the twin looks alike. */
function eventText(n: number): string {
  const words = Array.from({ length: 8 }, (_, k) =>
    [...createHash('sha256').update(`${n}:${k}`).digest()]
      .slice(0, 7)
      .map((byte) => String.fromCharCode(97 + (byte % 26)))
      .join(''),
  );
  return `Kejadian ${words.join(' ')}`;
}

describe('the duplicate check under a flood', () => {
  const { t, relawan, operator } = testAppWith({
    ...people('relawan', 'operator'),
  });
  let jobs: Jobs | undefined;

  // Runs before testAppWith's afterAll closes the app (vitest runs afterAll hooks last registered first).
  afterAll(async () => {
    await jobs?.stop();
  });

  // 300 intakes: a few seconds on an idle machine, longer on a busy CI runner.
  it(`suggests the twin of each of ${FLOOD} reports in one processing round`, {
    timeout: 120_000,
  }, async () => {
    expect(DUPLICATES_BATCH).toBeGreaterThanOrEqual(FLOOD);
    const ids: string[] = [];
    for (let n = 0; n < FLOOD / 2; n++) {
      for (const suffix of ['', ' tadi malam']) {
        ids.push(await t.filedReport(relawan, { description: `${eventText(n)}${suffix}` }));
      }
    }

    jobs = await startJobs(t.db, {
      log: { info() {}, warn() {}, error() {} },
      pollingIntervalSeconds: 0.5,
    });
    for (const reportId of ids) await jobs.send(DUPLICATES_QUEUE, { reportId });
    const rounds: number[] = [];
    const firstRound = new Promise<void>((resolve) => {
      void jobs?.workBatch<{ reportId: string }>(
        DUPLICATES_QUEUE,
        { batchSize: DUPLICATES_BATCH },
        async (items) => {
          await findDuplicates(
            t.db,
            items.map((item) => item.reportId),
          );
          rounds.push(items.length);
          resolve();
        },
      );
    });
    await firstRound;
    expect(rounds).toEqual([FLOOD]);

    // Every report of the flood now has its twin as its only suggestion ...
    const found = await t.db.asSystem((tx) =>
      tx.query<{ report: string; candidates: string[] }>(
        `SELECT report_id AS report, array_agg(candidate_id ORDER BY similarity DESC) AS candidates
         FROM duplicate_suggestions WHERE report_id = ANY($1::uuid[]) GROUP BY 1`,
        [ids],
      ),
    );
    const twinOf = (index: number) => ids[index % 2 === 0 ? index + 1 : index - 1];
    const byReport = new Map(found.map((row) => [row.report, row.candidates]));
    expect(ids.map((id, index) => byReport.get(id)?.join() === twinOf(index))).not.toContain(false);
    // ... which is what the operator is shown on the report page.
    for (const index of [0, 1, FLOOD - 1]) {
      const res = await t.call(operator, 'GET', `/api/reports/${ids[index]}/duplicates`);
      expect(res.json().items.map((s: { candidateId: string }) => s.candidateId)).toEqual([twinOf(index)]);
    }
  });
  it('shows the ten most alike when one event is reported many times, the copy of the same words first', async () => {
    // One event, 16 reports: one in the same words as the first, fifteen in words that differ a little more.
    const base = 'Dua kelompok pemuda saling lempar batu di lapangan desa, warga mengungsi ke balai';
    const texts = [
      base,
      base,
      ...Array.from({ length: 14 }, (_, n) => `${base}, laporan susulan nomor ${n + 1}`),
    ];
    const ids: string[] = [];
    for (const description of texts) {
      ids.push(await t.filedReport(relawan, { description }));
    }
    await findDuplicates(t.db, ids);

    const res = await t.call(operator, 'GET', `/api/reports/${ids[0]}/duplicates`);
    const items: { candidateId: string; similarity: number }[] = res.json().items;
    expect(items).toHaveLength(DUPLICATE_SUGGESTIONS_MAX);
    expect(items[0]?.candidateId).toBe(ids[1]);
    expect(items[0]?.similarity).toBe(1);
    // A report checked later records its ten most alike, not all sixteen.
    const late = reportPayload({ description: `${base}, laporan susulan terakhir` });
    const sent = await t.call(relawan, 'POST', '/api/reports', late);
    expect(sent.statusCode).toBe(201);
    await findDuplicates(t.db, [late.id as string]);
    const recorded = await t.db.asSystem((tx) =>
      tx.query<{ n: number }>('SELECT count(*)::int AS n FROM duplicate_suggestions WHERE report_id = $1', [
        late.id,
      ]),
    );
    expect(recorded[0]?.n).toBe(DUPLICATE_SUGGESTIONS_MAX);
  });

  // PostgreSQL only: PGlite has one connection, so no other transaction can hold a row.
  it.skipIf(!process.env.DATABASE_URL)(
    'marks reports checked without waiting for a report another transaction holds, and says which are left',
    async () => {
      const ids: string[] = [];
      for (const description of ['Pemuda berkumpul di pos ronda', 'Warga ribut soal batas sawah']) {
        ids.push(await t.filedReport(relawan, { description }));
      }
      const held = await t.db.systemPool.connect();
      try {
        await held.query('BEGIN');
        await held.query('SELECT 1 FROM reports WHERE id = $1 FOR NO KEY UPDATE', [ids[0]]);
        const left = await t.db.asSystem((tx) => markDuplicatesChecked(tx, ids));
        expect(left).toEqual([ids[0]]);
      } finally {
        await held.query('ROLLBACK');
        held.release();
      }
      expect(await t.db.asSystem((tx) => markDuplicatesChecked(tx, ids))).toEqual([]);
      const unchecked = await t.db.asSystem((tx) =>
        tx.query('SELECT id FROM reports WHERE id = ANY($1::uuid[]) AND dedup_checked_at IS NULL', [ids]),
      );
      expect(unchecked).toEqual([]);
    },
  );
});
