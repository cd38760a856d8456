// Cookie-session login shared by the agent console and the admin console.
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, request } from './api.js';
import type { Translate } from './i18n.js';
import type { User } from './types.js';

export const authZh = {
  'auth.username': '用户名',
  'auth.password': '密码',
  'auth.submit': '登录',
  'auth.submitting': '正在登录…',
  'auth.invalid': '用户名或密码错误',
  'auth.throttled': '尝试次数过多，请稍后再试',
  'auth.failed': '登录失败，请检查网络后重试',
  'auth.logout': '退出登录',
  'auth.loading': '加载中…',
} as const;

export type AuthKey = keyof typeof authZh;

export const authEn: Record<AuthKey, string> = {
  'auth.username': 'Username',
  'auth.password': 'Password',
  'auth.submit': 'Sign in',
  'auth.submitting': 'Signing in…',
  'auth.invalid': 'Wrong username or password',
  'auth.throttled': 'Too many attempts, please wait a moment',
  'auth.failed': 'Sign-in failed, check your connection and retry',
  'auth.logout': 'Sign out',
  'auth.loading': 'Loading…',
};

export type AuthState = { phase: 'loading' } | { phase: 'anonymous' } | { phase: 'signed-in'; user: User };

export function useAuth() {
  const [state, setState] = useState<AuthState>({ phase: 'loading' });
  const refresh = useCallback(async () => {
    try {
      const { user } = await request<{ user: User }>('/api/auth/me');
      setState({ phase: 'signed-in', user });
    } catch {
      setState({ phase: 'anonymous' });
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const login = useCallback(
    async (username: string, password: string) => {
      await request('/api/auth/login', { method: 'POST', body: { username, password } });
      await refresh();
    },
    [refresh],
  );
  const logout = useCallback(async () => {
    try {
      await request('/api/auth/logout', { method: 'POST', body: {} });
    } finally {
      setState({ phase: 'anonymous' });
    }
  }, []);
  return { state, login, logout };
}

export function LoginForm({
  title,
  subtitle,
  t,
  onLogin,
  aside,
}: {
  title: string;
  subtitle: string;
  t: Translate<AuthKey>;
  onLogin: (username: string, password: string) => Promise<void>;
  aside?: ReactNode;
}) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onLogin(username.trim(), password);
    } catch (failure) {
      const status = failure instanceof ApiError ? failure.status : 0;
      setError(
        status === 401 || status === 400 || status === 403
          ? t('auth.invalid')
          : status === 429
            ? t('auth.throttled')
            : t('auth.failed'),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="login-logo" aria-hidden="true">
          智
        </div>
        <h1 id="login-title">{title}</h1>
        <p className="login-subtitle">{subtitle}</p>
        <label className="field">
          <span>{t('auth.username')}</span>
          <input
            className="input"
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('auth.password')}</span>
          <input
            className="input"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error && (
          <p className="alert alert--error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn--primary login-submit" disabled={busy}>
          {busy ? t('auth.submitting') : t('auth.submit')}
        </button>
        {aside}
      </form>
    </main>
  );
}
