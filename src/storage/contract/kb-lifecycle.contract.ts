// Contract: the KB lifecycle (a published version apart from the draft, publication history) and the
// regression cases. A fresh store per test, because the KB and its cases are one per store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KbEntry } from '../../engine/types.js';
import { StorageConflictError, type RegressionCase, type Storage } from '../ports.js';
import { T0, type OpenStorage } from './fixtures.contract.js';

const entry = (id: string, answer = `答案 ${id}`): KbEntry => ({
  id,
  title: id,
  questions: [`问题 ${id}`],
  answer,
});
const META = { name: '示例商城', locale: 'zh-CN' };

const kase = (id: string, overrides: Partial<RegressionCase> = {}): RegressionCase => ({
  id,
  text: `退款多久到账 ${id}`,
  expectedEntryId: 'refund',
  note: null,
  createdBy: 'admin',
  createdAt: T0,
  updatedAt: T0,
  ...overrides,
});

export function kbLifecycleCases(open: OpenStorage): void {
  describe('knowledge base lifecycle', () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await open();
    });
    afterEach(async () => {
      await storage.close();
    });
    const kb = () => storage.kb;

    it('nothing is live in a new store, and a version that does not exist cannot be published', async () => {
      expect(await kb().publishedVersion()).toBe(0);
      expect(await kb().publish(1, 'admin', T0)).toBe(false);
      expect(await kb().publish(0, 'admin', T0)).toBe(false);
      expect(await kb().publishedVersion()).toBe(0);
    });

    it('edits stay a draft until published; publishing records who and when on that version only', async () => {
      await kb().replaceAll(META, [entry('a')], 'li', null, T0);
      await kb().upsertEntry(entry('b'), 'li', T0 + 1);
      expect(await kb().publishedVersion()).toBe(0);
      expect(await kb().publish(2, 'wang', T0 + 5)).toBe(true);
      expect(await kb().publishedVersion()).toBe(2);
      await kb().upsertEntry(entry('c'), 'li', T0 + 6);
      expect(await kb().publishedVersion()).toBe(2);
      expect(await kb().currentVersion()).toBe(3);
      const versions = await kb().listVersions(10);
      expect(versions.map((v) => [v.version, v.publishedAt, v.publishedBy])).toEqual([
        [3, null, null],
        [2, T0 + 5, 'wang'],
        [1, null, null],
      ]);
    });

    it('the live version never moves back: publishing an older or unknown version changes nothing', async () => {
      for (const id of ['a', 'b', 'c']) await kb().upsertEntry(entry(id), null, T0);
      expect(await kb().publish(3, 'x', T0 + 1)).toBe(true);
      expect(await kb().publish(2, 'x', T0 + 2)).toBe(false);
      expect(await kb().publish(4, 'x', T0 + 2)).toBe(false);
      expect(await kb().publishedVersion()).toBe(3);
      // Publishing the live version again is harmless and keeps the first publication's record.
      expect(await kb().publish(3, 'y', T0 + 3)).toBe(true);
      expect((await kb().listVersions(1))[0]).toMatchObject({
        version: 3,
        publishedAt: T0 + 1,
        publishedBy: 'x',
      });
    });

    it('concurrent publishes leave the newest of them live', async () => {
      for (let i = 0; i < 5; i++) await kb().upsertEntry(entry(`e${i}`), null, T0 + i);
      await Promise.all([5, 3, 4, 1, 2].map((v) => kb().publish(v, null, T0 + 10)));
      expect(await kb().publishedVersion()).toBe(5);
    });

    it('a failed transaction around a publish leaves the live version as it was', async () => {
      await kb().upsertEntry(entry('a'), null, T0);
      await kb().upsertEntry(entry('b'), null, T0);
      await kb().publish(1, null, T0);
      await expect(
        storage.transaction(async (tx) => {
          await tx.kb.publish(2, null, T0 + 1);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await kb().publishedVersion()).toBe(1);
      expect((await kb().listVersions(1))[0].publishedAt).toBeNull();
    });
  });

  describe('regression cases', () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await open();
    });
    afterEach(async () => {
      await storage.close();
    });
    const cases = () => storage.regressionCases;

    it('adds cases in order, round-trips every field, and null means "must not answer"', async () => {
      expect(await cases().list()).toEqual([]);
      const out = kase('z', { expectedEntryId: null, note: '超出范围', createdBy: null });
      await cases().add([kase('m'), out]);
      await cases().add([kase('a')]);
      expect(await cases().list()).toStrictEqual([kase('m'), out, kase('a')]);
      expect(await cases().get('z')).toStrictEqual(out);
      expect(await cases().get('nope')).toBeNull();
    });

    it('add is all or nothing: a taken id rejects the whole batch', async () => {
      await cases().add([kase('a')]);
      await expect(cases().add([kase('b'), kase('a')])).rejects.toBeInstanceOf(StorageConflictError);
      await expect(cases().add([kase('c'), kase('c')])).rejects.toBeInstanceOf(StorageConflictError);
      expect((await cases().list()).map((c) => c.id)).toEqual(['a']);
    });

    it('update changes only the given fields and the update time; delete removes', async () => {
      await cases().add([kase('a', { note: '旧' })]);
      const updated = await cases().update('a', { expectedEntryId: null }, T0 + 9);
      expect(updated).toStrictEqual(kase('a', { note: '旧', expectedEntryId: null, updatedAt: T0 + 9 }));
      expect(
        await cases().update('a', { text: '新问题', note: null, expectedEntryId: 'x' }, T0 + 10),
      ).toStrictEqual(kase('a', { text: '新问题', expectedEntryId: 'x', updatedAt: T0 + 10 }));
      expect(await cases().update('missing', { text: 'x' }, T0)).toBeNull();
      expect(await cases().delete('a')).toBe(true);
      expect(await cases().delete('a')).toBe(false);
      expect(await cases().list()).toEqual([]);
    });

    it('replaceAll swaps the whole set, and a failing one keeps the old set', async () => {
      await cases().add([kase('a'), kase('b')]);
      await cases().replaceAll([kase('c'), kase('d')]);
      expect((await cases().list()).map((c) => c.id)).toEqual(['c', 'd']);
      await expect(cases().replaceAll([kase('e'), kase('e')])).rejects.toBeInstanceOf(StorageConflictError);
      expect((await cases().list()).map((c) => c.id)).toEqual(['c', 'd']);
      const many = Array.from({ length: 1201 }, (_, i) => kase(`k${String(i).padStart(4, '0')}`));
      await cases().replaceAll(many);
      expect((await cases().list()).map((c) => c.id)).toEqual(many.map((c) => c.id));
    });
  });
}
