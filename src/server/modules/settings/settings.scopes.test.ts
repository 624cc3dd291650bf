import { walkScopes } from '../../../../test/scopes.ts';

walkScopes('settings', {
  'settings.edit': {
    method: 'PUT',
    url: '/api/settings/sla',
    payload: {
      items: [{ priority: 'P4', acknowledgeMinutes: 1440, responseMinutes: 2880, resolveMinutes: 43200 }],
    },
  },
  'agency.manage': {
    method: 'PUT',
    url: '/api/agencies/lembaga-uji',
    payload: { name: 'Lembaga Uji', kabkotaCode: '35.09', isActive: true },
  },
});
