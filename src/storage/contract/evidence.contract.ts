// Contract: KeyRepository (one key per purpose, whoever writes first) and RatingRepository.
import { describe, expect, it } from 'vitest';
import type { KeyRecord } from '../ports.js';
import { newConversation, newUser, T0, uid, useStorage, type OpenStorage } from './fixtures.contract.js';

const keyRecord = (id: string, n: number): KeyRecord => ({
  id,
  algorithm: 'ed25519',
  publicKeyPem: `public-${n}`,
  privateKeyPem: `private-${n}`,
  fingerprint: `fp-${n}`,
  createdAt: T0 + n,
});

export function evidenceCases(open: OpenStorage): void {
  describe('keys', () => {
    const storage = useStorage(open);

    it('stores the first key for a purpose and returns it to every later caller', async () => {
      const id = uid('key');
      expect(await storage().keys.get(id)).toBeNull();
      expect(await storage().keys.getOrCreate(keyRecord(id, 1))).toStrictEqual(keyRecord(id, 1));
      expect(await storage().keys.getOrCreate(keyRecord(id, 2))).toStrictEqual(keyRecord(id, 1));
      expect(await storage().keys.get(id)).toStrictEqual(keyRecord(id, 1));
    });

    it('replaces a private key only while it is the one the caller read', async () => {
      const id = uid('key');
      await storage().keys.getOrCreate(keyRecord(id, 1));
      expect(await storage().keys.replacePrivateKey(id, 'private-9', 'sealed-1')).toBe(false);
      expect((await storage().keys.get(id))?.privateKeyPem).toBe('private-1');
      expect(await storage().keys.replacePrivateKey(id, 'private-1', 'sealed-1')).toBe(true);
      expect(await storage().keys.get(id)).toStrictEqual({ ...keyRecord(id, 1), privateKeyPem: 'sealed-1' });
      expect(await storage().keys.replacePrivateKey(id, 'private-1', 'sealed-2')).toBe(false);
      expect(await storage().keys.replacePrivateKey(uid('key'), 'private-1', 'x')).toBe(false);
    });

    it('of concurrent first starts, all get the same key', async () => {
      const id = uid('key');
      const got = await Promise.all([1, 2, 3, 4].map((n) => storage().keys.getOrCreate(keyRecord(id, n))));
      expect(new Set(got.map((k) => k.privateKeyPem)).size).toBe(1);
    });
  });

  describe('ratings', () => {
    const storage = useStorage(open);
    const ratings = () => storage().ratings;
    const conversation = async (agentId: string | null = null) =>
      storage().conversations.create(newConversation({ assignedAgentId: agentId }));
    const rating = (
      conversationId: string,
      score: 1 | 2 | 3 | 4 | 5,
      createdAt: number,
      comment: string | null = null,
    ) => ({
      id: uid('rating'),
      conversationId,
      score,
      comment,
      createdAt,
    });

    it('keeps one current rating per conversation; rating again supersedes and records the earlier one', async () => {
      const c = await conversation();
      expect(await ratings().current(c.id)).toBeNull();
      const first = await ratings().add(rating(c.id, 2, T0 + 10, '等太久了 😞'));
      expect(first).toStrictEqual({
        ...rating(c.id, 2, T0 + 10),
        id: first.id,
        comment: '等太久了 😞',
        supersededAt: null,
      });
      const second = await ratings().add(rating(c.id, 5, T0 + 20));
      expect(await ratings().current(c.id)).toStrictEqual(second);
      expect(await ratings().history(c.id)).toStrictEqual([{ ...first, supersededAt: T0 + 20 }, second]);
    });

    it('refuses a rating of an unknown conversation or outside 1–5', async () => {
      await expect(ratings().add(rating(uid('ghost'), 3, T0))).rejects.toThrow();
      const c = await conversation();
      await expect(ratings().add({ ...rating(c.id, 3, T0), score: 6 as 5 })).rejects.toThrow();
      expect(await ratings().current(c.id)).toBeNull();
    });

    it('lists and summarises current ratings only, by time window and by agent', async () => {
      const agent = await storage().users.create(newUser());
      const base = T0 + 1_000_000;
      const a = await conversation(agent.id);
      const b = await conversation(agent.id);
      const other = await conversation();
      await ratings().add(rating(a.id, 1, base + 1));
      await ratings().add(rating(a.id, 4, base + 2)); // replaces the 1
      await ratings().add(rating(b.id, 5, base + 3));
      await ratings().add(rating(other.id, 3, base + 4));
      const window = { since: base, until: base + 100 };
      expect((await ratings().list({ ...window, limit: 10 })).map((r) => r.score)).toEqual([3, 5, 4]);
      expect((await ratings().list({ ...window, limit: 1, offset: 1 })).map((r) => r.score)).toEqual([5]);
      expect(await ratings().summary(window)).toEqual({
        count: 3,
        average: 4,
        distribution: { 1: 0, 2: 0, 3: 1, 4: 1, 5: 1 },
      });
      expect(await ratings().summary({ ...window, agentId: agent.id })).toMatchObject({
        count: 2,
        average: 4.5,
      });
      expect(await ratings().summary({ since: base + 100 })).toEqual({
        count: 0,
        average: null,
        distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
      });
    });
  });
}
