import { walkScopes } from '../../../../test/scopes.ts';

/** An id no record has: a role the table allows is answered 404, one it refuses 403 before any look-up. */
const NONE = '00000000-0000-4000-8000-000000000000';

walkScopes('alerts', {
  'alert.view': { method: 'GET', url: '/api/alerts' },
  'alert.raise': {
    method: 'POST',
    url: '/api/alerts',
    payload: { regionCode: '35.09', level: 'waspada', headline: 'Uji peringatan Jember', description: '' },
  },
  'alert.respond': { method: 'POST', url: `/api/alerts/${NONE}/acknowledgement` },
});
