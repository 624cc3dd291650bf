import { walkScopes } from '../../../../test/scopes.ts';

walkScopes('webhooks', {
  'webhook.manage': { method: 'GET', url: '/api/webhooks' },
});
