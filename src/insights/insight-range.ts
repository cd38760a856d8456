// Pure: the dashboard's query parameters → a time range. Dates are local calendar days at a fixed UTC
// offset (default +08:00, China): from=2026-01-01&to=2026-01-31 is the whole of January, both ends included.
import { AppError } from '../errors.js';

export interface InsightQuery {
  from?: string;
  to?: string;
  channel?: string;
  /** Minutes east of UTC, a multiple of 60 (the hourly projections are cut at whole hours). */
  utcOffset?: number;
}

export interface InsightRange {
  from: number;
  to: number;
  offsetMs: number;
  channel: string | undefined;
}

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DEFAULT_UTC_OFFSET_MINUTES = 480;
export const DEFAULT_RANGE_DAYS = 30;
/** Longer ranges would only be slower, not more useful, on a dashboard. */
export const MAX_RANGE_DAYS = 400;

function instant(value: string, offsetMs: number, endOfDay: boolean): number {
  if (DATE.test(value)) {
    const midnight = Date.parse(`${value}T00:00:00Z`) - offsetMs;
    if (Number.isNaN(midnight)) throw new AppError('BAD_REQUEST', `not a date: ${value}`);
    return endOfDay ? midnight + DAY_MS : midnight;
  }
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new AppError('BAD_REQUEST', `not a date or date-time: ${value}`);
  return t;
}

/** Defaults: the last 30 local days, today included. */
export function parseInsightRange(query: InsightQuery, now: number): InsightRange {
  const offsetMinutes = query.utcOffset ?? DEFAULT_UTC_OFFSET_MINUTES;
  if (offsetMinutes % 60 !== 0 || offsetMinutes < -720 || offsetMinutes > 840) {
    throw new AppError('BAD_REQUEST', 'utcOffset must be whole hours in minutes, between -720 and 840');
  }
  const offsetMs = offsetMinutes * 60_000;
  const endOfToday = Math.floor((now + offsetMs) / DAY_MS) * DAY_MS - offsetMs + DAY_MS;
  const to = query.to ? instant(query.to, offsetMs, true) : endOfToday;
  const from = query.from ? instant(query.from, offsetMs, false) : to - DEFAULT_RANGE_DAYS * DAY_MS;
  if (from >= to) throw new AppError('BAD_REQUEST', 'from must be before to');
  if (to - from > MAX_RANGE_DAYS * DAY_MS)
    throw new AppError('BAD_REQUEST', `a range spans at most ${MAX_RANGE_DAYS} days`);
  return { from, to, offsetMs, channel: query.channel || undefined };
}
