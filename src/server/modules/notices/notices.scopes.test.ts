import { walkScopes } from '../../../../test/scopes.ts';

// Every role manages its own notices; the walk checks nobody is refused (and that the table says so).
walkScopes('notices', {
  'notice.settings': { method: 'GET', url: '/api/notices/settings' },
});
