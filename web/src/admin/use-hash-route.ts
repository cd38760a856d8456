// The console's location in the URL hash (#/kb/versions, #/insights…): deep links and the back button work.
import { useCallback, useEffect, useState } from 'react';

export const SECTIONS = ['kb', 'learning', 'customers', 'insights'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Route {
  section: Section;
  sub: string;
}

function parse(hash: string): Route {
  const [section, ...rest] = hash.replace(/^#\/?/, '').split('/');
  return (SECTIONS as readonly string[]).includes(section)
    ? { section: section as Section, sub: rest.join('/') }
    : { section: 'kb', sub: '' };
}

export function useHashRoute(): [Route, (section: Section, sub?: string) => void] {
  const [route, setRoute] = useState(() => parse(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((section: Section, sub = '') => {
    const hash = `#/${section}${sub ? `/${sub}` : ''}`;
    if (location.hash !== hash) history.pushState(null, '', hash);
    setRoute({ section, sub });
  }, []);
  return [route, go];
}
