import { walkScopes } from '../../../../test/scopes.ts';

/** An id no record has: a role the table allows is answered 404, one it refuses 403 before any look-up. */
const NONE = '00000000-0000-4000-8000-000000000000';

walkScopes('calendar', {
  'calendar.view': { method: 'GET', url: '/api/early-warning/calendar?from=2026-07-01&to=2026-07-31' },
  'calendar.plan': { method: 'POST', url: `/api/early-warning/events/${NONE}/cancel`, allowedAnswer: 404 },
  // No override of that date is set: the admin is answered 404 after the role check.
  'calendar.correct': {
    method: 'DELETE',
    url: '/api/early-warning/calendar/overrides/satu_suro/1448',
    allowedAnswer: 404,
  },
});
