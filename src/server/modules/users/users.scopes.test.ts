import { walkScopes } from '../../../../test/scopes.ts';

walkScopes('users', {
  // A made-up token and user: a role the table allows is answered 404 after the role check.
  'account.tokens': {
    method: 'DELETE',
    url: '/api/tokens/00000000-0000-4000-8000-000000000000',
    allowedAnswer: 404,
  },
  'account.resetCode': { method: 'POST', url: '/api/users/tidak-ada/reset-code', allowedAnswer: 404 },
  'user.manage': { method: 'GET', url: '/api/users' },
});
