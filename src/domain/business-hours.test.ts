import { describe, expect, it } from 'vitest';
import { isOpen, parseBusinessHours } from './business-hours.js';

const at = (iso: string) => Date.parse(iso);

describe('business hours', () => {
  it('opens 09:00–22:00 China time every day', () => {
    const hours = parseBusinessHours('09:00-22:00', 480);
    expect(isOpen(hours, at('2026-11-28T01:00:00Z'))).toBe(true); // 09:00 in Beijing
    expect(isOpen(hours, at('2026-11-28T00:59:00Z'))).toBe(false); // 08:59
    expect(isOpen(hours, at('2026-11-28T14:00:00Z'))).toBe(false); // 22:00
  });

  it('understands weekday ranges and "always"', () => {
    const hours = parseBusinessHours('mon-fri 09:00-18:00; sat 10:00-16:00', 480);
    expect(isOpen(hours, at('2026-11-30T02:00:00Z'))).toBe(true); // Monday 10:00
    expect(isOpen(hours, at('2026-11-29T03:00:00Z'))).toBe(false); // Sunday 11:00
    expect(isOpen(hours, at('2026-11-28T03:00:00Z'))).toBe(true); // Saturday 11:00
    expect(isOpen(parseBusinessHours('always', 480), at('2026-11-29T19:00:00Z'))).toBe(true);
  });

  it('refuses nonsense with a clear message', () => {
    expect(() => parseBusinessHours('9-5', 480)).toThrow(/not like/);
    expect(() => parseBusinessHours('22:00-09:00', 480)).toThrow(/closes before/);
  });
});
