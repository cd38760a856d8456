// Which agent gets which waiting conversation. Pure: agents' presence, capacity and load come in,
// assignments go out. Policy: the topic's skill group first (any group after a fallback wait), then the
// agent with the fewest active chats, then the one idle longest.

export type Presence = 'online' | 'away' | 'offline';

export interface AgentLoad {
  id: string;
  presence: Presence;
  capacity: number;
  active: number;
  /** Skill groups this agent serves; empty = every group. */
  groups: readonly string[];
  /** When the agent last became free (or came online). */
  idleSince: number;
}

export interface Waiting {
  id: string;
  /** Skill group of the topic; null = any. */
  group: string | null;
  queuedAt: number;
}

export interface RoutingOptions {
  /** After this long waiting, any agent may take it, whatever the group. */
  fallbackAfterMs: number;
}

const serves = (agent: AgentLoad, group: string | null) =>
  group === null || agent.groups.length === 0 || agent.groups.includes(group);

export function eligible(agent: AgentLoad, item: Waiting, now: number, options: RoutingOptions): boolean {
  if (agent.presence !== 'online' || agent.active >= agent.capacity) return false;
  return serves(agent, item.group) || now - item.queuedAt >= options.fallbackAfterMs;
}

/** Fewest active chats first, then the longest idle, then a stable id order. */
export function pickAgent(
  item: Waiting,
  agents: readonly AgentLoad[],
  now: number,
  options: RoutingOptions,
): AgentLoad | null {
  let best: AgentLoad | null = null;
  for (const agent of agents) {
    if (!eligible(agent, item, now, options)) continue;
    if (
      !best ||
      agent.active < best.active ||
      (agent.active === best.active &&
        (agent.idleSince < best.idleSince || (agent.idleSince === best.idleSince && agent.id < best.id)))
    ) {
      best = agent;
    }
  }
  return best;
}

/** Assigns the queue (already in priority order) greedily; an item no agent can take waits, the rest go on. */
export function planAssignments(
  queue: readonly Waiting[],
  agents: readonly AgentLoad[],
  now: number,
  options: RoutingOptions,
): Array<{ conversationId: string; agentId: string }> {
  const loads = agents.map((a) => ({ ...a }));
  const plan: Array<{ conversationId: string; agentId: string }> = [];
  for (const item of queue) {
    const agent = pickAgent(item, loads, now, options);
    if (!agent) continue;
    agent.active += 1;
    agent.idleSince = now;
    plan.push({ conversationId: item.id, agentId: agent.id });
  }
  return plan;
}

/** Estimated wait from the position and recent handle times; null when nobody can take chats. */
export function estimateWaitMs(
  position: number,
  agents: readonly AgentLoad[],
  averageHandleMs: number,
): number | null {
  const online = agents.filter((a) => a.presence === 'online');
  const slots = online.reduce((n, a) => n + a.capacity, 0);
  if (slots === 0) return null;
  const free = online.reduce((n, a) => n + Math.max(0, a.capacity - a.active), 0);
  if (position <= free) return 0;
  // Each slot frees up about once per handle time; we wait for (position - free) of them.
  return Math.round(((position - free) / slots) * averageHandleMs);
}
