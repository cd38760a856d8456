import { describe, expect, it } from 'vitest';
import type { KbEntry } from '../engine/types.js';
import { countDiff, diffKb, diffNegatives, withStatus } from './kb-diff.js';

const e = (id: string, o: Partial<KbEntry> = {}): KbEntry => ({
  id,
  title: id,
  questions: ['q1', 'q2'],
  answer: 'a',
  ...o,
});

describe('KB diff', () => {
  it('finds added, removed and changed entries, the changed fields and the questions added or removed', () => {
    const from = [e('same'), e('gone'), e('edit', { category: '售后' })];
    const to = [e('new'), e('edit', { questions: ['q2', 'q3'], answer: 'b' }), e('same')];
    const d = diffKb(from, to);
    expect(countDiff(d)).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(d.added.map((x) => x.id)).toEqual(['new']);
    expect(d.removed.map((x) => x.id)).toEqual(['gone']);
    expect(d.unchanged).toBe(1);
    expect(d.changed[0]).toMatchObject({
      id: 'edit',
      fields: ['category', 'questions', 'answer'],
      questionsAdded: ['q3'],
      questionsRemoved: ['q1'],
    });
  });

  it('sees a reordering of questions and an empty tag list as changes, entry order as none', () => {
    expect(diffKb([e('a')], [e('a', { questions: ['q2', 'q1'] })]).changed[0]).toMatchObject({
      fields: ['questions'],
      questionsAdded: [],
      questionsRemoved: [],
    });
    expect(diffKb([e('a')], [e('a', { tags: [] })]).changed[0].fields).toEqual(['tags']);
    expect(countDiff(diffKb([e('a'), e('b')], [e('b'), e('a')]))).toEqual({
      added: 0,
      removed: 0,
      changed: 0,
    });
  });

  it('marks draft entries against the live ones and lists live entries the draft deleted', () => {
    const { entries, pendingRemovals } = withStatus(
      [e('a'), e('b', { answer: 'new' }), e('c')],
      [e('a'), e('b'), e('d')],
    );
    expect(entries.map((x) => [x.id, x.status])).toEqual([
      ['a', 'published'],
      ['b', 'draft'],
      ['c', 'draft'],
    ]);
    expect(pendingRemovals).toEqual(['d']);
  });
});

describe('diffNegatives', () => {
  it('lists the examples added and removed; a reordering changes nothing', () => {
    expect(diffNegatives(['a', 'b', 'c'], ['c', 'd', 'a'])).toEqual({ added: ['d'], removed: ['b'] });
    expect(diffNegatives(['a', 'b'], ['b', 'a'])).toEqual({ added: [], removed: [] });
    expect(diffNegatives([], ['x'])).toEqual({ added: ['x'], removed: [] });
  });
});
