// Past incidents taken in by the history import (docs/HISTORY-IMPORT.md): stored as reports of the channel
// `import`, marked historical. Unlike submitReport nothing reacts to them: no deadline, no inbox item, no live
// event, no duplicate job, no audit entry of their own (the import is audited once, with its file hash).
import { ReportFields } from '../../../shared/reports/report-schema.ts';
import type { Database, Tx } from '../../platform/db.ts';
import type { Principal } from '../../platform/principal.ts';
import * as historyStore from './reports-history-store.ts';
import { reportRowOf } from './reports-service.ts';

/** A past incident as the import read it. */
export type HistoricalIncident = {
  id: string;
  regionCode: string;
  conflictType: string;
  occurredAt: string;
  description: string;
  groupsInvolved: string;
  injured: number;
  dead: number;
  displaced: number;
  source: string;
};

/** Stores the incidents of one chunk, as the importer; an id already stored is skipped. Returns how many were new. */
export async function insertHistoricalIncidents(
  tx: Tx,
  principal: Principal,
  importId: string,
  incidents: readonly HistoricalIncident[],
  now: Date,
): Promise<number> {
  const rows = incidents.map((incident) => {
    const fields = ReportFields.parse({
      kind: 'kejadian',
      conflictType: incident.conflictType,
      regionCode: incident.regionCode,
      occurredAt: incident.occurredAt,
      description: incident.description,
      groupsInvolved: incident.groupsInvolved,
      injured: incident.injured,
      dead: incident.dead,
      displaced: incident.displaced,
      channel: 'import',
    });
    return { ...reportRowOf(incident.id, fields), source: incident.source, importId };
  });
  return historyStore.insertHistoricalReports(tx, rows, { userId: principal.user.id, now });
}

/** Compares rows of an import with the reports kept: already imported, or repeating a report of Sigap. */
export async function matchHistory(
  tx: Tx,
  importId: string,
  probes: readonly historyStore.HistoryProbe[],
): Promise<Map<string, { existing: boolean; duplicateOf: string | null }>> {
  const found = await historyStore.matchHistoryProbes(tx, probes, importId);
  return new Map(found.map((row) => [row.key, { existing: row.existing, duplicateOf: row.duplicateOf }]));
}

/**
 * Whether the report table's statistics are stale after an import added `added` reports since they were taken,
 * when they counted `known`: once the table has grown by half (at least a chunk). The link trigger's look-ups
 * are planned from them; planned for an empty table they read every report for each row stored.
 */
export function statisticsStale(known: number, added: number, chunk: number): boolean {
  return added >= Math.max(chunk, known / 2);
}

/**
 * Keeps the planner's statistics of the report table up to date while an import fills it: call after each
 * chunk with the reports it added. An import into a nearly empty table (a new installation taking in its
 * history) would otherwise run on plans made for no rows until autovacuum next looks.
 */
export function importStatistics(db: Database, chunk: number): { added(rows: number): Promise<void> } {
  let known: number | undefined;
  let since = 0;
  return {
    async added(rows) {
      known ??= await db.asSystem((tx) => historyStore.reportsInStatistics(tx));
      since += rows;
      if (!statisticsStale(known, since, chunk)) return;
      known = await db.asSystem(async (tx) => {
        await historyStore.analyzeReports(tx);
        return historyStore.reportsInStatistics(tx);
      });
      since = 0;
    },
  };
}
