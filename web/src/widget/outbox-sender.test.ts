import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../shared/api.js';
import type { OutboxItem } from './outbox.js';
import { OutboxSender } from './outbox-sender.js';

function memoryOutbox(texts: string[]) {
  let items: OutboxItem[] = texts.map((text, i) => ({ clientMessageId: `c${i}`, text, createdAt: '' }));
  return {
    items: () => items,
    update: (id: string, patch: Partial<OutboxItem>) =>
      (items = items.map((i) => (i.clientMessageId === id ? { ...i, ...patch } : i))),
    remove: (id: string) => (items = items.filter((i) => i.clientMessageId !== id)),
  };
}

afterEach(() => vi.useRealTimers());

describe('OutboxSender', () => {
  it('sends in order, parks a refused message and goes on with the next', async () => {
    const outbox = memoryOutbox(['a', 'too long', 'b']);
    const sent: string[] = [];
    const sender = new OutboxSender(outbox, {
      post: async (item) => {
        if (item.text === 'too long') throw new ApiError(413, 'message-too-long', 'too long');
        sent.push(item.text);
      },
      changed: () => {},
      retrying: () => {},
    });
    await sender.flush();
    expect(sent).toEqual(['a', 'b']);
    expect(outbox.items()).toMatchObject([{ text: 'too long', rejected: 'message-too-long' }]);
  });

  it('keeps a message through a network failure and sends it on the retry, with backoff', async () => {
    vi.useFakeTimers();
    const outbox = memoryOutbox(['hello']);
    let fail = true;
    const waiting: boolean[] = [];
    const sender = new OutboxSender(outbox, {
      post: async () => {
        if (fail) throw new TypeError('fetch failed');
      },
      changed: () => {},
      retrying: (w) => waiting.push(w),
    });
    await sender.flush();
    expect(outbox.items()).toMatchObject([{ text: 'hello', failedAttempts: 1 }]);
    fail = false;
    await vi.advanceTimersByTimeAsync(999);
    expect(outbox.items()).toHaveLength(1); // first retry after 1 s
    await vi.advanceTimersByTimeAsync(1);
    expect(outbox.items()).toHaveLength(0);
    expect(waiting).toEqual([true, false]);
  });
});
