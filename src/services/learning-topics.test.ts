import { describe, expect, it } from 'vitest';
import type { UnansweredFilter, UnansweredRecord } from '../storage/learning-ports.js';
import type { ServiceContext } from './context.js';
import { createLearningTopics, DASHBOARD_TOPIC_QUESTIONS, MAX_TOPIC_QUESTIONS } from './learning-topics.js';

const NOW = Date.UTC(2026, 0, 20);
const TEXTS = ['火星上能种土豆吗', '月球上有水吗', '能开增值税专票吗', '你们招聘客服吗'];

/** Open questions, newest first (as the repository lists them), and the limits it was asked for. */
function fakeStorage(count: number) {
  const questions: UnansweredRecord[] = Array.from({ length: count }, (_, i) => ({
    id: `uq-${String(i).padStart(4, '0')}`,
    conversationId: `c-${i}`,
    messageId: `m-${i}`,
    reason: 'low-confidence',
    text: TEXTS[i % TEXTS.length],
    kbVersion: 1,
    ranked: [],
    answeredEntryId: null,
    detail: null,
    createdAt: NOW - (i + 1) * 60_000,
    resolvedAt: null,
    resolution: null,
  }));
  const limits: number[] = [];
  const storage = {
    unanswered: {
      list: async (filter: UnansweredFilter) => {
        limits.push(filter.limit);
        return questions.slice(0, filter.limit);
      },
      count: async () => questions.length,
    },
    kb: { currentVersion: async () => 1, listEntries: async () => [] },
  } as unknown as ServiceContext['storage'];
  return { storage, limits };
}

describe('learning topics', () => {
  const scope = { from: NOW - 30 * 86_400_000, to: NOW };
  const options = { minSize: 1, limit: 100, tzOffsetMinutes: 480 };

  it('clusters only the newest `sample` open questions of a scope, and still counts them all', async () => {
    const { storage, limits } = fakeStorage(50);
    const topics = createLearningTopics({ storage, clock: () => NOW }, {} as never, null);
    const sampled = await topics.topics({ ...options, scope, sample: 10 });
    expect(limits).toEqual([10]);
    expect(sampled.questions).toBe(10);
    expect(sampled.openQuestions).toBe(50);
    expect(sampled.topics.reduce((n, t) => n + t.size, 0)).toBe(10);
    // The sample is part of the cache key: the full list of the same scope is computed apart.
    const full = await topics.topics({ ...options, scope });
    expect(limits).toEqual([10, MAX_TOPIC_QUESTIONS]);
    expect(full.questions).toBe(50);
  });

  it('keeps MAX_TOPIC_QUESTIONS for the learning page (no scope), whatever the sample', async () => {
    const { storage, limits } = fakeStorage(5);
    const topics = createLearningTopics({ storage, clock: () => NOW }, {} as never, null);
    await topics.topics({ ...options, sample: 2 });
    expect(limits).toEqual([MAX_TOPIC_QUESTIONS]);
    expect(DASHBOARD_TOPIC_QUESTIONS).toBeLessThan(MAX_TOPIC_QUESTIONS);
  });
});
