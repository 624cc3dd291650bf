import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyEtag from '@fastify/etag';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { benchRoutes } from './bench/bench-routes.ts';
import { alertsRoutes } from './modules/alerts/alerts-routes.ts';
import { authRoutes, installAuthentication } from './modules/auth/auth-routes.ts';
import { signInCodeRoutes } from './modules/auth/sign-in-code-routes.ts';
import { backupRoutes } from './modules/backup/backup-routes.ts';
import { calendarRoutes } from './modules/calendar/calendar-routes.ts';
import { casesRoutes } from './modules/cases/cases-routes.ts';
import { peopleRoutes } from './modules/cases/people-routes.ts';
import { channelsRoutes } from './modules/channels/channels-routes.ts';
import { evaluationRoutes } from './modules/evaluation/evaluation-routes.ts';
import { eventsRoutes } from './modules/events/events-routes.ts';
import { exportsRoutes } from './modules/exports/exports-routes.ts';
import { geoRoutes } from './modules/geo/geo-routes.ts';
import { healthRoutes } from './modules/health/health-routes.ts';
import { metricsRoutes } from './modules/health/metrics-routes.ts';
import { securityTxtRoutes } from './modules/health/security-txt-routes.ts';
import { historyRoutes } from './modules/history/history-routes.ts';
import { lessonsRoutes } from './modules/lessons/lessons-routes.ts';
import { levelsRoutes } from './modules/levels/levels-routes.ts';
import { noticesRoutes } from './modules/notices/notices-routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications-routes.ts';
import { odkRoutes } from './modules/odk/odk-routes.ts';
import { pillarsRoutes } from './modules/pillars/pillars-routes.ts';
import { privacyRoutes } from './modules/privacy/privacy-routes.ts';
import { provocationRoutes } from './modules/provocation/provocation-routes.ts';
import { regionsRoutes } from './modules/regions/regions-routes.ts';
import { groupsRoutes } from './modules/register/groups-routes.ts';
import { reportsRoutes } from './modules/reports/reports-routes.ts';
import { settingsRoutes } from './modules/settings/settings-routes.ts';
import { statsRoutes } from './modules/stats/stats-routes.ts';
import { textReadRoutes } from './modules/text-reader/text-read-routes.ts';
import { usersRoutes } from './modules/users/users-routes.ts';
import { webhooksRoutes } from './modules/webhooks/webhooks-routes.ts';
import { workshopsRoutes } from './modules/workshops/workshops-routes.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db.ts';
import type { EventBus } from './platform/events.ts';
import { installErrorHandler, installInputGuards, serializeRequestForLog } from './platform/http.ts';
import type { Jobs } from './platform/jobs.ts';
import { installMetrics } from './platform/metrics.ts';
import { watchPrincipalChanges } from './platform/principals.ts';
import { sharedRateLimitStore } from './platform/rate-limit-store.ts';
import { SIGAP_VERSION } from './platform/version.ts';

export type AppDeps = {
  config: Config;
  db: Database;
  logger?: FastifyServerOptions['logger'];
  /** Where services read the time; tests pass a fake clock. */
  clock?: Clock;
  /** Live events for GET /api/events; without it that route answers 503. */
  events?: EventBus;
  /** Background jobs, as a getter: they start after the app, whose logger they use. Absent: work waits. */
  jobs?: () => Jobs | undefined;
  /** Told of every route as it is added (the test that every route declares its reply schema). */
  onRoute?: (route: RouteOptions) => void;
};

const WEB_DIR = path.resolve(import.meta.dirname, '../../dist/web');

/** Builds the HTTP app: plugins, the one error handler, then every module in one list. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  const logger = deps.logger ?? { level: config.logLevel };
  const app = Fastify({
    // Requests are logged by route and parameter names only (no personal values: serializeRequestForLog).
    logger:
      typeof logger === 'object'
        ? { ...logger, serializers: { ...logger.serializers, req: serializeRequestForLog } }
        : logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    // Connections stay open between requests (browsers, the field app's sync, a proxy in front): longer than the
    // 60 s idle time of common proxies, so the proxy, not Sigap, closes an idle connection (decision 0028).
    keepAliveTimeout: 72_000,
    // On shutdown idle keep-alive connections close at once; those in a request finish it.
    forceCloseConnections: 'idle',
    // Built-in HTTPS (TLS_CERT_FILE/TLS_KEY_FILE); the routes and hooks are the same either way.
    ...(config.tls
      ? { https: { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) } }
      : {}),
  });
  if (deps.onRoute) app.addHook('onRoute', deps.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // What the API answers is the asker's own view, often with personal data: no shared cache (an office proxy)
    // may keep it, and the browser asks again each time (a 304 by ETag when nothing changed). Routes that know
    // better (regions, boundaries, public alerts, files) set their own.
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'private, no-cache');
  });
  installErrorHandler(app);
  installInputGuards(app);
  // Request counts and durations by route pattern, and the gauges read at scrape time (GET /metrics).
  const metrics = installMetrics(app, { db, events: deps.events });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // On plain HTTP (a laptop on the office LAN) upgrading would break every script and stylesheet.
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  // A GET's reply carries a hash of its body (ETag); the same If-None-Match gets 304 with no body. Registered
  // before compression, so the hash is of the JSON, whatever encoding a browser accepts (decision 0028).
  await app.register(fastifyEtag);
  // JSON and other text over 1 KiB travel compressed: brotli at quality 4 (near gzip's CPU cost, smaller), else
  // gzip. Boundaries and the built web app arrive already compressed and pass through untouched.
  await app.register(fastifyCompress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  // Several instances share one PostgreSQL, so they share the counters too; the embedded database has one process.
  await app.register(fastifyRateLimit, {
    global: false,
    ...(db.kind === 'postgresql' ? { store: sharedRateLimitStore(db) } : {}),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Sigap API',
        description: 'API Sigap — penanganan konflik sosial Jawa Timur',
        version: SIGAP_VERSION,
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'sigap_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installAuthentication(app, db, config);
  const stopWatchingPrincipals = await watchPrincipalChanges(db, { log: app.log });
  app.addHook('onClose', async () => stopWatchingPrincipals());

  const clock = deps.clock ?? systemClock;
  const moduleDeps = { db, config, clock, events: deps.events, jobs: deps.jobs, metrics };
  const modules: Array<(app: FastifyInstance, deps: typeof moduleDeps) => Promise<void>> = [
    healthRoutes,
    securityTxtRoutes,
    metricsRoutes,
    authRoutes,
    signInCodeRoutes,
    usersRoutes,
    regionsRoutes,
    reportsRoutes,
    pillarsRoutes,
    casesRoutes,
    peopleRoutes,
    settingsRoutes,
    geoRoutes,
    statsRoutes,
    textReadRoutes,
    evaluationRoutes,
    lessonsRoutes,
    workshopsRoutes,
    eventsRoutes,
    notificationsRoutes,
    noticesRoutes,
    alertsRoutes,
    groupsRoutes,
    levelsRoutes,
    calendarRoutes,
    webhooksRoutes,
    odkRoutes,
    channelsRoutes,
    provocationRoutes,
    backupRoutes,
    exportsRoutes,
    historyRoutes,
    privacyRoutes,
  ];
  for (const routes of modules) {
    await app.register(routes, moduleDeps);
  }
  if (config.benchMode) await app.register(benchRoutes, moduleDeps);

  const hasWeb = existsSync(path.join(WEB_DIR, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: WEB_DIR,
      prefix: '/',
      wildcard: false,
      // The build writes .br and .gz beside each text file (vite.config.ts): sent to browsers that accept them.
      preCompressed: true,
      // Hashed assets never change; the page itself must always be revalidated (slow networks save the rest).
      setHeaders: (res, filePath) => {
        res.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: unknown non-API pages get its index page.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    return reply
      .status(404)
      .send({ error: { code: 'not_found', message: `Alamat ${request.url} tidak ditemukan` } });
  });
  return app;
}
