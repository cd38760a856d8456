// Dates and SLA durations as agents read them.
import { formatDuration, type Locale } from '../shared/i18n.js';

export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "25 分钟" / "1 小时 5 分" for a remaining or overdue time (sign ignored). */
export function formatSpan(ms: number, locale: Locale): string {
  return formatDuration(Math.abs(ms), locale);
}

/** A ticket number short enough to say on the phone. */
export const shortId = (id: string): string => id.slice(-6).toUpperCase();
