// Care mode (长辈版 / 关怀模式): large text, large targets, read-aloud and a big 人工客服 button. The choice
// is remembered in localStorage (per customer, on this device); `?care=1` / `?care=0` in the page URL
// sets it, so a business can link elderly customers straight to it.
import { useCallback, useEffect, useState } from 'react';
import { readJson, writeJson } from '../shared/storage.js';

const CARE_KEY = 'zhida.widget.care';

export function initialCareMode(): boolean {
  const param = new URLSearchParams(location.search).get('care');
  if (param === '1' || param === 'true') {
    writeJson(CARE_KEY, true);
    return true;
  }
  if (param === '0' || param === 'false') {
    writeJson(CARE_KEY, false);
    return false;
  }
  return readJson<boolean>(CARE_KEY) === true;
}

/** The care-mode switch state; it also marks <html> so the page around the widget can follow. */
export function useCareMode(): [boolean, (next: boolean) => void] {
  const [care, setCareState] = useState(initialCareMode);
  const setCare = useCallback((next: boolean) => {
    setCareState(next);
    writeJson(CARE_KEY, next);
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('zhida-care', care);
  }, [care]);
  return [care, setCare];
}
