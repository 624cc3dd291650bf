import { walkScopes } from '../../../../test/scopes.ts';

walkScopes('backup', {
  'backup.manage': { method: 'GET', url: '/api/admin/backups' },
  'audit.view': { method: 'GET', url: '/api/admin/audit-head' },
});
