import { describe, expect, it } from 'vitest';
import { figures } from './metrics.js';
import { policies } from './policies.js';
import { arrivals, slotsOf, windowMsOf, type Scenario } from './scenario.js';
import { simulate } from './simulator.js';

const scenario: Scenario = {
  name: 'test',
  seed: 7,
  agents: [
    { group: 'a', count: 3 },
    { group: 'b', count: 2 },
  ],
  capacity: 2,
  service: 'lognormal',
  meanServiceMin: 5,
  sigma: 0.8,
  // Overloaded on purpose, so that chats are still waiting when the simulation is cut off.
  phases: [{ minutes: 120, load: 1.3 }],
  priorityShares: { care: 0.1, urgent: 0.1, vip: 0.2, normal: 0.6 },
  topicShares: { a: 0.7, b: 0.3 },
};
const all = policies({ agingMs: 300_000, skillFallbackMs: 120_000 });

describe('queue simulation', () => {
  it.each(all.map((p) => [p.label, p] as const))(
    'conserves customers and respects capacity: %s',
    (_label, policy) => {
      const customers = arrivals(scenario);
      const stopAtMs = 90 * 60_000;
      const result = simulate(scenario, customers, policy, { stopAtMs });
      expect(result.arrived).toBe(customers.filter((c) => c.arrivalMs <= stopAtMs).length);
      expect(result.served.length + result.waiting.length).toBe(result.arrived);
      expect(result.waiting.length).toBeGreaterThan(0);
      const ids = [...result.served.map((s) => s.id), ...result.waiting.map((w) => w.id)];
      expect(new Set(ids).size).toBe(ids.length);
      for (const [agent, max] of Object.entries(result.maxActive))
        expect(max).toBeLessThanOrEqual(result.capacity[agent]);
      for (const s of result.served) expect(s.startMs).toBeGreaterThanOrEqual(s.arrivalMs);

      // Run to the end: everybody is served.
      const full = simulate(scenario, customers, policy);
      expect(full.waiting).toEqual([]);
      expect(full.served.length).toBe(customers.length);
    },
  );

  it('keeps strict skill groups strict and lets the fall-back cross groups', () => {
    const customers = arrivals(scenario);
    const strict = simulate(
      scenario,
      customers,
      all.find((p) => p.key === 'd')!,
    );
    expect(strict.served.every((s) => s.ownGroup)).toBe(true);
    const fallback = simulate(
      scenario,
      customers,
      all.find((p) => p.key === 'e')!,
    );
    for (const s of fallback.served.filter((r) => !r.ownGroup))
      expect(s.startMs - s.arrivalMs).toBeGreaterThanOrEqual(120_000);
  });

  it('repeats exactly with the same seed and differs with another', () => {
    const run = (seed: number) => {
      const s = { ...scenario, seed };
      return all.map((p) => figures(simulate(s, arrivals(s), p), slotsOf(s), windowMsOf(s)));
    };
    expect(run(7)).toEqual(run(7));
    expect(arrivals(scenario)).toEqual(arrivals(scenario));
    expect(run(8)).not.toEqual(run(7));
  });
});
