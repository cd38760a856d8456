// What the customer and the agents are told about the queue: position, estimated wait, and whether
// anyone can answer now (business hours, agents online) — honestly, so nobody waits in an endless queue.
//
// The shared snapshot has two parts. The queue (every queued conversation in service order) is re-read
// at most once per event-loop turn however many changes and readers that turn had. The agents (presence,
// loads, handle times, users) are re-read when a reader needs them after they changed — when a chat is
// assigned or leaves an agent, or an agent changes — never because a chat joined the queue. So answering a
// handoff waits for no re-read of the queue: its position is one count query (aheadOf), the rest comes
// from the agents part. Subscribers (sockets) get the whole snapshot pushed at most every BROADCAST_MS.
// See BENCHMARKS.md, "Handoff under load".
import { isOpen, parseBusinessHours } from '../domain/business-hours.js';
import { orderQueue, PRIORITY_RANK, type PriorityClass } from '../domain/queue-order.js';
import { estimateWaitMs, type AgentLoad } from '../domain/routing.js';
import type { BusEvent } from '../realtime/event-bus.js';
import type { ConversationRecord, QueueAhead, UserRecord } from '../storage/ports.js';
import type { ServiceContext } from './context.js';

/** Assumed handle time until enough chats were handled to measure it. */
const DEFAULT_HANDLE_MS = 4 * 60_000;
const HANDLE_SAMPLE = 50;
const SCAN_LIMIT = 10_000;
const BROADCAST_MS = 100;

export interface QueueInfo {
  queuePosition?: number;
  /** Seconds; null when nobody can take chats now. */
  estimatedWaitSeconds?: number | null;
  /** false outside business hours or with no agent online: the customer is offered a callback ticket. */
  agentsAvailable?: boolean;
  withinHours?: boolean;
}

interface QueuePart {
  /** Queued conversations in service order. */
  queue: ConversationRecord[];
  positions: ReadonlyMap<string, number>;
  byId: ReadonlyMap<string, ConversationRecord>;
}

interface AgentsPart {
  loads: AgentLoad[];
  users: ReadonlyMap<string, UserRecord>;
  handleMs: number;
}

export interface QueueSnapshot extends QueuePart, AgentsPart {
  withinHours: boolean;
}

/** The filter that counts the queued conversations served before `c` (the order of orderQueue). */
export function aheadOf(c: ConversationRecord, agingMs: number): QueueAhead {
  const at = c.queuedAt ?? c.createdAt;
  const rank = PRIORITY_RANK[c.priority];
  // Another class is ahead when its aged score is higher: queued more than (rank difference × agingMs)
  // before `at`; at an equal score the earlier queuedAt goes first, which favours the lower class.
  const before = Object.fromEntries(
    (Object.keys(PRIORITY_RANK) as PriorityClass[]).map((p) => {
      const shift = (PRIORITY_RANK[p] - rank) * agingMs;
      return [p, at + shift + (shift < 0 ? 1 : 0)];
    }),
  ) as Record<PriorityClass, number>;
  return { id: c.id, front: c.frontOfQueue, before, tie: { priority: c.priority, at } };
}

/**
 * A value recomputed on demand for every reader that wants it fresh, one computation at a time shared by
 * all who wait. `perTurn`: the computation starts on the next event-loop turn, so that all the changes and
 * readers of this turn share it; otherwise at once (a reader does not wait for the rest of the turn).
 */
function refreshable<T>(load: () => Promise<T>, perTurn: boolean) {
  let version = 0;
  let cached: { version: number; value: T } | null = null;
  let next: Promise<void> | null = null;

  async function compute(): Promise<void> {
    if (perTurn) await new Promise<void>((resolve) => setImmediate(resolve));
    const at = version;
    const value = await load();
    if (!cached || cached.version < at) cached = { version: at, value };
  }

  function schedule(): Promise<void> {
    next ??= compute().finally(() => {
      next = null;
    });
    return next;
  }

  return {
    stale(): void {
      version++;
    },
    /** Reflects every change reported before this call. */
    async fresh(): Promise<T> {
      const wanted = version;
      while (!cached || cached.version < wanted) await schedule(); // a failure reaches the caller
      return cached.value;
    },
    /** The newest value computed so far (computed now if there is none). */
    async latest(): Promise<T> {
      while (!cached) await schedule();
      return cached.value;
    },
  };
}

export function createQueueStatus(ctx: Pick<ServiceContext, 'storage' | 'clock' | 'routing'>) {
  const { storage, clock, routing } = ctx;
  const hours = parseBusinessHours(routing.businessHours, routing.utcOffsetMinutes);
  const listeners = new Set<(snapshot: QueueSnapshot) => void>();
  let broadcastTimer: NodeJS.Timeout | null = null;

  const queuePart = refreshable<QueuePart>(async () => {
    const queued = await storage.conversations.listByStatus(['queued'], SCAN_LIMIT);
    const queue = orderQueue(
      queued.map((c) => ({ ...c, queuedAt: c.queuedAt ?? c.createdAt, front: c.frontOfQueue })),
      clock(),
      routing.agingMs,
    );
    return {
      queue,
      positions: new Map(queue.map((c, i) => [c.id, i + 1])),
      byId: new Map(queue.map((c) => [c.id, c])),
    };
  }, true);

  const agentsPart = refreshable<AgentsPart>(async () => {
    const [assigned, states, handleTimes, users] = await Promise.all([
      storage.conversations.listByStatus(['assigned'], SCAN_LIMIT),
      storage.agentStates.list(),
      storage.handoffs.recentHandleTimes(HANDLE_SAMPLE),
      storage.users.list(),
    ]);
    const active = new Map<string, number>();
    for (const c of assigned)
      if (c.assignedAgentId) active.set(c.assignedAgentId, (active.get(c.assignedAgentId) ?? 0) + 1);
    return {
      loads: states.map((s) => ({
        id: s.userId,
        presence: s.presence,
        capacity: s.capacity,
        groups: s.groups,
        idleSince: s.idleSince,
        active: active.get(s.userId) ?? 0,
      })),
      users: new Map(users.map((u) => [u.id, u])),
      handleMs:
        handleTimes.length === 0
          ? DEFAULT_HANDLE_MS
          : handleTimes.reduce((a, b) => a + b, 0) / handleTimes.length,
    };
  }, false);

  // One snapshot object per pair of parts, so that views built per snapshot are shared.
  let combined: { queue: QueuePart; agents: AgentsPart; snapshot: QueueSnapshot } | null = null;
  function combine(queue: QueuePart, agents: AgentsPart): QueueSnapshot {
    if (combined?.queue !== queue || combined.agents !== agents)
      combined = { queue, agents, snapshot: { ...queue, ...agents, withinHours: isOpen(hours, clock()) } };
    return combined.snapshot;
  }

  /** A snapshot that reflects every change reported before this call. The agents part is brought up to
   * date after the queue part: an agent leaves (announced) before their chats are put back in the queue,
   * so routing never sees those chats waiting while their agent still looks online. */
  async function current(): Promise<QueueSnapshot> {
    const queue = await queuePart.fresh();
    return combine(queue, await agentsPart.fresh());
  }

  /** What changed makes the parts it touches stale; subscribers hear soon. Agents' loads change when a
   * chat is assigned or leaves an agent; a chat moving between the bot and the queue leaves them alone. */
  function invalidate(event?: BusEvent): void {
    queuePart.stale();
    const agentsUnchanged =
      event?.type === 'queue-changed' ||
      (event?.type === 'conversation' &&
        (event.conversation.status === 'queued' || event.conversation.status === 'bot') &&
        event.conversation.assignedAgentId === null);
    if (!agentsUnchanged) agentsPart.stale();
    if (broadcastTimer || listeners.size === 0) return;
    broadcastTimer = setTimeout(() => {
      broadcastTimer = null;
      current()
        .then((snapshot) => {
          for (const listener of listeners) listener(snapshot);
        })
        .catch(() => undefined);
    }, BROADCAST_MS);
    broadcastTimer.unref();
  }

  function infoAt(position: number | undefined, agents: AgentsPart, withinHours: boolean): QueueInfo {
    const online = agents.loads.some((a) => a.presence === 'online');
    const wait =
      position === undefined || !withinHours ? null : estimateWaitMs(position, agents.loads, agents.handleMs);
    return {
      queuePosition: position,
      estimatedWaitSeconds: wait === null ? null : Math.round(wait / 1000),
      agentsAvailable: withinHours && online,
      withinHours,
    };
  }

  function infoIn(snapshot: QueueSnapshot, conversation: ConversationRecord): QueueInfo {
    if (conversation.status !== 'queued') return {};
    return infoAt(snapshot.positions.get(conversation.id), snapshot, snapshot.withinHours);
  }

  /** The newest snapshot computed so far, perhaps a moment old (for views that show no position). */
  async function latest(): Promise<QueueSnapshot> {
    const [queue, agents] = await Promise.all([queuePart.latest(), agentsPart.latest()]);
    return combine(queue, agents);
  }

  // The HTTP answer to a handoff and the customer's socket frame ask for the same position in the same
  // turn: one count serves both.
  const counted = new Map<string, Promise<number>>();
  function countAhead(c: ConversationRecord): Promise<number> {
    const key = `${c.id}@${c.updatedAt}`;
    let ahead = counted.get(key);
    if (!ahead) {
      if (counted.size === 0) setImmediate(() => counted.clear());
      ahead = storage.conversations.countQueuedAhead(aheadOf(c, routing.agingMs));
      counted.set(key, ahead);
    }
    return ahead;
  }

  /** Position, wait and availability for one conversation (empty unless it is queued), without re-reading
   * the queue: the position is counted in the database, the agents part is fresh. */
  async function infoFor(conversation: ConversationRecord): Promise<QueueInfo> {
    if (conversation.status !== 'queued') return {};
    const [ahead, agents] = await Promise.all([countAhead(conversation), agentsPart.fresh()]);
    return infoAt(ahead + 1, agents, isOpen(hours, clock()));
  }

  return {
    current,
    latest,
    invalidate,
    infoIn,
    infoFor,
    queue: async () => (await current()).queue,
    /** Presence and loads of every agent, reflecting every change reported before the call. */
    agentLoads: async () => (await agentsPart.fresh()).loads,
    /** A user by id from the agents part (null when unknown: the caller may read storage). */
    knownUser: async (id: string) => (await agentsPart.latest()).users.get(id) ?? null,
    withinHours: () => isOpen(hours, clock()),
    subscribe(listener: (snapshot: QueueSnapshot) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type QueueStatus = ReturnType<typeof createQueueStatus>;
