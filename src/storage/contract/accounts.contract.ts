// Contract: UserRepository and SessionRepository.
import { describe, expect, it } from 'vitest';
import { StorageConflictError } from '../ports.js';
import { newUser, T0, uid, useStorage, type OpenStorage } from './fixtures.contract.js';

export function accountCases(open: OpenStorage): void {
  describe('users', () => {
    const storage = useStorage(open);
    const users = () => storage().users;

    it('starts with no users', async () => {
      expect(await users().count()).toBe(0);
      expect(await users().list()).toEqual([]);
    });

    it('creates a user and finds it by id and by username', async () => {
      const user = newUser({ displayName: '王芳 🌸', role: 'admin' });
      expect(await users().create(user)).toStrictEqual(user);
      expect(await users().getById(user.id)).toStrictEqual(user);
      expect(await users().getByUsername(user.username)).toStrictEqual(user);
      expect(await users().getById(uid('none'))).toBeNull();
      expect(await users().getByUsername(uid('none'))).toBeNull();
    });

    it('refuses a taken username with StorageConflictError and keeps the first user', async () => {
      const first = newUser();
      await users().create(first);
      const count = await users().count();
      const error = await users()
        .create(newUser({ username: first.username, displayName: 'impostor' }))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageConflictError);
      expect(await users().getByUsername(first.username)).toStrictEqual(first);
      expect(await users().count()).toBe(count);
    });

    it('of concurrent sign-ups with one username exactly one succeeds', async () => {
      const username = uid('race');
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, () => users().create(newUser({ username }))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results)
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(StorageConflictError);
    });

    it('lists users oldest first and counts them', async () => {
      const before = await users().count();
      const late = newUser({ createdAt: T0 + 2_000_000 });
      const early = newUser({ createdAt: T0 + 1_000_000 });
      await users().create(late);
      await users().create(early);
      expect(await users().count()).toBe(before + 2);
      const ids = (await users().list()).map((u) => u.id);
      expect(ids.indexOf(early.id)).toBeLessThan(ids.indexOf(late.id));
      expect(ids).toHaveLength(before + 2);
    });
  });

  describe('sessions', () => {
    const storage = useStorage(open);
    const sessions = () => storage().sessions;
    const session = async (expiresAt: number) => {
      const user = await storage().users.create(newUser());
      return { idHash: uid('sid'), userId: user.id, createdAt: T0, expiresAt };
    };

    it('returns a session until it expires', async () => {
      const s = await session(T0 + 1000);
      await sessions().create(s);
      expect(await sessions().get(s.idHash, T0 + 999)).toStrictEqual(s);
      expect(await sessions().get(s.idHash, T0 + 1000)).toBeNull();
      expect(await sessions().get(uid('none'), T0)).toBeNull();
    });

    it('deletes a session', async () => {
      const s = await session(T0 + 1000);
      await sessions().create(s);
      await sessions().delete(s.idHash);
      expect(await sessions().get(s.idHash, T0)).toBeNull();
      await expect(sessions().delete(s.idHash)).resolves.toBeUndefined();
    });

    it('deleteExpired removes only expired sessions and says how many', async () => {
      const now = T0 + 10_000_000;
      await sessions().deleteExpired(now - 10); // sessions of earlier cases
      const expired = [await session(now - 1), await session(now)];
      const live = await session(now + 1);
      for (const s of [...expired, live]) await sessions().create(s);
      expect(await sessions().deleteExpired(now)).toBe(2);
      expect(await sessions().get(live.idHash, now)).toStrictEqual(live);
      expect(await sessions().deleteExpired(now)).toBe(0);
    });

    it('refuses a session of an unknown user (foreign keys are enforced)', async () => {
      await expect(
        sessions().create({ idHash: uid('sid'), userId: uid('ghost'), createdAt: T0, expiresAt: T0 + 1 }),
      ).rejects.toThrow();
    });
  });
}
