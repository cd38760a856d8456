// A service screen in place of the chat (never a pop-up): a back button, its title, its content.
import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from './messages.js';

export function ServiceView({
  title,
  onBack,
  children,
}: {
  title: string;
  onBack: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Moving focus to the new screen's title tells screen-reader users where they are.
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="zw-view" role="region" aria-labelledby="zw-view-title">
      <div className="zw-view-head">
        <button type="button" className="zw-btn zw-back" onClick={onBack}>
          <span aria-hidden="true">←</span> {t('view.back')}
        </button>
        <h3 id="zw-view-title" ref={headingRef} tabIndex={-1}>
          {title}
        </h3>
      </div>
      <div className="zw-view-body">{children}</div>
    </div>
  );
}
