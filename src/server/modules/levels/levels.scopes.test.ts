import { walkScopes } from '../../../../test/scopes.ts';

walkScopes('levels', {
  'level.view': { method: 'GET', url: '/api/early-warning/levels?parent=35' },
  'level.recompute': { method: 'POST', url: '/api/early-warning/recompute' },
  'model.view': { method: 'GET', url: '/api/early-warning/settings' },
  'model.edit': { method: 'PUT', url: '/api/early-warning/settings', payload: {} },
});
