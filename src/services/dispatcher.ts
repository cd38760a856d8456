// Automatic assignment: whenever the queue or an agent changes (and on a timer, for aging and skill
// fall-back), waiting chats go to free agents by the routing policy. Runs are serialised; the status
// compare-and-set keeps a chat from being given twice even across server instances.
import { planAssignments } from '../domain/routing.js';
import type { ServiceContext } from './context.js';
import type { Handoffs } from './handoff.js';
import { publishAfterWrite } from './publish.js';
import type { QueueStatus } from './queue-status.js';

export function createDispatcher(
  ctx: ServiceContext,
  handoffs: Handoffs,
  queueStatus: QueueStatus,
  onError: (err: unknown) => void,
) {
  const { storage, clock, routing } = ctx;
  let running: Promise<number> | null = null;
  let again = false;

  async function runOnce(): Promise<number> {
    if (!routing.autoAssign || !queueStatus.withinHours()) return 0;
    const queue = await queueStatus.queue();
    if (queue.length === 0) return 0;
    const loads = await queueStatus.agentLoads();
    const now = clock();
    const plan = planAssignments(
      queue.map((c) => ({ id: c.id, group: c.skillGroup, queuedAt: c.queuedAt ?? c.createdAt })),
      loads,
      now,
      { fallbackAfterMs: routing.skillFallbackMs },
    );
    let assigned = 0;
    for (const { conversationId, agentId } of plan) {
      const agent = await storage.users.getById(agentId);
      if (!agent) continue;
      try {
        const result = await storage.transaction(async (tx) => {
          const fresh = await tx.conversations.get(conversationId);
          if (!fresh || fresh.status !== 'queued') return null;
          return handoffs.assign(tx, fresh, agent);
        });
        if (result) {
          assigned++;
          await publishAfterWrite(ctx, result.conversation, [result.message], true);
        }
      } catch (err) {
        onError(err); // e.g. taken meanwhile by a manual accept: the next run sees the new state
      }
    }
    return assigned;
  }

  /** Coalesces triggers: at most one run at a time and one more queued behind it. */
  function dispatch(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        total += await runOnce();
      } while (again);
      return total;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return { dispatch };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
