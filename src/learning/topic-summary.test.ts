import { describe, expect, it } from 'vitest';
import type { UnansweredRecord } from '../storage/ports.js';
import { summarizeTopics, TREND_DAYS } from './topic-summary.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 15, 12); // 20:00 in China (UTC+8)

const q = (
  id: string,
  text: string,
  createdAt: number,
  overrides: Partial<UnansweredRecord> = {},
): UnansweredRecord => ({
  id,
  conversationId: `conv-${id}`,
  messageId: `msg-${id}`,
  reason: 'low-confidence',
  text,
  kbVersion: 1,
  ranked: [{ entryId: 'shipping-fee', confidence: 0.2 }],
  answeredEntryId: null,
  detail: null,
  createdAt,
  resolvedAt: null,
  resolution: null,
  ...overrides,
});

const entries = [
  { id: 'trade-in', title: '以旧换新', questions: ['以旧换新怎么参加', '旧手机能换新吗'], answer: 'a' },
  { id: 'invoice', title: '开发票', questions: ['怎么开发票'], answer: 'b' },
];

describe('topic summaries', () => {
  const questions = [
    q('a', '以旧换新能抵多少钱', NOW - 2 * DAY),
    q('b', '以旧换新能抵多少钱', NOW - 1 * DAY, { reason: 'rephrase' }),
    q('c', '以旧换新可以抵多少钱', NOW - 20 * DAY, { conversationId: 'conv-a' }),
    // 23:30 UTC is already the next day in China.
    q('d', '以旧换新能抵扣多少钱', Date.UTC(2026, 0, 14, 23, 30)),
    q('e', '火星上能种土豆吗', NOW - 3 * DAY, { ranked: [] }),
  ];
  const topics = summarizeTopics({ questions, entries, now: NOW, tzOffsetMinutes: 480 });

  it('sums each topic up: size, conversations, reasons, engine top, ids newest first', () => {
    expect(topics.map((t) => t.size)).toEqual([4, 1]);
    const [trade, mars] = topics;
    // The id is the oldest question's, so it stays while newer questions join.
    expect(trade.id).toBe('cluster-c');
    expect(trade.conversations).toBe(3);
    expect(trade.reasons).toEqual({ 'low-confidence': 3, rephrase: 1 });
    expect(trade.engineTop).toEqual({ entryId: 'shipping-fee', share: 1 });
    expect(trade.questionIds).toEqual(['d', 'b', 'a', 'c']);
    expect(trade.firstAt).toBe(NOW - 20 * DAY);
    expect(mars.engineTop).toBeNull();
  });

  it('counts the trend per local day over 14 days (today last), ignoring older questions', () => {
    const [trade] = topics;
    expect(trade.trend).toHaveLength(TREND_DAYS);
    expect(trade.trend.slice(-3)).toEqual([1, 1, 1]);
    expect(trade.trend.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('shows distinct examples and the nearest KB entry with its similarity', () => {
    const [trade, mars] = topics;
    expect(trade.examples).toHaveLength(3);
    expect(new Set(trade.examples).size).toBe(3);
    expect(trade.nearestEntry).toMatchObject({ entryId: 'trade-in', title: '以旧换新' });
    expect(trade.nearestEntry?.similarity).toBeGreaterThan(0.2);
    expect(mars.nearestEntry?.similarity ?? 0).toBeLessThan(0.1);
    expect(summarizeTopics({ questions: [], entries, now: NOW, tzOffsetMinutes: 0 })).toEqual([]);
  });
});
