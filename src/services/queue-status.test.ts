// The queue snapshot under load: a position counted in the database is the position in the queue order,
// and many changes and readers in one event-loop turn share one re-read of the queue.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { orderQueue, type PriorityClass } from '../domain/queue-order.js';
import { newConversation, uid } from '../storage/contract/fixtures.contract.js';
import { openStorage } from '../storage/open-storage.js';
import type { Storage } from '../storage/ports.js';
import { aheadOf, createQueueStatus } from './queue-status.js';

const root = mkdtempSync(join(tmpdir(), 'zhida-queue-status-'));
let storage: Storage;
beforeAll(async () => {
  storage = await openStorage({ dataDir: root });
});
afterAll(async () => {
  await storage.close();
  rmSync(root, { recursive: true, force: true });
});

const T0 = 1_767_225_600_000;
// A power of two: aged scores are then exact binary fractions, so even the exact cross-class ties that
// a millisecond clock can produce compare the same way in orderQueue's floating point and in SQL.
const AGING_MS = 2 ** 18;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('aheadOf + countQueuedAhead', () => {
  it('give every queued conversation its position in the queue order', async () => {
    const entry = fc.record({
      priority: fc.constantFrom<PriorityClass>('care', 'urgent', 'vip', 'normal'),
      front: fc.boolean(),
      // Coarse steps of a quarter of the aging time: same-millisecond ties and exact class ties happen.
      queuedAt: fc.integer({ min: 0, max: 16 }).map((k) => T0 + k * (AGING_MS / 4)),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 12 }), async (entries) => {
        const created = await Promise.all(
          entries.map((e) =>
            storage.conversations.create(
              newConversation({
                id: uid('q'),
                status: 'queued',
                priority: e.priority,
                frontOfQueue: e.front,
                queuedAt: e.queuedAt,
              }),
            ),
          ),
        );
        try {
          const now = T0 + 20 * AGING_MS;
          const order = orderQueue(
            created.map((c) => ({ ...c, queuedAt: c.queuedAt ?? c.createdAt, front: c.frontOfQueue })),
            now,
            AGING_MS,
          );
          for (const [i, c] of order.entries())
            expect(await storage.conversations.countQueuedAhead(aheadOf(c, AGING_MS))).toBe(i);
        } finally {
          for (const c of created) await storage.conversations.update(c.id, { status: 'closed' }, T0);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('queue snapshot', () => {
  const routing = loadConfig({}).routing;

  /** The storage with its whole-queue scans counted. */
  function counting() {
    const scans = { queued: 0, assigned: 0 };
    const conversations = {
      ...storage.conversations,
      listByStatus: (statuses: Parameters<Storage['conversations']['listByStatus']>[0], limit: number) => {
        if (statuses.includes('queued')) scans.queued++;
        if (statuses.includes('assigned')) scans.assigned++;
        return storage.conversations.listByStatus(statuses, limit);
      },
    };
    return { scans, storage: { ...storage, conversations } as Storage };
  }

  it('re-reads the queue once for all the changes and readers of one turn', async () => {
    const { scans, storage: counted } = counting();
    const status = createQueueStatus({ storage: counted, clock: () => Date.now(), routing });
    await status.current();
    expect(scans.queued).toBe(1);
    const readers = [];
    for (let i = 0; i < 50; i++) {
      status.invalidate({ type: 'queue-changed' });
      readers.push(status.current());
    }
    const snapshots = await Promise.all(readers);
    expect(scans.queued).toBe(2);
    expect(new Set(snapshots).size).toBe(1);
  });

  it('answers a handoff with its position without re-reading the queue or the agents', async () => {
    const { scans, storage: counted } = counting();
    const status = createQueueStatus({ storage: counted, clock: () => Date.now(), routing });
    const first = await storage.conversations.create(
      newConversation({ id: uid('first'), status: 'queued', queuedAt: Date.now() - 1000 }),
    );
    await status.current();
    const before = { ...scans };
    const joined = await storage.conversations.create(
      newConversation({ id: uid('joined'), status: 'queued', queuedAt: Date.now() }),
    );
    status.invalidate({ type: 'conversation', conversation: joined });
    status.invalidate({ type: 'queue-changed' });
    const info = await status.infoFor(joined);
    expect(info.queuePosition).toBe(2);
    expect(scans).toEqual(before);
    // An assignment changes the agents' loads: they are re-read, the queue waits for its next reader.
    status.invalidate({ type: 'conversation', conversation: { ...first, status: 'assigned' } });
    await status.infoFor(joined);
    expect(scans).toEqual({ queued: before.queued, assigned: before.assigned + 1 });
    await turn();
    for (const c of [first, joined])
      await storage.conversations.update(c.id, { status: 'closed' }, Date.now());
  });
});
