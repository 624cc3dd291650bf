import { walkScopes } from '../../../../test/scopes.ts';

walkScopes('odk', {
  'odk.devices': { method: 'GET', url: '/api/odk/devices' },
});
