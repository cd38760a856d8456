// UI text of the agent console (Chinese first, English switchable) and the few lookups built on it.
import { createI18n } from '../shared/i18n.js';
import { en } from './messages-en.js';
import { zh, type ConsoleKey } from './messages-zh.js';

export type { ConsoleKey };

export const { I18nProvider, useI18n } = createI18n<ConsoleKey>({ 'zh-CN': zh, en });

/** Handoff reason code → readable text (unknown codes are shown as they are). */
export function reasonText(t: (key: ConsoleKey) => string, code: string | null | undefined): string {
  if (!code) return t('reason.unknown');
  const key = `reason.${code}` as ConsoleKey;
  return key in zh ? t(key) : code;
}

/** Complaint categories: the stored value is the Chinese name the widget also uses. */
export const COMPLAINT_CATEGORIES: ReadonlyArray<{ key: ConsoleKey; value: string }> = [
  { key: 'category.service', value: '服务态度' },
  { key: 'category.quality', value: '商品质量' },
  { key: 'category.refund', value: '退款与售后' },
  { key: 'category.delivery', value: '物流配送' },
  { key: 'category.advert', value: '价格或宣传不符' },
  { key: 'category.other', value: '其他问题' },
];

export function categoryText(t: (key: ConsoleKey) => string, value: string): string {
  const known = COMPLAINT_CATEGORIES.find((c) => c.value === value);
  return known ? t(known.key) : value;
}
