import type { Role } from '../users.ts';
import { STAFF } from './roles.ts';

/**
 * Exports (docs/EXPORTS.md): the office exports what its lists show; a partner agency exports only the cases
 * disposed to it (row-level security narrows the rows, this table opens the door). Personal data in an export
 * is a further step: only handlers, only when asked for, and each view access-logged.
 */
export const EXPORT_PERMISSIONS = {
  'export.reports': STAFF,
  'export.cases': [...STAFF, 'mitra'] as readonly Role[],
  'export.alerts': STAFF,
  'export.pillars': STAFF,
  /** The records behind an evaluation figure: those who see the evaluation (its scope checked as for the list). */
  'export.evaluation': STAFF,
  /** Names in an export: of vulnerable people in the cases the asker handles, of pillars for their managers. */
  'export.personal': ['operator', 'koordinator', 'provinsi', 'admin'] as readonly Role[],
} as const;
