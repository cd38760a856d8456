// SLA clocks of complaint tickets, pure: targets per priority come from config (defaults below); given a
// ticket's bookkeeping (kept by complaint-status.ts) and `now`, each clock says its due time, what remains,
// and whether it is at risk or breached.
import type { ComplaintState } from './complaint-status.js';

export type ComplaintPriority = 'low' | 'normal' | 'high' | 'urgent';
export const COMPLAINT_PRIORITIES: readonly ComplaintPriority[] = ['low', 'normal', 'high', 'urgent'];

export interface SlaTargets {
  firstResponseMs: number;
  resolutionMs: number;
}

export interface SlaPolicy {
  targets: Readonly<Record<ComplaintPriority, Readonly<SlaTargets>>>;
  /** A running clock is "at risk" when no more than this share of its target remains (0.25 = 25 %). */
  atRiskFraction: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  targets: {
    urgent: { firstResponseMs: 30 * MINUTE, resolutionMs: 24 * HOUR },
    high: { firstResponseMs: 2 * HOUR, resolutionMs: 72 * HOUR },
    normal: { firstResponseMs: 8 * HOUR, resolutionMs: 7 * 24 * HOUR },
    low: { firstResponseMs: 24 * HOUR, resolutionMs: 15 * 24 * HOUR },
  },
  atRiskFraction: 0.25,
};

export type SlaClockState = 'running' | 'at_risk' | 'paused' | 'met' | 'breached';

export interface SlaClock {
  targetMs: number;
  /** The deadline, moved later by every pause so far (a pause under way counts up to `now`). */
  dueAt: number;
  /** When the clock stopped (first response given / ticket resolved), or null while it runs. */
  stoppedAt: number | null;
  paused: boolean;
  /** Target minus the time the clock ran; negative once overdue. Frozen while stopped or paused. */
  remainingMs: number;
  breached: boolean;
  atRisk: boolean;
  state: SlaClockState;
}

export interface SlaClocks {
  firstResponse: SlaClock;
  resolution: SlaClock;
}

export type SlaTicket = Pick<
  ComplaintState,
  'firstResponseAt' | 'resolvedAt' | 'pausedMs' | 'pausedSince'
> & {
  priority: ComplaintPriority;
  createdAt: number;
};

export function slaClocks(ticket: SlaTicket, policy: SlaPolicy, now: number): SlaClocks {
  const targets = policy.targets[ticket.priority];
  return {
    firstResponse: clock(
      targets.firstResponseMs,
      ticket.createdAt,
      ticket.firstResponseAt,
      0,
      null,
      policy,
      now,
    ),
    resolution: clock(
      targets.resolutionMs,
      ticket.createdAt,
      ticket.resolvedAt,
      ticket.pausedMs,
      ticket.resolvedAt === null ? ticket.pausedSince : null,
      policy,
      now,
    ),
  };
}

function clock(
  targetMs: number,
  startedAt: number,
  stoppedAt: number | null,
  pausedMs: number,
  pausedSince: number | null,
  policy: SlaPolicy,
  now: number,
): SlaClock {
  const end = stoppedAt ?? now;
  const pausing = pausedSince === null ? 0 : Math.max(0, end - pausedSince);
  const ran = Math.max(0, end - startedAt - pausedMs - pausing);
  const remainingMs = targetMs - ran;
  const breached = remainingMs < 0;
  const paused = stoppedAt === null && pausedSince !== null;
  const atRisk = stoppedAt === null && !breached && remainingMs <= targetMs * policy.atRiskFraction;
  const state: SlaClockState = breached
    ? 'breached'
    : stoppedAt !== null
      ? 'met'
      : paused
        ? 'paused'
        : atRisk
          ? 'at_risk'
          : 'running';
  return {
    targetMs,
    dueAt: startedAt + targetMs + pausedMs + pausing,
    stoppedAt,
    paused,
    remainingMs,
    breached,
    atRisk,
    state,
  };
}

/**
 * Builds a policy from config text: `firstResponseMinutes` / `resolutionHours` like
 * "urgent=30,high=120" (priorities not named keep their defaults), `atRiskPercent` 1–99.
 */
export function buildSlaPolicy(input: {
  firstResponseMinutes?: string;
  resolutionHours?: string;
  atRiskPercent?: number;
}): { ok: true; policy: SlaPolicy } | { ok: false; error: string } {
  const targets = Object.fromEntries(
    COMPLAINT_PRIORITIES.map((p) => [p, { ...DEFAULT_SLA_POLICY.targets[p] }]),
  ) as Record<ComplaintPriority, SlaTargets>;
  const specs = [
    [input.firstResponseMinutes, 'firstResponseMs', MINUTE],
    [input.resolutionHours, 'resolutionMs', HOUR],
  ] as const;
  for (const [spec, field, unit] of specs) {
    if (!spec) continue;
    for (const part of spec.split(',')) {
      const match = /^\s*(low|normal|high|urgent)\s*[=:]\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
      if (!match || Number(match[2]) <= 0) {
        return {
          ok: false,
          error: `"${part.trim()}" is not priority=number (priorities: low, normal, high, urgent)`,
        };
      }
      targets[match[1] as ComplaintPriority][field] = Math.round(Number(match[2]) * unit);
    }
  }
  const percent = input.atRiskPercent ?? DEFAULT_SLA_POLICY.atRiskFraction * 100;
  if (!(percent >= 1 && percent <= 99)) return { ok: false, error: 'the at-risk share must be 1–99 %' };
  return { ok: true, policy: { targets, atRiskFraction: percent / 100 } };
}
