// Builds the Fastify application from services (no I/O of its own beyond serving; the composition root
// in server.ts wires the real adapters).
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { installSecurityHeaders } from './security-headers.js';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { adminRoutes } from './admin-routes.js';
import { agentRoutes } from './agent-routes.js';
import { agentStream } from './agent-stream.js';
import type { AppServices } from './app-services.js';
import { authRoutes } from './auth-routes.js';
import { customerRoutes } from './customer-routes.js';
import { customerStream } from './customer-stream.js';
import { installErrorHandling } from './error-handler.js';
import { kbFileRoutes } from './kb-file-routes.js';
import { kbLifecycleRoutes } from './kb-lifecycle-routes.js';
import { kbRegressionRoutes } from './kb-regression-routes.js';
import { registerEvidenceRoutes } from './evidence-routes-index.js';
import { registerLearningRoutes } from './learning-routes-index.js';
import { routingRoutes } from './routing-routes.js';
import { insightRoutes } from './insight-routes.js';
import { customerProfileRoutes } from './customer-profile-routes.js';

export async function buildApp(services: AppServices): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Privacy: never log tokens, cookies or message bodies.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.query.token'],
    },
    bodyLimit: config.bodyLimit,
    trustProxy: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  });
  installErrorHandling(app);
  installSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.requestRateLimit,
    timeWindow: '1 minute',
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Zhida 智达客服 API',
        version: '1.0.0',
        description: 'Customer API v1, agent console and admin APIs.',
      },
      components: {
        securitySchemes: {
          conversationToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'The token returned when the conversation was created',
          },
          session: { type: 'apiKey', in: 'cookie', name: 'zhida_session' },
        },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  app.get(
    '/healthz',
    { schema: { tags: ['ops'], summary: 'Liveness and the live KB version' } },
    async () => {
      const active = services.models.current();
      return {
        ok: true,
        storage: services.storage.kind,
        kbVersion: active.kbVersion,
        entries: active.entries.size,
      };
    },
  );

  await customerRoutes(app, services);
  await customerStream(app, services);
  await authRoutes(app, services);
  await agentRoutes(app, services);
  await agentStream(app, services);
  await adminRoutes(app, services);
  await kbLifecycleRoutes(app, services);
  await kbRegressionRoutes(app, services);
  await kbFileRoutes(app, services);
  await registerEvidenceRoutes(app, services);
  await routingRoutes(app, services);
  await registerLearningRoutes(app, services);
  await insightRoutes(app, services);
  await customerProfileRoutes(app, services);
  await serveWebApps(app, config.webDir);
  return app;
}

async function serveWebApps(app: FastifyInstance, webDir: string): Promise<void> {
  if (!existsSync(path.join(webDir, 'index.html'))) {
    app.log.warn({ webDir }, 'web apps are not built; run `npm run build:web`');
    app.get('/', async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('Zhida is running, but the web apps are not built: run `npm run build:web`.'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: webDir, prefix: '/', index: ['index.html'], wildcard: true });
  for (const page of ['console', 'admin']) {
    app.get(`/${page}`, (_request, reply) => reply.sendFile(`${page}/index.html`));
  }
}
