import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CalendarDay } from '../../../shared/calendar-date.ts';
import { ProvinceOrKabkotaCode } from '../../../shared/regions.ts';
import { StatsOverview } from '../../../shared/stats/stats-schema.ts';
import { routeTable } from '../../platform/routes.ts';
import * as stats from './stats-service.ts';

const day = CalendarDay;
/** The province or one kab/kota: the dashboard drills down one level at a time. */
const StatsScope = ProvinceOrKabkotaCode;

/** A Bakorwil's id (I … V), as the regions module names them. */
const BakorwilId = z.string().regex(/^[A-Z0-9-]{1,10}$/, 'kode Bakorwil');

/** Dashboard numbers, counted under the viewer's row-level security. */
export async function statsRoutes(app: FastifyInstance, deps: stats.StatsDeps): Promise<void> {
  routeTable(app, ['stats']).get(
    '/api/stats/overview',
    {
      summary:
        'Ringkasan dasbor: laporan per wilayah, jenis, kelompok rentan dan minggu; kasus terbuka; tenggat terlewat. ' +
        'Dengan bakorwil: hanya kabupaten/kota Bakorwil itu',
      querystring: z.object({
        scope: StatsScope.default('35'),
        bakorwil: BakorwilId.optional(),
        from: day.optional(),
        to: day.optional(),
      }),
      reply: StatsOverview,
    },
    (c) => stats.getOverview(deps, c.principal, c.query),
  );
}
