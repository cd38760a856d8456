// Agents' presence (online / away / offline) from console heartbeats and console sockets, their capacity
// and skill groups. An agent who goes offline — by choice, by silence, or by closing their last console
// socket for longer than a short grace period — hands their chats back to the front of the queue.
import type { Presence } from '../domain/routing.js';
import type { UserRecord } from '../storage/ports.js';
import type { AgentStateRecord } from '../storage/routing-ports.js';
import { langOf } from './bot-replies.js';
import type { ServiceContext } from './context.js';
import type { Handoffs } from './handoff.js';
import { newMessage } from './new-message.js';
import { publishAfterWrite } from './publish.js';

/** How long an agent whose last console socket closed may take to reconnect (a reload, a network blip)
 * before they count as gone; never longer than the heartbeat timeout. */
const DISCONNECT_GRACE_MS = 10_000;

export function createAgentPresence(
  ctx: ServiceContext,
  handoffs: Handoffs,
  onError: (err: unknown) => void = () => {},
) {
  const { storage, clock, routing, bus, newId } = ctx;
  const graceMs = Math.min(DISCONNECT_GRACE_MS, routing.heartbeatTimeoutMs);
  /** Open console sockets per agent on this server instance, and the timers of those with none left. */
  const sockets = new Map<string, number>();
  const leaving = new Map<string, NodeJS.Timeout>();

  async function stateOf(userId: string): Promise<AgentStateRecord> {
    const now = clock();
    return (
      (await storage.agentStates.get(userId)) ?? {
        userId,
        presence: 'offline',
        capacity: routing.agentCapacity,
        groups: [],
        lastSeenAt: now,
        idleSince: now,
      }
    );
  }

  /** Chats of an agent who left go back to the queue, at the front, with a word to the customer. */
  async function requeueChatsOf(agentId: string): Promise<number> {
    const chats = await storage.conversations.listByAgent(agentId, ['assigned'], 1000);
    for (const chat of chats) {
      const result = await storage.transaction(async (tx) => {
        const fresh = await tx.conversations.get(chat.id);
        if (!fresh || fresh.status !== 'assigned' || fresh.assignedAgentId !== agentId) return null;
        const queued = await handoffs.enqueue(tx, fresh, {
          reason: fresh.handoffReason ?? 'agent-offline',
          front: true,
        });
        const text =
          langOf(fresh.locale) === 'en'
            ? 'Your agent was disconnected; you are first in line for the next one.'
            : '客服连接中断，已为您优先重新排队，请稍候。';
        const { message } = await tx.messages.append(
          newMessage(
            'system',
            text,
            { event: 'requeued' },
            { id: newId(), conversationId: fresh.id, createdAt: clock() },
          ),
        );
        return { queued, message };
      });
      if (result) await publishAfterWrite(ctx, result.queued, [result.message], true);
    }
    return chats.length;
  }

  /** A heartbeat from the console, optionally with a presence the agent chose. */
  async function heartbeat(agent: UserRecord, presence?: Presence): Promise<AgentStateRecord> {
    const before = await stateOf(agent.id);
    const now = clock();
    const next: AgentStateRecord = {
      ...before,
      lastSeenAt: now,
      presence: presence ?? (before.presence === 'offline' ? 'online' : before.presence),
    };
    if (before.presence !== 'online' && next.presence === 'online') next.idleSince = now;
    await storage.agentStates.put(next);
    // Announced before the chats go back, so that routing never hands them to an agent who just left.
    if (next.presence !== before.presence) await bus.publish({ type: 'agent-changed', agentId: agent.id });
    if (next.presence === 'offline' && before.presence !== 'offline') await requeueChatsOf(agent.id);
    return next;
  }

  async function configure(
    userId: string,
    settings: { capacity?: number; groups?: string[] },
  ): Promise<AgentStateRecord> {
    const next = { ...(await stateOf(userId)), ...settings };
    await storage.agentStates.put(next);
    await bus.publish({ type: 'agent-changed', agentId: userId });
    return next;
  }

  /** Gone without saying so: offline, announced before their chats go back to the front of the queue. */
  async function gone(state: AgentStateRecord): Promise<void> {
    await storage.agentStates.put({ ...state, presence: 'offline' });
    await bus.publish({ type: 'agent-changed', agentId: state.userId });
    await requeueChatsOf(state.userId);
  }

  /** Agents silent longer than the heartbeat timeout are offline; their chats are re-queued. */
  async function sweep(): Promise<string[]> {
    const stale = await storage.agentStates.listStale(clock() - routing.heartbeatTimeoutMs);
    for (const state of stale) await gone(state);
    return stale.map((s) => s.userId);
  }

  /** A console socket of this agent opened. */
  function connected(agentId: string): void {
    sockets.set(agentId, (sockets.get(agentId) ?? 0) + 1);
    clearTimeout(leaving.get(agentId));
    leaving.delete(agentId);
  }

  /**
   * A console socket of this agent closed. When it was their last one, they are gone unless they come
   * back within the grace period (or a heartbeat arrives meanwhile, e.g. from a console connected to
   * another server instance).
   */
  function disconnected(agentId: string): void {
    const left = (sockets.get(agentId) ?? 1) - 1;
    if (left > 0) {
      sockets.set(agentId, left);
      return;
    }
    sockets.delete(agentId);
    const closedAt = clock();
    clearTimeout(leaving.get(agentId));
    const timer = setTimeout(() => {
      leaving.delete(agentId);
      if (sockets.has(agentId)) return;
      storage.agentStates
        .get(agentId)
        .then((state) => {
          if (state && state.presence !== 'offline' && state.lastSeenAt <= closedAt) return gone(state);
        })
        .catch(onError);
    }, graceMs);
    timer.unref();
    leaving.set(agentId, timer);
  }

  /** Stops the grace timers (server shutdown). */
  function close(): void {
    for (const timer of leaving.values()) clearTimeout(timer);
    leaving.clear();
  }

  /** When a chat ends the agent becomes free: the longest-idle clock starts now. */
  async function freed(agentId: string): Promise<void> {
    const state = await storage.agentStates.get(agentId);
    if (state) await storage.agentStates.put({ ...state, idleSince: clock() });
    await bus.publish({ type: 'agent-changed', agentId });
  }

  return {
    heartbeat,
    configure,
    sweep,
    connected,
    disconnected,
    close,
    freed,
    stateOf,
    list: () => storage.agentStates.list(),
  };
}

export type AgentPresence = ReturnType<typeof createAgentPresence>;
