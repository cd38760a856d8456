// Agent and admin sign-in: scrypt passwords, opaque session ids in httpOnly cookies (only their sha256
// is stored), role checks done by the HTTP layer with requireUser().
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors.js';
import type { Role, Storage, UserRecord } from '../storage/ports.js';
import { hashPassword, verifyPassword } from './passwords.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

// Verifying against a real hash even for unknown users keeps the response time the same.
const DUMMY_HASH_PROMISE = hashPassword('zhida-no-such-user');

export function createAuth(deps: {
  storage: Storage;
  clock: () => number;
  newId: () => string;
  sessionHours: number;
}) {
  const { storage, clock, newId } = deps;

  async function createUser(input: {
    username: string;
    displayName: string;
    role: Role;
    password: string;
  }): Promise<UserRecord> {
    return storage.users.create({
      id: newId(),
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      createdAt: clock(),
    });
  }

  async function login(
    username: string,
    password: string,
  ): Promise<{ user: UserRecord; sessionId: string; expiresAt: number }> {
    const user = await storage.users.getByUsername(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!user || !ok) throw new AppError('UNAUTHORIZED', 'wrong username or password');
    const sessionId = randomBytes(32).toString('base64url');
    const now = clock();
    const expiresAt = now + deps.sessionHours * 3_600_000;
    await storage.sessions.create({ idHash: sha256(sessionId), userId: user.id, createdAt: now, expiresAt });
    return { user, sessionId, expiresAt };
  }

  async function userForSession(sessionId: string | undefined): Promise<UserRecord | null> {
    if (!sessionId) return null;
    const session = await storage.sessions.get(sha256(sessionId), clock());
    return session ? storage.users.getById(session.userId) : null;
  }

  async function logout(sessionId: string | undefined): Promise<void> {
    if (sessionId) await storage.sessions.delete(sha256(sessionId));
  }

  return { createUser, login, logout, userForSession };
}

export type Auth = ReturnType<typeof createAuth>;

/** Admins may do everything agents may. */
export function hasRole(user: UserRecord, role: Role): boolean {
  return user.role === role || user.role === 'admin';
}
