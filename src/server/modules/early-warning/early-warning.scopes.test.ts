import { walkScopes } from '../../../../test/scopes.ts';

/** An id no record has: a role the table allows is answered 404, one it refuses 403 before any look-up. */
const NONE = '00000000-0000-4000-8000-000000000000';

walkScopes('early-warning', {
  'level.view': { method: 'GET', url: '/api/early-warning/levels?parent=35' },
  'level.recompute': { method: 'POST', url: '/api/early-warning/recompute' },
  'model.view': { method: 'GET', url: '/api/early-warning/settings' },
  'model.edit': { method: 'PUT', url: '/api/early-warning/settings', payload: {} },
  'calendar.view': { method: 'GET', url: `/api/early-warning/events/${NONE}` },
  'calendar.plan': { method: 'POST', url: `/api/early-warning/events/${NONE}/cancel` },
  'calendar.correct': { method: 'DELETE', url: '/api/early-warning/calendar/overrides/satu_suro/1448' },
  'alert.view': { method: 'GET', url: '/api/alerts' },
  'alert.raise': {
    method: 'POST',
    url: '/api/alerts',
    payload: { regionCode: '35.09', level: 'waspada', headline: 'Uji peringatan Jember', description: '' },
  },
  'alert.respond': { method: 'POST', url: `/api/alerts/${NONE}/acknowledgement` },
  'webhook.manage': { method: 'GET', url: '/api/webhooks' },
  'group.view': { method: 'GET', url: '/api/actor-groups' },
  'group.keep': { method: 'PATCH', url: `/api/actor-groups/${NONE}`, payload: {} },
});
