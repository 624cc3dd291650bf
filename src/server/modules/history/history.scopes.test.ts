import { walkScopes } from '../../../../test/scopes.ts';

// Every step of an import asks the table first: a made-up import is refused (403) to the roles left out, and
// not found (404) for the province and the admin. The upload itself is refused in history.test.ts.
walkScopes('history', {
  'history.import': {
    method: 'POST',
    url: '/api/history-imports/00000000-0000-4000-8000-000000000000/dry-run',
    payload: { mapping: { date: 'Tanggal', place: ['Lokasi'] } },
    allowedAnswer: 404,
  },
});
