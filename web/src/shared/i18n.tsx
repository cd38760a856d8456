// Tiny i18n: Chinese first (zh-CN), English switchable; the choice is remembered in localStorage and
// shared by the widget, the agent console and the admin console.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'zhida.locale';

export type Dictionaries<K extends string> = Record<Locale, Record<K, string>>;
export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string;

export interface I18nValue<K extends string> {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate<K>;
}

export function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (value === 'zh-CN' || value === 'en') return value;
  } catch {
    // Storage may be unavailable (privacy mode): fall back to the default.
  }
  return 'zh-CN';
}

function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Creates a typed provider + hook pair for one app's dictionaries. */
export function createI18n<K extends string>(dictionaries: Dictionaries<K>) {
  const Context = createContext<I18nValue<K> | null>(null);

  function I18nProvider({ children }: { children: ReactNode }) {
    const [locale, setLocaleState] = useState<Locale>(storedLocale);
    const setLocale = useCallback((next: Locale) => {
      setLocaleState(next);
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Not remembered, but still switched.
      }
    }, []);
    useEffect(() => {
      document.documentElement.lang = locale;
    }, [locale]);
    const value = useMemo<I18nValue<K>>(
      () => ({
        locale,
        setLocale,
        t: (key, params) =>
          interpolate(dictionaries[locale][key] ?? dictionaries['zh-CN'][key] ?? key, params),
      }),
      [locale, setLocale],
    );
    return <Context.Provider value={value}>{children}</Context.Provider>;
  }

  function useI18n(): I18nValue<K> {
    const value = useContext(Context);
    if (!value) throw new Error('useI18n outside I18nProvider');
    return value;
  }

  return { I18nProvider, useI18n };
}

/** A compact 中文 / EN toggle. */
export function LocaleSwitch({
  locale,
  setLocale,
  label,
  className,
}: {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  label: string;
  className?: string;
}) {
  return (
    <div className={`locale-switch ${className ?? ''}`} role="group" aria-label={label}>
      {LOCALES.map((value) => (
        <button
          key={value}
          type="button"
          lang={value}
          aria-pressed={locale === value}
          className={locale === value ? 'is-active' : undefined}
          onClick={() => setLocale(value)}
        >
          {value === 'zh-CN' ? '中文' : 'EN'}
        </button>
      ))}
    </div>
  );
}

/** "3 分钟" / "3 min" style durations for waiting times. */
export function formatDuration(ms: number, locale: Locale): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const zh = locale === 'zh-CN';
  if (seconds < 60) return zh ? `${seconds} 秒` : `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return zh ? `${minutes} 分钟` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return zh ? `${hours} 小时 ${rest} 分` : `${hours} h ${rest} min`;
}

export function formatTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleTimeString(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** One character for an avatar: "客服小悦" → "悦" (the 客服 prefix says nothing), "Alice" → "A". */
export function initialOf(name: string): string {
  const trimmed = name.trim().replace(/^客服/, '');
  return /[\u4e00-\u9fff]/.test(trimmed) ? trimmed.slice(-1) : trimmed.slice(0, 1).toUpperCase();
}
