// Automatic assignment: whenever the queue or an agent changes (and on a timer, for aging and skill
// fall-back), waiting chats go to free agents by the routing policy. Runs are serialised; the status
// compare-and-set keeps a chat from being given twice even across server instances.
import { planAssignments } from '../domain/routing.js';
import { AppError } from '../errors.js';
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
    // No free seat, nothing to plan: the queue is read only when someone can take a chat.
    const free = (await queueStatus.agentLoads()).some(
      (a) => a.presence === 'online' && a.active < a.capacity,
    );
    if (!free) return 0;
    const { queue, byId, loads, users } = await queueStatus.current();
    if (queue.length === 0) return 0;
    const now = clock();
    const plan = planAssignments(
      queue.map((c) => ({ id: c.id, group: c.skillGroup, queuedAt: c.queuedAt ?? c.createdAt })),
      loads,
      now,
      { fallbackAfterMs: routing.skillFallbackMs },
    );
    let assigned = 0;
    for (const { conversationId, agentId } of plan) {
      const agent = users.get(agentId) ?? (await storage.users.getById(agentId));
      if (!agent) continue;
      const waiting = byId.get(conversationId);
      if (!waiting) continue;
      try {
        // The status compare-and-set in assign() refuses a chat that left the queue since the snapshot.
        const result = await storage.transaction((tx) => handoffs.assign(tx, waiting, agent));
        assigned++;
        await publishAfterWrite(ctx, result.conversation, [result.message], true);
      } catch (err) {
        // Taken meanwhile (a manual accept, another instance): the next run sees the new state.
        if (!(err instanceof AppError && err.code === 'CONFLICT')) onError(err);
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
