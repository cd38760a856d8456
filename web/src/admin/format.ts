// Formatting and download helpers of the admin console.
import type { Locale } from '../shared/i18n.js';

const tag = (locale: Locale) => (locale === 'zh-CN' ? 'zh-CN' : 'en-US');

export function formatDateTime(value: number | string | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  return date.toLocaleString(tag(locale), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function formatPercent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)}%`;
}

export function formatNumber(value: number | null | undefined, locale: Locale, digits = 2): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString(tag(locale), { maximumFractionDigits: digits });
}

/** Milliseconds as "850 ms", "12.3 s", "4.5 min", "1.2 h". */
export function formatMs(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value < 1000) return `${Math.round(value)} ms`;
  if (value < 60_000) return `${(value / 1000).toFixed(1)} s`;
  if (value < 3_600_000) return `${(value / 60_000).toFixed(1)} min`;
  return `${(value / 3_600_000).toFixed(1)} h`;
}

/** Local calendar day as YYYY-MM-DD. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
