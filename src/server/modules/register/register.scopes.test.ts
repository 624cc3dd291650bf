import { walkScopes } from '../../../../test/scopes.ts';

/** An id no record has: a role the table allows is answered 404, one it refuses 403 before any look-up. */
const NONE = '00000000-0000-4000-8000-000000000000';

walkScopes('register', {
  'group.view': { method: 'GET', url: '/api/actor-groups' },
  'group.keep': { method: 'PATCH', url: `/api/actor-groups/${NONE}`, payload: {}, allowedAnswer: 404 },
});
