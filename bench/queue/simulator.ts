// Discrete-event simulation of the handoff queue. Events are arrivals, chat completions and fall-back
// checks; after each, waiting chats are routed by the policy with the product's planAssignments.
import type { PriorityClass } from '../../src/domain/queue-order.js';
import { planAssignments, type AgentLoad } from '../../src/domain/routing.js';
import type { Policy, Queued } from './policies.js';
import type { Customer, Scenario } from './scenario.js';

type SimEvent =
  | { at: number; seq: number; kind: 'arrival'; customer: Customer }
  | { at: number; seq: number; kind: 'done'; agent: number }
  | { at: number; seq: number; kind: 'check' };

/** Binary min-heap on (time, insertion order), so equal times are processed in a fixed order. */
class EventHeap {
  private items: SimEvent[] = [];
  get size() {
    return this.items.length;
  }
  private less(i: number, j: number) {
    const a = this.items[i];
    const b = this.items[j];
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
  private swap(i: number, j: number) {
    [this.items[i], this.items[j]] = [this.items[j], this.items[i]];
  }
  push(event: SimEvent) {
    this.items.push(event);
    let i = this.items.length - 1;
    while (i > 0 && this.less(i, (i - 1) >> 1)) {
      this.swap(i, (i - 1) >> 1);
      i = (i - 1) >> 1;
    }
  }
  pop(): SimEvent | undefined {
    const top = this.items[0];
    const last = this.items.pop();
    if (this.items.length > 0 && last) {
      this.items[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.items.length && this.less(l, m)) m = l;
        if (r < this.items.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}

export interface ServedRecord {
  id: string;
  priority: PriorityClass;
  group: string;
  arrivalMs: number;
  startMs: number;
  endMs: number;
  agentId: string;
  ownGroup: boolean;
}

export interface SimResult {
  /** Customers who arrived before the simulation stopped. */
  arrived: number;
  served: ServedRecord[];
  /** Still waiting when the simulation stopped (only with stopAtMs). */
  waiting: Array<{ id: string; priority: PriorityClass; arrivalMs: number }>;
  endMs: number;
  /** Highest concurrent chats seen per agent, and each agent's capacity. */
  maxActive: Record<string, number>;
  capacity: Record<string, number>;
}

export function agentsOf(s: Scenario): AgentLoad[] {
  const agents: AgentLoad[] = [];
  for (const spec of s.agents) {
    for (let i = 0; i < spec.count; i++) {
      const id = `${spec.group ?? 'any'}-${String(i + 1).padStart(2, '0')}`;
      agents.push({
        id,
        presence: 'online',
        capacity: s.capacity,
        active: 0,
        groups: spec.group ? [spec.group] : [],
        idleSince: 0,
      });
    }
  }
  return agents;
}

/** Runs one policy over one arrival stream; stops when everybody was served, or at stopAtMs. */
export function simulate(
  scenario: Scenario,
  customers: readonly Customer[],
  policy: Policy,
  options: { stopAtMs?: number } = {},
): SimResult {
  const stopAtMs = options.stopAtMs ?? Infinity;
  const agents = agentsOf(scenario);
  const byId = new Map(agents.map((a, i) => [a.id, i]));
  const maxActive: Record<string, number> = Object.fromEntries(agents.map((a) => [a.id, 0]));
  const heap = new EventHeap();
  let seq = 0;
  for (const customer of customers)
    heap.push({ at: customer.arrivalMs, seq: seq++, kind: 'arrival', customer });

  const waiting = new Map<string, { customer: Customer; entry: Queued }>();
  const served: ServedRecord[] = [];
  let now = 0;
  let arrived = 0;

  const dispatch = () => {
    if (waiting.size === 0 || !agents.some((a) => a.active < a.capacity)) return;
    const ordered = policy.order(
      [...waiting.values()].map((w) => w.entry),
      now,
    );
    const plan = planAssignments(
      ordered.map((q) => ({ id: q.id, group: policy.skills ? q.group : null, queuedAt: q.queuedAt })),
      agents,
      now,
      { fallbackAfterMs: policy.fallbackAfterMs },
    );
    for (const { conversationId, agentId } of plan) {
      const w = waiting.get(conversationId);
      const index = byId.get(agentId);
      if (!w || index === undefined) throw new Error(`bad plan entry ${conversationId} → ${agentId}`);
      const agent = agents[index];
      waiting.delete(conversationId);
      agent.active += 1;
      maxActive[agent.id] = Math.max(maxActive[agent.id], agent.active);
      const { customer } = w;
      served.push({
        id: customer.id,
        priority: customer.priority,
        group: customer.group,
        arrivalMs: customer.arrivalMs,
        startMs: now,
        endMs: now + customer.serviceMs,
        agentId: agent.id,
        ownGroup: agent.groups.includes(customer.group),
      });
      heap.push({ at: now + customer.serviceMs, seq: seq++, kind: 'done', agent: index });
    }
  };

  while (heap.size > 0) {
    const event = heap.pop()!;
    if (event.at > stopAtMs) break;
    now = event.at;
    if (event.kind === 'arrival') {
      const c = event.customer;
      arrived++;
      waiting.set(c.id, {
        customer: c,
        entry: { id: c.id, priority: c.priority, queuedAt: c.arrivalMs, group: c.group, front: false },
      });
      // The product re-runs routing on a timer, so a chat becomes takeable by other groups right at its fall-back time.
      if (policy.skills && Number.isFinite(policy.fallbackAfterMs)) {
        heap.push({ at: now + policy.fallbackAfterMs, seq: seq++, kind: 'check' });
      }
    } else if (event.kind === 'done') {
      const agent = agents[event.agent];
      agent.active -= 1;
      agent.idleSince = now; // as presence.freed() does when a chat ends
    }
    dispatch();
  }

  return {
    arrived,
    served,
    waiting: [...waiting.values()].map(({ customer: c }) => ({
      id: c.id,
      priority: c.priority,
      arrivalMs: c.arrivalMs,
    })),
    endMs: now,
    maxActive,
    capacity: Object.fromEntries(agents.map((a) => [a.id, a.capacity])),
  };
}
