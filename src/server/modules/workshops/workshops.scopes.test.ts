import { walkScopes } from '../../../../test/scopes.ts';

walkScopes('workshops', {
  'workshop.organise': {
    method: 'POST',
    url: '/api/workshops',
    payload: {
      topic: 'Workshop Pencegahan Konflik Sosial Jember',
      startsAt: '2026-03-08T09:00:00+07:00',
      place: 'Aula Dinas Sosial Jember',
      kabkotaCode: '35.09',
    },
  },
});
