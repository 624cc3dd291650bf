// The conditions by which reports are filtered, the same for the reports list and the reports export (where
// each reads the region by its own columns). Reads the reports table as `r`.
import type { SqlWhere } from '../../platform/sql-where.ts';

/** The filters of reports apart from the region. */
export type ReportFacets = {
  kind?: string;
  conflictType?: string;
  status?: string;
  priority?: string;
  /** How the reports came in: web, api, odk … */
  channel?: string;
  vulnerableOnly?: boolean;
  /** When it happened: from (inclusive) to (exclusive). */
  from?: Date;
  to?: Date;
  /** Words to find in the report. */
  q?: string;
};

/** Adds to `where` the condition of each filter that is set. */
export function addReportFacets(where: SqlWhere, filter: ReportFacets): void {
  const { add } = where;
  if (filter.kind) add((p) => `r.kind = ${p}`, filter.kind);
  if (filter.conflictType) add((p) => `r.conflict_type = ${p}`, filter.conflictType);
  if (filter.status) add((p) => `r.status = ${p}`, filter.status);
  if (filter.priority) add((p) => `r.priority = ${p}`, filter.priority);
  if (filter.channel) add((p) => `r.channel = ${p}`, filter.channel);
  if (filter.vulnerableOnly) where.conditions.push('r.has_vulnerable');
  if (filter.from) add((p) => `r.occurred_at >= ${p}`, filter.from);
  if (filter.to) add((p) => `r.occurred_at < ${p}`, filter.to);
  // A root finds its derived forms and back (sigap_search_query, migrations/0010_case_closing.sql).
  if (filter.q) add((p) => `r.search @@ sigap_search_query(${p})`, filter.q);
}
