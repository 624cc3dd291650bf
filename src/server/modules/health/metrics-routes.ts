import type { FastifyInstance } from 'fastify';
import type { Config } from '../../platform/config.ts';
import { DomainError } from '../../platform/errors.ts';
import { type AppMetrics, metricsAccess } from '../../platform/metrics.ts';

/**
 * GET /metrics in Prometheus's text format: open to requests from this machine, to others only with
 * METRICS_TOKEN as a bearer token (404 when no token is configured, 401 for a missing or wrong one).
 */
export async function metricsRoutes(
  app: FastifyInstance,
  deps: { config: Config; metrics?: AppMetrics },
): Promise<void> {
  const { config, metrics } = deps;
  if (!metrics) return;
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const access = metricsAccess(request, config.metricsToken);
    if (access === 'hidden') throw new DomainError('not_found', `Alamat ${request.url} tidak ditemukan`);
    if (access === 'refused') {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new DomainError(
        'unauthenticated',
        'Token metrik salah atau tidak ada / wrong or missing metrics token',
      );
    }
    const body = await metrics.scrape();
    return reply
      .header('content-type', metrics.registry.contentType)
      .header('cache-control', 'no-store')
      .send(body);
  });
}
