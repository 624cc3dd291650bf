import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LevelDetail, RecomputeResult } from '../../../shared/early-warning/early-warning-replies.ts';
import { LevelItem, LevelsQuery } from '../../../shared/early-warning/early-warning-schema.ts';
import { EarlyWarningSettings } from '../../../shared/early-warning/level-model.ts';
import { RegionCode } from '../../../shared/regions.ts';
import { routeTable } from '../../platform/routes.ts';
import * as levels from './levels-service.ts';
import * as settings from './model-settings-service.ts';

/** Early-warning levels per region, their recompute, and the model's thresholds and parameters. */
export async function levelsRoutes(app: FastifyInstance, deps: levels.LevelDeps): Promise<void> {
  const on = routeTable(app, ['early-warning'], deps);

  on.list(
    '/api/early-warning/levels',
    {
      summary: 'Tingkat kerawanan tiap wilayah di bawah parent (35 → kab/kota; 35.09 → kecamatan)',
      querystring: LevelsQuery,
      item: LevelItem,
    },
    ({ principal, query }) => levels.listLevels(deps, principal, query.parent),
  );
  on.get(
    '/api/early-warning/levels/:code',
    {
      summary: 'Tingkat satu kecamatan atau kab/kota dengan riwayat perubahannya',
      params: z.object({ code: RegionCode }),
      reply: LevelDetail,
    },
    ({ principal, params }) => levels.getLevel(deps, principal, params.code),
  );
  on.direct.post(
    '/api/early-warning/recompute',
    { summary: 'Hitung ulang semua tingkat sekarang (provinsi, admin)', reply: RecomputeResult },
    levels.recomputeNow,
  );
  on.get(
    '/api/early-warning/settings',
    { summary: 'Ambang dan parameter model', reply: EarlyWarningSettings },
    ({ principal }) => settings.getSettings(deps.db, principal),
  );
  on.direct.put(
    '/api/early-warning/settings',
    {
      summary: 'Ubah ambang dan parameter (admin)',
      body: z.record(z.string(), z.unknown()),
      reply: EarlyWarningSettings,
    },
    settings.updateSettings,
  );
}
