// What the customer and the agents are told about the queue: position, estimated wait, and whether
// anyone can answer now (business hours, agents online) — honestly, so nobody waits in an endless queue.
//
// One snapshot (queue order, agent loads, handle times) is shared by every request and socket: a queue
// change invalidates it, the next reader recomputes it once (4 queries), and subscribers get it pushed
// at most every BROADCAST_MS. Per-socket database reads made the work per handoff grow with the number
// of open sockets (see BENCHMARKS.md, "Handoff under load").
import { isOpen, parseBusinessHours } from '../domain/business-hours.js';
import { orderQueue } from '../domain/queue-order.js';
import { estimateWaitMs, type AgentLoad } from '../domain/routing.js';
import type { ConversationRecord, UserRecord } from '../storage/ports.js';
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

export interface QueueSnapshot {
  /** Queued conversations in service order. */
  queue: ConversationRecord[];
  positions: ReadonlyMap<string, number>;
  byId: ReadonlyMap<string, ConversationRecord>;
  loads: AgentLoad[];
  users: ReadonlyMap<string, UserRecord>;
  handleMs: number;
  withinHours: boolean;
}

export function createQueueStatus(ctx: Pick<ServiceContext, 'storage' | 'clock' | 'routing'>) {
  const { storage, clock, routing } = ctx;
  const hours = parseBusinessHours(routing.businessHours, routing.utcOffsetMinutes);
  let version = 0;
  let cached: { version: number; snapshot: QueueSnapshot } | null = null;
  let computing: Promise<void> | null = null;
  const listeners = new Set<(snapshot: QueueSnapshot) => void>();
  let broadcastTimer: NodeJS.Timeout | null = null;

  async function compute(): Promise<QueueSnapshot> {
    const [queued, assigned, states, handleTimes, users] = await Promise.all([
      storage.conversations.listByStatus(['queued'], SCAN_LIMIT),
      storage.conversations.listByStatus(['assigned'], SCAN_LIMIT),
      storage.agentStates.list(),
      storage.handoffs.recentHandleTimes(HANDLE_SAMPLE),
      storage.users.list(),
    ]);
    const now = clock();
    const queue = orderQueue(
      queued.map((c) => ({ ...c, queuedAt: c.queuedAt ?? c.createdAt, front: c.frontOfQueue })),
      now,
      routing.agingMs,
    );
    const active = new Map<string, number>();
    for (const c of assigned)
      if (c.assignedAgentId) active.set(c.assignedAgentId, (active.get(c.assignedAgentId) ?? 0) + 1);
    return {
      queue,
      positions: new Map(queue.map((c, i) => [c.id, i + 1])),
      byId: new Map(queue.map((c) => [c.id, c])),
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
      withinHours: isOpen(hours, now),
    };
  }

  /** A snapshot that reflects every change made before this call; concurrent readers share one query run. */
  async function current(): Promise<QueueSnapshot> {
    const wanted = version;
    while (!cached || cached.version < wanted) {
      if (!computing) {
        const at = version;
        computing = compute()
          .then((snapshot) => {
            if (!cached || cached.version < at) cached = { version: at, snapshot };
          })
          .finally(() => {
            computing = null;
          });
      }
      await computing; // a failure reaches the caller
    }
    return cached.snapshot;
  }

  /** Something changed (queue, assignment, presence): readers recompute; subscribers hear soon. */
  function invalidate(): void {
    version++;
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

  function infoIn(snapshot: QueueSnapshot, conversation: ConversationRecord): QueueInfo {
    if (conversation.status !== 'queued') return {};
    const position = snapshot.positions.get(conversation.id);
    const online = snapshot.loads.some((a) => a.presence === 'online');
    const wait =
      position === undefined || !snapshot.withinHours
        ? null
        : estimateWaitMs(position, snapshot.loads, snapshot.handleMs);
    return {
      queuePosition: position,
      estimatedWaitSeconds: wait === null ? null : Math.round(wait / 1000),
      agentsAvailable: snapshot.withinHours && online,
      withinHours: snapshot.withinHours,
    };
  }

  return {
    current,
    invalidate,
    infoIn,
    /** Position, wait and availability for one conversation (empty unless it is queued). */
    infoFor: async (conversation: ConversationRecord) =>
      conversation.status === 'queued' ? infoIn(await current(), conversation) : {},
    queue: async () => (await current()).queue,
    agentLoads: async () => (await current()).loads,
    withinHours: () => isOpen(hours, clock()),
    subscribe(listener: (snapshot: QueueSnapshot) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type QueueStatus = ReturnType<typeof createQueueStatus>;
