import { walkScopes } from '../../../../test/scopes.ts';

walkScopes('pillars', {
  'pillar.view': { method: 'GET', url: '/api/pillars' },
  'pillar.manage': { method: 'GET', url: '/api/pillars/imports/00000000-0000-4000-8000-000000000000' },
});
