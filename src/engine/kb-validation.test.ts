import { describe, expect, it } from 'vitest';
import {
  cleanNegatives,
  NEGATIVES_LIMITS,
  negativesProblem,
  validateKnowledgeBase,
} from './kb-validation.js';

const entry = (over: Record<string, unknown> = {}) => ({
  id: 'a',
  title: 'A',
  questions: ['q'],
  answer: 'x',
  ...over,
});

describe('validateKnowledgeBase', () => {
  it('accepts a KB that follows the contract and keeps optional fields', () => {
    const r = validateKnowledgeBase({
      name: 'n',
      locale: 'zh-CN',
      entries: [entry({ tags: ['t'], category: 'c' })],
      negatives: ['no'],
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.kb.entries[0]).toEqual({
        id: 'a',
        title: 'A',
        category: 'c',
        questions: ['q'],
        answer: 'x',
        tags: ['t'],
      });
      expect(r.kb.negatives).toEqual(['no']);
    }
  });

  it('lists every bad entry with its index, id and field', () => {
    const r = validateKnowledgeBase({
      entries: [
        entry(),
        entry({ id: 'b', questions: [] }),
        entry({ id: 7, answer: 3 }),
        entry({ id: 'c', title: null, questions: ['ok', 5] }),
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        { index: 1, id: 'b', field: 'questions', message: 'must be a non-empty array of strings' },
        { index: 2, field: 'id', message: 'must be a non-empty string' },
        { index: 2, field: 'answer', message: 'must be a string' },
        { index: 3, id: 'c', field: 'title', message: 'must be a string' },
        { index: 3, id: 'c', field: 'questions', message: 'every question must be a string' },
      ]);
    }
  });

  it('refuses duplicate ids and non-object documents', () => {
    const dup = validateKnowledgeBase({ entries: [entry(), entry()] });
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.errors[0]).toMatchObject({ index: 1, id: 'a', field: 'id' });
    expect(validateKnowledgeBase(null).ok).toBe(false);
    expect(validateKnowledgeBase({ entries: 'x' }).ok).toBe(false);
  });
});

describe('cleanNegatives', () => {
  it('trims, drops blanks and keeps each example once, in its first place', () => {
    expect(cleanNegatives([' 天气 ', '', '股票', '天气', '   ', '股票 '])).toEqual(['天气', '股票']);
    expect(cleanNegatives([])).toEqual([]);
  });
});

describe('negativesProblem', () => {
  it('accepts a list of one-line texts within the limits and says what is wrong otherwise', () => {
    expect(negativesProblem(['天气', 'x'.repeat(NEGATIVES_LIMITS.length)])).toBeNull();
    expect(negativesProblem('天气')).toMatch(/array of strings/);
    expect(negativesProblem([1])).toMatch(/array of strings/);
    expect(negativesProblem(Array(NEGATIVES_LIMITS.count + 1).fill('a'))).toMatch(/at most 5000/);
    expect(negativesProblem(['ok', 'x'.repeat(NEGATIVES_LIMITS.length + 1)])).toMatch(/^example 2 /);
    expect(negativesProblem(['a\r\nb'])).toMatch(/one line/);
    const kb = validateKnowledgeBase({ entries: [entry()], negatives: ['a\nb'] });
    expect(kb.ok ? [] : kb.errors).toEqual([
      { index: -1, field: 'negatives', message: expect.stringMatching(/one line/) as unknown },
    ]);
  });
});
