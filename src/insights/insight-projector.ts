// Keeps the insight projections up to date (DESIGN convention 7: a bus listener, not code in the
// conversation services). Events only mark a conversation dirty; a single worker re-projects dirty
// conversations in batches from the stored records, so duplicate, late or reordered events (several
// instances on one Redis bus) cannot make a projection wrong. Readers call flush() first.
import type { BusEvent } from '../realtime/event-bus.js';
import type { Storage } from '../storage/ports.js';
import { projectConversation } from './conversation-projection.js';

const BATCH = 500;
/**
 * Live re-projection works in smaller slices and yields between them: on SQLite a slice runs without a
 * break, and 500 conversations at once held the event loop for ~100 ms in a burst of handoffs.
 */
const LIVE_SLICE = 50;
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface InsightProjector {
  /** The bus listener: messages and status changes mark their conversation dirty. */
  listener(event: BusEvent): void;
  /** Re-projects every dirty conversation now; resolves when the projections are current. */
  flush(): Promise<void>;
  /** Projects conversations that have none (a database from before 0006, or an event lost in a crash). */
  backfill(): Promise<number>;
  /** Clears and re-projects every conversation (`zhida insights rebuild`); figures are partial meanwhile. */
  rebuild(onProgress?: (done: number) => void): Promise<number>;
  /** Stops the timer and projects what is pending. */
  close(): Promise<void>;
}

export function createInsightProjector(
  storage: Pick<Storage, 'insights'>,
  onError: (err: unknown) => void,
  delayMs = 250,
): InsightProjector {
  const dirty = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  async function project(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const [sources, catalogue] = await Promise.all([
      storage.insights.sources(ids),
      storage.insights.entryCatalogue(),
    ]);
    const categoryOf = (id: string) => catalogue.get(id)?.category;
    await storage.insights.saveProjections(sources.map((s) => projectConversation(s, categoryOf)));
  }

  async function drain(): Promise<void> {
    while (dirty.size > 0) {
      const ids: string[] = [];
      for (const id of dirty) {
        if (ids.length === LIVE_SLICE) break;
        ids.push(id);
      }
      for (const id of ids) dirty.delete(id);
      try {
        await project(ids);
      } catch (err) {
        // Kept dirty for the next run: a projection is never silently skipped.
        for (const id of ids) dirty.add(id);
        throw err;
      }
      if (dirty.size > 0) await yieldToIo();
    }
  }

  /** One worker at a time: every write is chained, so two never write the same projection concurrently. */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = running.catch(() => undefined).then(work);
    running = result.then(() => undefined);
    return result;
  }

  function run(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    return exclusive(drain);
  }

  function schedule(): void {
    if (timer) return;
    timer = setTimeout(() => void run().catch(onError), delayMs);
    timer.unref();
  }

  return {
    listener(event) {
      if (event.type !== 'message' && event.type !== 'conversation') return;
      dirty.add(event.conversation.id);
      schedule();
    },
    flush: run,
    backfill: () =>
      exclusive(async () => {
        let total = 0;
        for (;;) {
          const ids = await storage.insights.unprojectedIds(BATCH);
          if (ids.length === 0) return total;
          await project(ids);
          total += ids.length;
        }
      }),
    rebuild: (onProgress) =>
      exclusive(async () => {
        // From scratch: rollups that drifted (a bug, a restore) are rebuilt too, not just adjusted.
        await storage.insights.clearProjections();
        let total = 0;
        let after: string | null = null;
        for (;;) {
          const ids = await storage.insights.conversationIdsAfter(after, BATCH);
          if (ids.length === 0) return total;
          await project(ids);
          total += ids.length;
          after = ids[ids.length - 1];
          onProgress?.(total);
        }
      }),
    close: run,
  };
}
