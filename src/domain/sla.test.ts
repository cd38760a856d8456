import { describe, expect, it } from 'vitest';
import { initialComplaintState, transition, type ComplaintEvent } from './complaint-status.js';
import { buildSlaPolicy, DEFAULT_SLA_POLICY, slaClocks, type SlaTicket } from './sla.js';

const T = 1_767_225_600_000;
const MIN = 60_000;
const HOUR = 60 * MIN;

const ticket = (overrides: Partial<SlaTicket> = {}): SlaTicket => ({
  ...initialComplaintState(),
  priority: 'urgent', // first response 30 min, resolution 24 h
  createdAt: T,
  ...overrides,
});

function after(events: Array<[ComplaintEvent, number]>): SlaTicket {
  let state = initialComplaintState();
  for (const [event, now] of events) {
    const r = transition(state, event, now);
    if (!r.ok) throw new Error(r.reason);
    state = r.state;
  }
  return { ...state, priority: 'urgent', createdAt: T };
}

describe('SLA clocks', () => {
  it('runs, turns at-risk in the last quarter, and breaches after the target', () => {
    const p = DEFAULT_SLA_POLICY;
    expect(slaClocks(ticket(), p, T + 10 * MIN).firstResponse).toMatchObject({
      state: 'running',
      dueAt: T + 30 * MIN,
      remainingMs: 20 * MIN,
      breached: false,
      atRisk: false,
    });
    expect(slaClocks(ticket(), p, T + 23 * MIN).firstResponse).toMatchObject({
      state: 'at_risk',
      atRisk: true,
    });
    expect(slaClocks(ticket(), p, T + 30 * MIN).firstResponse.breached).toBe(false); // exactly on time
    expect(slaClocks(ticket(), p, T + 31 * MIN).firstResponse).toMatchObject({
      state: 'breached',
      breached: true,
      atRisk: false,
      remainingMs: -MIN,
    });
  });

  it('stops the first-response clock at the first response: met, or breached for good', () => {
    const onTime = after([[{ type: 'agent_reply' }, T + 5 * MIN]]);
    expect(slaClocks(onTime, DEFAULT_SLA_POLICY, T + 10 * HOUR).firstResponse).toMatchObject({
      state: 'met',
      stoppedAt: T + 5 * MIN,
      remainingMs: 25 * MIN,
    });
    const late = after([[{ type: 'start' }, T + 45 * MIN]]);
    expect(slaClocks(late, DEFAULT_SLA_POLICY, T + 46 * MIN).firstResponse).toMatchObject({
      state: 'breached',
      stoppedAt: T + 45 * MIN,
    });
  });

  it('does not count time waiting on the customer against the resolution target', () => {
    const waiting = after([[{ type: 'wait_customer' }, T + 2 * HOUR]]);
    const paused = slaClocks(waiting, DEFAULT_SLA_POLICY, T + 30 * HOUR).resolution;
    expect(paused).toMatchObject({ state: 'paused', paused: true, breached: false, remainingMs: 22 * HOUR });
    expect(paused.dueAt).toBe(T + 24 * HOUR + 28 * HOUR);
    const resumed = after([
      [{ type: 'wait_customer' }, T + 2 * HOUR],
      [{ type: 'resume' }, T + 30 * HOUR],
    ]);
    expect(slaClocks(resumed, DEFAULT_SLA_POLICY, T + 40 * HOUR).resolution).toMatchObject({
      state: 'running',
      dueAt: T + 52 * HOUR,
      remainingMs: 12 * HOUR,
    });
    expect(slaClocks(resumed, DEFAULT_SLA_POLICY, T + 53 * HOUR).resolution.breached).toBe(true);
  });

  it('stops the resolution clock when resolved', () => {
    const resolved = after([[{ type: 'resolve' }, T + 25 * HOUR]]);
    const clocks = slaClocks(resolved, DEFAULT_SLA_POLICY, T + 100 * HOUR);
    expect(clocks.resolution).toMatchObject({
      state: 'breached',
      stoppedAt: T + 25 * HOUR,
      remainingMs: -HOUR,
    });
    expect(clocks.firstResponse.state).toBe('breached'); // the resolve was also the (late) first response
  });

  it('builds a policy from config text, keeping defaults for priorities not named', () => {
    const built = buildSlaPolicy({
      firstResponseMinutes: 'urgent=5, high:60',
      resolutionHours: 'low=0.5',
      atRiskPercent: 10,
    });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.policy.targets.urgent.firstResponseMs).toBe(5 * MIN);
    expect(built.policy.targets.high.firstResponseMs).toBe(HOUR);
    expect(built.policy.targets.low.resolutionMs).toBe(30 * MIN);
    expect(built.policy.targets.normal).toEqual(DEFAULT_SLA_POLICY.targets.normal);
    expect(built.policy.atRiskFraction).toBe(0.1);
    expect(DEFAULT_SLA_POLICY.targets.urgent.firstResponseMs).toBe(30 * MIN); // defaults untouched
    for (const bad of [
      { firstResponseMinutes: 'vip=5' },
      { resolutionHours: 'low=0' },
      { atRiskPercent: 100 },
    ]) {
      expect(buildSlaPolicy(bad).ok).toBe(false);
    }
  });
});
