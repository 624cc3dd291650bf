import { walkScopes } from '../../../../test/scopes.ts';

walkScopes('stats', {
  'stats.view': { method: 'GET', url: '/api/stats/overview?scope=35' },
});
