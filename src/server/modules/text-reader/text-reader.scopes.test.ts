import { walkScopes } from '../../../../test/scopes.ts';

walkScopes('text-reader', {
  'text.read': {
    method: 'POST',
    url: '/api/text/read',
    payload: { text: 'Ada tawuran pemuda di Ambulu, dua orang luka.' },
  },
  'text.accuracy': { method: 'GET', url: '/api/text/read/accuracy' },
});
