import { walkScopes } from '../../../../test/scopes.ts';

walkScopes('regions', {
  'region.edit': {
    method: 'PUT',
    url: '/api/bakorwil/ZZ',
    payload: { name: 'Bakorwil Uji', seat: 'Jember', members: ['35.09'] },
  },
});
