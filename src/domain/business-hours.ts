// When people are there to answer. Pure: `now` is passed in; the schedule's time zone is a fixed offset
// (China has no daylight saving), e.g. "09:00-22:00" every day at UTC+8.

export interface BusinessHours {
  /** Minutes east of UTC, e.g. 480 for China Standard Time. */
  utcOffsetMinutes: number;
  /** Per weekday (0 = Sunday), opening and closing minute of the day; null = closed all day. */
  days: ReadonlyArray<readonly [number, number] | null>;
}

export const ALWAYS_OPEN: BusinessHours = Object.freeze({
  utcOffsetMinutes: 0,
  days: Array(7).fill([0, 24 * 60]),
});

const minuteOf = (hhmm: string): number => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!match || Number(match[1]) > 24 || Number(match[2]) > 59)
    throw new Error(`"${hhmm}" is not a time like 09:00`);
  return Number(match[1]) * 60 + Number(match[2]);
};

/** Parses "always" or "HH:MM-HH:MM" (every day) or "mon-fri 09:00-18:00; sat 10:00-16:00". */
export function parseBusinessHours(spec: string, utcOffsetMinutes: number): BusinessHours {
  if (spec.trim().toLowerCase() === 'always') return { ...ALWAYS_OPEN, utcOffsetMinutes };
  const names = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  const days: Array<readonly [number, number] | null> = Array(7).fill(null);
  for (const part of spec
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(?:([a-z]{3})(?:-([a-z]{3}))?\s+)?(\d{1,2}:\d{2})-(\d{1,2}:\d{2})$/i.exec(part);
    if (!match) throw new Error(`"${part}" is not like "mon-fri 09:00-18:00"`);
    const from = match[1] ? names.indexOf(match[1].toLowerCase()) : 0;
    const to = match[2] ? names.indexOf(match[2].toLowerCase()) : match[1] ? from : 6;
    if (from < 0 || to < 0) throw new Error(`unknown weekday in "${part}"`);
    const range = [minuteOf(match[3]), minuteOf(match[4])] as const;
    if (range[0] >= range[1]) throw new Error(`"${part}" closes before it opens`);
    for (let d = from; ; d = (d + 1) % 7) {
      days[d] = range;
      if (d === to) break;
    }
  }
  return { utcOffsetMinutes, days };
}

export function isOpen(hours: BusinessHours, now: number): boolean {
  const local = new Date(now + hours.utcOffsetMinutes * 60_000);
  const range = hours.days[local.getUTCDay()];
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  return range !== null && minute >= range[0] && minute < range[1];
}
