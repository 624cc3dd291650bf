import type { Role } from '../users.ts';

/**
 * The history import (docs/HISTORY-IMPORT.md): past incidents of the whole province shape every region's
 * early-warning baseline, so only the province and the admin bring them in. A kab/kota sends its spreadsheet
 * to the province; an operator's import would move the baselines of regions outside its scope.
 */
export const HISTORY_PERMISSIONS = {
  'history.import': ['provinsi', 'admin'] as readonly Role[],
} as const;
