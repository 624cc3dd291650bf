import { walkScopes } from '../../../../test/scopes.ts';

walkScopes('users', {
  'account.tokens': { method: 'DELETE', url: '/api/tokens/00000000-0000-4000-8000-000000000000' },
  'account.resetCode': { method: 'POST', url: '/api/users/tidak-ada/reset-code' },
  'user.manage': { method: 'GET', url: '/api/users' },
});
