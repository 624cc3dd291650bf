import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { authRoutes, installAuthentication } from './modules/auth/auth-routes.ts';
import { eventsRoutes } from './modules/events/events-routes.ts';
import { healthRoutes } from './modules/health/health-routes.ts';
import { regionsRoutes } from './modules/regions/regions-routes.ts';
import { usersRoutes } from './modules/users/users-routes.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db.ts';
import type { EventBus } from './platform/events.ts';
import { installErrorHandler } from './platform/http.ts';
import { SIGAP_VERSION } from './platform/version.ts';

export type AppDeps = {
  config: Config;
  db: Database;
  logger?: FastifyServerOptions['logger'];
  /** Live events for GET /api/events; without it that route answers 503. */
  events?: EventBus;
};

const WEB_DIR = path.resolve(import.meta.dirname, '../../dist/web');

/** Builds the HTTP app: plugins, the one error handler, then every module in one list. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installErrorHandler(app);

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
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
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

  const moduleDeps = { db, config, events: deps.events };
  const modules: Array<(app: FastifyInstance, deps: typeof moduleDeps) => Promise<void>> = [
    healthRoutes,
    authRoutes,
    usersRoutes,
    regionsRoutes,
    eventsRoutes,
  ];
  for (const routes of modules) {
    await app.register(routes, moduleDeps);
  }

  if (existsSync(path.join(WEB_DIR, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIR, prefix: '/', wildcard: false });
    // The web app routes on the client: unknown non-API paths get its index page.
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/') || request.method !== 'GET') {
        return reply
          .status(404)
          .send({ error: { code: 'not_found', message: `Alamat ${request.url} tidak ditemukan` } });
      }
      return reply.sendFile('index.html');
    });
  }
  return app;
}
