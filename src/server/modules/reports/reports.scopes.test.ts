import { reportPayload } from '../../../../test/fixtures.ts';
import { walkScopes } from '../../../../test/scopes.ts';

walkScopes(
  'reports',
  {
    'report.submit': { method: 'POST', url: '/api/reports', payload: () => reportPayload() },
    // The relawan's own report in Jember: every office role sees it, the relawan as its reporter; a partner
    // agency and the data protection officer (no region through row security) do not see it at all.
    'report.handle': {
      method: 'POST',
      url: ({ ids }) => `/api/reports/${ids.report}/acknowledgement`,
      hiddenFrom: ['mitra', 'ppdp'],
    },
  },
  async ({ t, as, ids }) => {
    const payload = reportPayload();
    const res = await t.call(as.relawan, 'POST', '/api/reports', payload);
    if (res.statusCode !== 201) throw new Error(`report not filed: ${res.statusCode} ${res.body}`);
    ids.report = payload.id as string;
  },
);
