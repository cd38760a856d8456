// Session cookie handling and role checks for agent and admin routes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { hasRole } from '../services/auth.js';
import type { Role, UserRecord } from '../storage/ports.js';
import type { AppServices } from './app-services.js';

export const SESSION_COOKIE = 'zhida_session';

export function sessionId(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE];
}

/** The signed-in user with at least `role`, or a 401/403 AppError. */
export async function requireUser(
  services: AppServices,
  request: FastifyRequest,
  role: Role,
): Promise<UserRecord> {
  const user = await services.auth.userForSession(sessionId(request));
  if (!user) throw new AppError('UNAUTHORIZED', 'please sign in');
  if (!hasRole(user, role)) throw new AppError('FORBIDDEN', `this needs the ${role} role`);
  return user;
}

export function setSessionCookie(
  services: AppServices,
  reply: FastifyReply,
  id: string,
  expiresAt: number,
): void {
  reply.setCookie(SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'lax',
    secure: services.config.secureCookies,
    path: '/',
    expires: new Date(expiresAt),
  });
}
