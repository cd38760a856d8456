// What the customer and the agents are told about the queue: position, estimated wait, and whether
// anyone can answer now (business hours, agents online) — honestly, so nobody waits in an endless queue.
import { isOpen, parseBusinessHours } from '../domain/business-hours.js';
import { estimateWaitMs, type AgentLoad } from '../domain/routing.js';
import type { ConversationRecord, Storage } from '../storage/ports.js';
import type { ServiceContext } from './context.js';
import { positionIn, queuedInOrder } from './queue.js';

/** Assumed handle time until enough chats were handled to measure it. */
const DEFAULT_HANDLE_MS = 4 * 60_000;
const HANDLE_SAMPLE = 50;

export interface QueueInfo {
  queuePosition?: number;
  /** Seconds; null when nobody can take chats now. */
  estimatedWaitSeconds?: number | null;
  /** false outside business hours or with no agent online: the customer is offered a callback ticket. */
  agentsAvailable?: boolean;
  withinHours?: boolean;
}

export function createQueueStatus(ctx: Pick<ServiceContext, 'storage' | 'clock' | 'routing'>) {
  const { storage, clock, routing } = ctx;
  const hours = parseBusinessHours(routing.businessHours, routing.utcOffsetMinutes);

  async function agentLoads(repos: Pick<Storage, 'agentStates' | 'conversations'> = storage): Promise<AgentLoad[]> {
    const states = await repos.agentStates.list();
    return Promise.all(
      states.map(async (s) => ({
        id: s.userId,
        presence: s.presence,
        capacity: s.capacity,
        groups: s.groups,
        idleSince: s.idleSince,
        active: (await repos.conversations.listByAgent(s.userId, ['assigned'], 1000)).length,
      })),
    );
  }

  async function averageHandleMs(): Promise<number> {
    const times = await storage.handoffs.recentHandleTimes(HANDLE_SAMPLE);
    return times.length === 0 ? DEFAULT_HANDLE_MS : times.reduce((a, b) => a + b, 0) / times.length;
  }

  const queue = () => queuedInOrder(storage.conversations, clock(), routing.agingMs);

  /** Position, wait and availability for one conversation (empty unless it is queued). */
  async function infoFor(conversation: ConversationRecord, snapshot?: ConversationRecord[]): Promise<QueueInfo> {
    if (conversation.status !== 'queued') return {};
    const [ordered, loads, handleMs] = await Promise.all([snapshot ?? queue(), agentLoads(), averageHandleMs()]);
    const position = positionIn(ordered, conversation.id);
    const withinHours = isOpen(hours, clock());
    const online = loads.some((a) => a.presence === 'online');
    const wait = position === undefined || !withinHours ? null : estimateWaitMs(position, loads, handleMs);
    return {
      queuePosition: position,
      estimatedWaitSeconds: wait === null ? null : Math.round(wait / 1000),
      agentsAvailable: withinHours && online,
      withinHours,
    };
  }

  return { queue, infoFor, agentLoads, withinHours: () => isOpen(hours, clock()) };
}

export type QueueStatus = ReturnType<typeof createQueueStatus>;
