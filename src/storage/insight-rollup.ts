// Pure: what one conversation's projection adds to the global rollups, and the difference between two
// sets of projections (old ones taken out, new ones put in) as the deltas to apply.
import type { ConversationProjection } from './ports.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
export const hourStart = (t: number): number => t - (t % HOUR_MS);
export const utcDayStart = (t: number): number => t - (t % DAY_MS);

export const TOTAL_FIELDS = [
  'conversations',
  'engaged',
  'care',
  'handed_off',
  'self_served',
  'customer',
  'bot',
  'agent',
  'system',
  'answers',
  'clarifies',
  'handoffs',
] as const;
export type TotalField = (typeof TOTAL_FIELDS)[number];
export type Totals = Record<TotalField, number>;

export interface RollupDeltas {
  /** key `${hour}|${channel}` */
  totals: Map<string, Totals>;
  /** key `${hour}|${channel}|${reason}` */
  reasons: Map<string, number>;
  /** key `${hour}|${channel}|${entryId}` */
  entryHours: Map<string, number>;
  /** key `${utcDay}|${channel}|${entryId}` */
  entryDays: Map<string, number>;
  /** key `${startHour}|${channel}|${kind}:${ms}` */
  responses: Map<string, number>;
  /** key `${utcDayOfStart}|${channel}|${kind}:${ms}` */
  responseDays: Map<string, number>;
}

const zero = (): Totals => Object.fromEntries(TOTAL_FIELDS.map((f) => [f, 0])) as Totals;

export function emptyDeltas(): RollupDeltas {
  return {
    totals: new Map(),
    reasons: new Map(),
    entryHours: new Map(),
    entryDays: new Map(),
    responses: new Map(),
    responseDays: new Map(),
  };
}

const bump = (map: Map<string, number>, key: string, by: number) => map.set(key, (map.get(key) ?? 0) + by);

/** Adds (sign 1) or takes out (sign -1) one projection's contribution. */
export function addContribution(deltas: RollupDeltas, p: ConversationProjection, sign: 1 | -1): void {
  const { facts: f } = p;
  const add = (hour: number, values: Partial<Totals>) => {
    const key = `${hour}|${f.channel}`;
    const totals = deltas.totals.get(key) ?? zero();
    for (const [field, value] of Object.entries(values) as Array<[TotalField, number]>)
      totals[field] += sign * value;
    deltas.totals.set(key, totals);
  };
  const start = hourStart(f.startedAt);
  add(start, {
    conversations: 1,
    engaged: f.customerMessages > 0 || f.handedOff ? 1 : 0,
    care: f.care ? 1 : 0,
    handed_off: f.handedOff ? 1 : 0,
    self_served: f.selfServed ? 1 : 0,
  });
  if (f.handedOff) bump(deltas.reasons, `${start}|${f.channel}|${f.firstHandoffReason ?? 'unknown'}`, sign);
  // Exact values, counted: bots answer in the same instant, so first responses collapse to few rows.
  for (const [kind, ms] of [
    ['first', f.firstResponseMs],
    ['agent', f.agentResponseMs],
  ] as const) {
    if (ms === null) continue;
    bump(deltas.responses, `${start}|${f.channel}|${kind}:${ms}`, sign);
    bump(deltas.responseDays, `${utcDayStart(start)}|${f.channel}|${kind}:${ms}`, sign);
  }
  for (const h of p.hourly) {
    const { hour, ...counts } = h;
    add(hour, counts);
  }
  for (const h of p.hits) {
    bump(deltas.entryHours, `${h.hour}|${f.channel}|${h.entryId}`, sign * h.hits);
    bump(deltas.entryDays, `${utcDayStart(h.hour)}|${f.channel}|${h.entryId}`, sign * h.hits);
  }
}

/** Splits a delta key back into its parts: hours and channels hold no "|" (the API restricts channels); an entry id may. */
export function splitKey(key: string): [number, string, string] {
  const first = key.indexOf('|');
  const second = key.indexOf('|', first + 1);
  if (second < 0) return [Number(key.slice(0, first)), key.slice(first + 1), ''];
  return [Number(key.slice(0, first)), key.slice(first + 1, second), key.slice(second + 1)];
}
