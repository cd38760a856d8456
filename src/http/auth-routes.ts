import type { FastifyInstance } from 'fastify';
import type { AppServices } from './app-services.js';
import { errorSchema } from './error-handler.js';
import { SESSION_COOKIE, requireUser, sessionId, setSessionCookie } from './session.js';
import { userView } from './views.js';

const tags = ['auth'];
const userSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string' },
  },
} as const;

export async function authRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  app.post<{ Body: { username: string; password: string } }>(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Sign in as an agent or admin; sets an httpOnly session cookie',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 100 },
            password: { type: 'string', minLength: 1, maxLength: 200 },
          },
          required: ['username', 'password'],
        },
        response: {
          200: { type: 'object', properties: { user: userSchema } },
          400: errorSchema,
          401: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const {
        user,
        sessionId: id,
        expiresAt,
      } = await services.auth.login(request.body.username, request.body.password);
      setSessionCookie(services, reply, id, expiresAt);
      request.log.info({ userId: user.id }, 'signed in');
      return { user: userView(user) };
    },
  );

  app.post('/api/auth/logout', { schema: { tags, summary: 'Sign out' } }, async (request, reply) => {
    await services.auth.logout(sessionId(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user',
        response: { 200: { type: 'object', properties: { user: userSchema } }, 401: errorSchema },
      },
    },
    async (request) => ({ user: userView(await requireUser(services, request, 'agent')) }),
  );
}
