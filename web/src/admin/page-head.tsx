// The head of an admin page: its title, a line saying what the page is for, and the page's own controls
// (buttons, filters) beside them. One component so every page keeps the same markup.
import type { ReactNode } from 'react';

export function PageHead({
  title,
  intro,
  children,
}: {
  title: string;
  intro: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="page-head">
      <div>
        <h2>{title}</h2>
        <p className="muted">{intro}</p>
      </div>
      {children}
    </header>
  );
}
