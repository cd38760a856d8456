// A learning review queue (clusters, proposals): the list loaded from `url`, reloaded when the url
// changes; a card's finished action flashes its message and reloads both the list and the KB.
import { useCallback, useEffect, useState } from 'react';
import { request } from '../shared/api.js';
import { useErrorText } from './error-text.js';

export function useReviewQueue<T>(url: string, reload: () => Promise<void>) {
  const { errorText } = useErrorText();
  const [data, setData] = useState<T | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await request<T>(url));
    } catch (error) {
      setProblem(errorText(error));
    }
  }, [url]);
  useEffect(() => {
    void load();
  }, [load]);

  const done = async (message: string) => {
    setFlash(message);
    await Promise.all([load(), reload()]);
  };

  return { data, load, flash, problem, done };
}
