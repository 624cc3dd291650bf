import { walkScopes } from '../../../../test/scopes.ts';
import type { HandlingLevel } from '../../../shared/escalation/ladder.ts';
import { Role } from '../../../shared/users.ts';

/** The step of the ladder at which each office role acknowledges (the admin as the province). */
const STEP_OF: Partial<Record<Role, HandlingLevel>> = {
  koordinator: 'bakorwil',
  provinsi: 'provinsi',
  admin: 'provinsi',
};

walkScopes(
  'alerts',
  {
    'alert.view': { method: 'GET', url: '/api/alerts' },
    'alert.raise': {
      method: 'POST',
      url: '/api/alerts',
      payload: { regionCode: '35.09', level: 'waspada', headline: 'Uji peringatan Jember', description: '' },
    },
    // An alert over Jember for each role (an alert is acknowledged once), at the step of the ladder that role
    // handles: the deadline job moves it up to the koordinator and the province when nobody answers below.
    'alert.respond': { method: 'POST', url: ({ ids }, role) => `/api/alerts/${ids[role]}/acknowledgement` },
  },
  async ({ t, as, ids }) => {
    for (const role of Role.options) {
      const raised = await t.call(as.koordinator, 'POST', '/api/alerts', {
        regionCode: '35.09',
        level: 'siaga',
        headline: `Uji peringatan Jember untuk ${role}`,
        description: '',
      });
      if (raised.statusCode !== 201) throw new Error(`alert not raised: ${raised.body}`);
      ids[role] = raised.json().id;
      await t.db.asSystem((tx) =>
        tx.query('UPDATE alerts SET handling_level = $2 WHERE id = $1', [
          ids[role],
          STEP_OF[role] ?? 'kabkota',
        ]),
      );
    }
  },
);
