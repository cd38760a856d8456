import { describe, expect, it } from 'vitest';
import { entryRevision, matchesRevision, negativesRevision } from './kb-revision.js';

const entry = { id: 'a', title: '怎么退款', questions: ['退款'], answer: '在订单页申请。' };

describe('KB revisions', () => {
  it('an entry revision changes with any field of the KB file and not otherwise', () => {
    const base = entryRevision(entry);
    expect(entryRevision({ ...entry })).toBe(base);
    expect(entryRevision({ ...entry, tags: [] })).toBe(base);
    for (const changed of [
      { ...entry, title: '如何退款' },
      { ...entry, questions: ['退款', '退钱'] },
      { ...entry, answer: '联系客服。' },
      { ...entry, category: '售后' },
      { ...entry, tags: ['退款'] },
    ])
      expect(entryRevision(changed)).not.toBe(base);
    expect(entryRevision({ ...entry, updatedAt: 5 } as typeof entry)).toBe(base);
  });

  it('the examples revision ignores their order and repeats', () => {
    expect(negativesRevision(['天气', '股票'])).toBe(negativesRevision(['股票', '天气', '天气']));
    expect(negativesRevision(['天气'])).not.toBe(negativesRevision(['天气', '股票']));
    expect(negativesRevision([])).not.toBe(negativesRevision(['']));
  });

  it('If-Match: absent or * allows; otherwise one listed tag must be current, quoted, weak or bare', () => {
    expect(matchesRevision(undefined, 'r1')).toBe(true);
    expect(matchesRevision('', 'r1')).toBe(true);
    expect(matchesRevision('*', 'r1')).toBe(true);
    expect(matchesRevision('"r1"', 'r1')).toBe(true);
    expect(matchesRevision('W/"r1"', 'r1')).toBe(true);
    expect(matchesRevision('r1', 'r1')).toBe(true);
    expect(matchesRevision('"r0", "r1"', 'r1')).toBe(true);
    expect(matchesRevision('"r0"', 'r1')).toBe(false);
    expect(matchesRevision('"r10"', 'r1')).toBe(false);
  });
});
