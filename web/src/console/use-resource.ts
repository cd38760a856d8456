// A tiny data hook for the console's side resources (notes, tickets, complaints…): loads a GET path,
// optionally re-reads it on an interval while mounted, and exposes reload() for after changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import { request } from '../shared/api.js';

export interface Resource<T> {
  data: T | null;
  /** Date.now() when `data` arrived (SLA countdowns run on from it). */
  fetchedAt: number;
  failed: boolean;
  loading: boolean;
  reload: () => Promise<void>;
}

export function useResource<T>(path: string | null, pollMs = 0): Resource<T> {
  const [state, setState] = useState<{
    data: T | null;
    fetchedAt: number;
    failed: boolean;
    loading: boolean;
  }>({
    data: null,
    fetchedAt: 0,
    failed: false,
    loading: path !== null,
  });
  const token = useRef(0);
  const reload = useCallback(async () => {
    if (!path) return;
    const mine = ++token.current;
    try {
      const data = await request<T>(path);
      if (mine === token.current) setState({ data, fetchedAt: Date.now(), failed: false, loading: false });
    } catch {
      if (mine === token.current) setState((s) => ({ ...s, failed: true, loading: false }));
    }
  }, [path]);
  useEffect(() => {
    setState({ data: null, fetchedAt: 0, failed: false, loading: path !== null });
    void reload();
    if (!pollMs || !path) return;
    const timer = setInterval(() => void reload(), pollMs);
    return () => clearInterval(timer);
  }, [path, pollMs, reload]);
  return { ...state, reload };
}
