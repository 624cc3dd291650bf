import { walkScopes } from '../../../../test/scopes.ts';

/** An id no record has: a role the table allows is answered 404, one it refuses 403 before any look-up. */
const NONE = '00000000-0000-4000-8000-000000000000';

walkScopes('calendar', {
  'calendar.view': { method: 'GET', url: `/api/early-warning/events/${NONE}` },
  'calendar.plan': { method: 'POST', url: `/api/early-warning/events/${NONE}/cancel` },
  'calendar.correct': { method: 'DELETE', url: '/api/early-warning/calendar/overrides/satu_suro/1448' },
});
