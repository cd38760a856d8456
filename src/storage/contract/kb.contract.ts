// Contract: KbRepository (every write a version with a restorable snapshot). A fresh store per test,
// because the KB is one per store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KbEntry } from '../../engine/types.js';
import { StorageConflictError, type Storage } from '../ports.js';
import { T0, type OpenStorage } from './fixtures.contract.js';

const entry = (id: string, overrides: Partial<KbEntry> = {}): KbEntry => ({
  id,
  title: `标题 ${id}`,
  category: '售后',
  questions: ['退款多久能到账', '钱什么时候退回来 💰'],
  answer: '退款审核通过后 1–3 个工作日原路退回……',
  tags: ['退款'],
  ...overrides,
});
const META = { name: '示例商城', locale: 'zh-CN' };

export function kbCases(open: OpenStorage): void {
  describe('knowledge base', () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await open();
    });
    afterEach(async () => {
      await storage.close();
    });
    const kb = () => storage.kb;
    const state = async () => ({
      version: await kb().currentVersion(),
      meta: await kb().meta(),
      entries: await kb().listEntries(),
      versions: await kb().listVersions(100),
    });

    it('is empty before any write: version 0, default meta, no entries or versions', async () => {
      expect(await state()).toEqual({
        version: 0,
        meta: { name: '', locale: 'zh-CN' },
        entries: [],
        versions: [],
      });
      expect(await kb().getEntry('x')).toBeNull();
      expect(await kb().snapshot(0)).toEqual([]);
      expect(await kb().snapshot(1)).toBeNull();
    });

    it('upsertEntry adds an entry as a new version; optional fields round-trip (absent stays absent)', async () => {
      const bare: KbEntry = { id: 'bare', title: 'T', questions: ['q'], answer: 'A' };
      expect(await kb().upsertEntry(entry('a'), 'admin', T0)).toBe(1);
      expect(await kb().upsertEntry(bare, null, T0 + 1)).toBe(2);
      expect(await kb().upsertEntry(entry('empty', { tags: [], category: '' }), null, T0 + 2)).toBe(3);
      expect(await kb().getEntry('a')).toStrictEqual({ ...entry('a'), updatedAt: T0 });
      expect(await kb().getEntry('bare')).toStrictEqual({ ...bare, updatedAt: T0 + 1 });
      expect(await kb().listEntries()).toStrictEqual([
        { ...entry('a'), updatedAt: T0 },
        { ...bare, updatedAt: T0 + 1 },
        { ...entry('empty', { tags: [], category: '' }), updatedAt: T0 + 2 },
      ]);
      expect(await kb().currentVersion()).toBe(3);
    });

    it('upsertEntry of an existing id replaces it in place; older snapshots keep the old text', async () => {
      await kb().upsertEntry(entry('a'), null, T0);
      await kb().upsertEntry(entry('b'), null, T0);
      const v = await kb().upsertEntry(entry('a', { answer: '新答案' }), 'li', T0 + 5);
      expect(v).toBe(3);
      expect((await kb().listEntries()).map((e) => [e.id, e.answer])).toEqual([
        ['a', '新答案'],
        ['b', entry('b').answer],
      ]);
      expect(await kb().snapshot(2)).toStrictEqual([entry('a'), entry('b')]);
      expect(await kb().snapshot(3)).toStrictEqual([entry('a', { answer: '新答案' }), entry('b')]);
    });

    it('deleteEntry removes an entry as a new version; an absent id returns false and makes no version', async () => {
      await kb().replaceAll(META, [entry('a'), entry('b')], null, null, T0);
      expect(await kb().deleteEntry('a', 'admin', T0 + 1)).toBe(2);
      expect(await kb().deleteEntry('a', 'admin', T0 + 2)).toBe(false);
      expect(await kb().currentVersion()).toBe(2);
      expect((await kb().listVersions(10)).map((v) => v.version)).toEqual([2, 1]);
      expect(await kb().snapshot(2)).toStrictEqual([entry('b')]);
    });

    it('replaceAll sets meta and entries in the given order as one version with author and note', async () => {
      await kb().upsertEntry(entry('old'), null, T0);
      const entries = [entry('z'), entry('a'), entry('m')];
      expect(await kb().replaceAll(META, entries, 'admin', '导入 v2', T0 + 9)).toBe(2);
      expect(await kb().meta()).toEqual(META);
      expect(await kb().listEntries()).toStrictEqual(entries.map((e) => ({ ...e, updatedAt: T0 + 9 })));
      expect(await kb().listVersions(10)).toStrictEqual([
        {
          version: 2,
          createdAt: T0 + 9,
          author: 'admin',
          note: '导入 v2',
          entryCount: 3,
          publishedAt: null,
          publishedBy: null,
        },
        {
          version: 1,
          createdAt: T0,
          author: null,
          note: null,
          entryCount: 1,
          publishedAt: null,
          publishedBy: null,
        },
      ]);
      expect(await kb().listVersions(1)).toHaveLength(1);
    });

    it('snapshot(v) gives the entries as at v, so any version can be restored', async () => {
      const v1 = await kb().replaceAll(META, [entry('a'), entry('b')], null, null, T0);
      await kb().upsertEntry(entry('c'), null, T0 + 1);
      await kb().deleteEntry('a', null, T0 + 2);
      const restored = await kb().snapshot(v1);
      expect(restored).toStrictEqual([entry('a'), entry('b')]);
      const v4 = await kb().replaceAll(await kb().meta(), restored ?? [], 'admin', `restore v${v1}`, T0 + 3);
      expect(v4).toBe(4);
      expect((await kb().listEntries()).map(({ updatedAt: _, ...e }) => e)).toStrictEqual([
        entry('a'),
        entry('b'),
      ]);
      expect(await kb().snapshot(await kb().currentVersion())).toStrictEqual(restored);
    });

    it('a failing replaceAll (duplicate ids) rejects and leaves the previous KB intact', async () => {
      await kb().replaceAll(META, [entry('a'), entry('b')], null, null, T0);
      const before = await state();
      const bad = [entry('x'), entry('y'), entry('x')];
      await expect(
        kb().replaceAll({ name: 'bad', locale: 'en' }, bad, null, null, T0 + 1),
      ).rejects.toBeInstanceOf(StorageConflictError);
      expect(await state()).toStrictEqual(before);
    });

    it('a failing replaceAll (an entry without questions) rejects and leaves the previous KB intact', async () => {
      await kb().replaceAll(META, [entry('a')], null, null, T0);
      const before = await state();
      const broken = { id: 'broken', title: 't', answer: 'a' } as unknown as KbEntry;
      await expect(
        kb().replaceAll({ name: 'bad', locale: 'en' }, [entry('x'), broken], null, null, T0 + 1),
      ).rejects.toThrow();
      expect(await state()).toStrictEqual(before);
    });

    it('replaceAll handles a large KB (more rows than one insert batch) in order', async () => {
      const many = Array.from({ length: 1201 }, (_, i) => entry(`e${String(i).padStart(4, '0')}`));
      await kb().replaceAll(META, many, null, null, T0);
      expect((await kb().listEntries()).map((e) => e.id)).toEqual(many.map((e) => e.id));
      expect(await kb().snapshot(1)).toHaveLength(1201);
    });

    it('"must not answer" examples: versioned with the entries, kept by entry edits, restorable per version', async () => {
      expect(await kb().negatives()).toEqual([]);
      expect(await kb().contentAt(0)).toEqual({ entries: [], negatives: [] });
      await kb().replaceAll(META, [entry('a')], null, null, T0); // v1, none
      const list = ['明天会下雨吗', 'tell me a joke', '  空格 保留  '];
      expect(await kb().setNegatives(list, 'admin', T0 + 1)).toBe(2);
      expect(await kb().setNegatives([...list], 'admin', T0 + 2)).toBe(false); // unchanged: no version
      expect(await kb().upsertEntry(entry('b'), null, T0 + 3)).toBe(3);
      expect(await kb().negatives()).toEqual(list);
      // an import without a list keeps the draft's; one with a list replaces it
      expect(await kb().replaceAll(META, [entry('c')], null, null, T0 + 4)).toBe(4);
      expect(await kb().replaceAll({ ...META, negatives: ['股票'] }, [entry('c')], null, null, T0 + 5)).toBe(
        5,
      );
      expect(await kb().setNegatives([], null, T0 + 6)).toBe(6);
      expect(
        await Promise.all([1, 2, 3, 4, 5, 6].map(async (v) => (await kb().contentAt(v))?.negatives)),
      ).toEqual([[], list, list, list, ['股票'], []]);
      expect(await kb().contentAt(7)).toBeNull();
      expect((await kb().contentAt(4))?.entries).toEqual([entry('c')]);
      expect((await kb().listVersions(10)).map((v) => v.version)).toEqual([6, 5, 4, 3, 2, 1]);
      expect(await kb().meta()).toEqual(META);
    });

    it('a failing replaceAll leaves the "must not answer" examples as they were', async () => {
      await kb().replaceAll({ ...META, negatives: ['天气'] }, [entry('a')], null, null, T0);
      await expect(
        kb().replaceAll({ ...META, negatives: ['别的'] }, [entry('x'), entry('x')], null, null, T0 + 1),
      ).rejects.toThrow();
      expect(await kb().negatives()).toEqual(['天气']);
      expect((await kb().contentAt(1))?.negatives).toEqual(['天气']);
    });

    it('concurrent writes each get their own version, and each snapshot holds every earlier write', async () => {
      const versions = await Promise.all(
        Array.from({ length: 8 }, (_, i) => kb().upsertEntry(entry(`c${i}`), null, T0 + i)),
      );
      expect([...versions].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      for (let v = 1; v <= 8; v++) expect(await kb().snapshot(v)).toHaveLength(v);
      expect(await kb().listEntries()).toHaveLength(8);
    });
  });
}
