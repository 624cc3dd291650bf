import { walkScopes } from '../../../../test/scopes.ts';

walkScopes('evaluation', {
  'evaluation.view': { method: 'GET', url: '/api/evaluations/summary' },
});
