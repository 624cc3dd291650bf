import { walkScopes } from '../../../../test/scopes.ts';
import { Role } from '../../../shared/users.ts';

const LESSON = {
  title: 'Pertemuan pengurus ranting sebelum malam pengesahan',
  situation: 'Ajakan balas dendam beredar tiga hari sebelum pengesahan warga baru di Kecamatan Tanggul.',
  actionsTaken: 'Operator mempertemukan pengurus ranting kedua perguruan di balai desa.',
  whatWorked: 'Pertemuan sebelum malam pengesahan meredakan ketegangan; rute konvoi diubah.',
  whatToAvoid: 'Jangan menunggu konvoi berangkat.',
  conflictType: 'antar_perguruan_silat',
  regionCode: '35.09.06',
};

walkScopes(
  'lessons',
  {
    'lesson.write': { method: 'POST', url: '/api/lessons', payload: LESSON },
    // A submitted lesson of the Jember operator's for each role: its author may not review it, nor may roles
    // that only write; a lesson not yet published is not shown to a relawan or a partner agency at all.
    'lesson.review': {
      method: 'POST',
      url: ({ ids }, role) => `/api/lessons/${ids[role]}/return`,
      payload: { note: 'Mohon lengkapi langkah yang diambil.' },
      hiddenFrom: ['relawan', 'mitra', 'ppdp'],
    },
  },
  async ({ t, as, ids }) => {
    for (const role of Role.options) {
      const created = await t.call(as.operator, 'POST', '/api/lessons', LESSON);
      ids[role] = created.json().id;
      const submitted = await t.call(as.operator, 'POST', `/api/lessons/${ids[role]}/submit`);
      if (submitted.statusCode !== 200) throw new Error(`lesson not submitted: ${submitted.body}`);
    }
  },
);
