import { walkScopes } from '../../../../test/scopes.ts';

walkScopes('pillars', {
  'pillar.view': { method: 'GET', url: '/api/pillars' },
  'pillar.configure': {
    method: 'PUT',
    url: '/api/pillars/skills/keahlian_uji',
    payload: { label: 'Keahlian uji' },
  },
  'pillar.coverage': { method: 'GET', url: '/api/pillars/coverage?region=35.09&type=tagana' },
  // Accounts for the pillars of a region with none registered: an empty list for those allowed.
  'pillar.accounts': { method: 'POST', url: '/api/pillars/accounts', payload: { region: '35.09' } },
  'pillar.manage': {
    method: 'GET',
    url: '/api/pillars/imports/00000000-0000-4000-8000-000000000000',
    allowedAnswer: 404,
  },
});
