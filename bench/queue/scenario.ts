// What is simulated: the agents, the demand (Poisson arrivals in phases of offered load), the customers'
// priority classes and topics, and service times. Service times are drawn at arrival, so every policy
// sees exactly the same customers with exactly the same work (common random numbers).
import type { PriorityClass } from '../../src/domain/queue-order.js';
import { exponential, logNormal, mulberry32, weighted } from './prng.js';

export interface AgentSpec {
  /** Skill group; null = serves every group. */
  group: string | null;
  count: number;
}

export interface Phase {
  minutes: number;
  /** Offered load: arrival rate × mean service time ÷ total chat slots. Above 1 the queue grows. */
  load: number;
}

export interface Scenario {
  name: string;
  seed: number;
  agents: AgentSpec[];
  /** Concurrent chats per agent. */
  capacity: number;
  service: 'lognormal' | 'exponential';
  meanServiceMin: number;
  /** Shape of the log-normal (sigma of the underlying normal). */
  sigma: number;
  phases: Phase[];
  priorityShares: Readonly<Record<PriorityClass, number>>;
  topicShares: Readonly<Record<string, number>>;
}

export interface Customer {
  id: string;
  arrivalMs: number;
  priority: PriorityClass;
  group: string;
  serviceMs: number;
}

export const slotsOf = (s: Scenario) => s.agents.reduce((n, a) => n + a.count, 0) * s.capacity;
export const windowMsOf = (s: Scenario) => s.phases.reduce((n, p) => n + p.minutes, 0) * 60_000;

/** The arrival stream: piecewise-constant Poisson rates (restarting the clock at a phase boundary is exact). */
export function arrivals(s: Scenario): Customer[] {
  const rng = mulberry32(s.seed);
  const meanServiceMs = s.meanServiceMin * 60_000;
  const customers: Customer[] = [];
  let phaseStart = 0;
  for (const phase of s.phases) {
    const end = phaseStart + phase.minutes * 60_000;
    const meanGapMs = meanServiceMs / (phase.load * slotsOf(s));
    let t = phaseStart + exponential(rng, meanGapMs);
    while (t < end) {
      const serviceMs =
        s.service === 'exponential'
          ? exponential(rng, meanServiceMs)
          : logNormal(rng, meanServiceMs, s.sigma);
      customers.push({
        id: `c${String(customers.length).padStart(6, '0')}`,
        arrivalMs: t,
        priority: weighted(rng, s.priorityShares),
        group: weighted(rng, s.topicShares),
        serviceMs,
      });
      t += exponential(rng, meanGapMs);
    }
    phaseStart = end;
  }
  return customers;
}
