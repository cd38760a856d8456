// The row under the widget's header, on the first screen: the care-mode switch and the after-care
// services (complaints, chat records).
import { useId } from 'react';
import { useI18n } from './messages.js';

export type WidgetView = 'chat' | 'complaint' | 'records';

export function WidgetToolbar({
  care,
  onCare,
  view,
  onView,
  servicesReady,
}: {
  care: boolean;
  onCare: (next: boolean) => void;
  view: WidgetView;
  onView: (view: WidgetView) => void;
  servicesReady: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="zw-toolbar" role="toolbar" aria-label={t('tools.label')}>
      <button
        type="button"
        role="switch"
        aria-checked={care}
        aria-describedby={`${id}-care-hint`}
        title={t('care.switch.hint')}
        className={`zw-care-switch ${care ? 'is-on' : ''}`}
        onClick={() => onCare(!care)}
      >
        <span className="zw-care-track" aria-hidden="true">
          <span className="zw-care-thumb" />
        </span>
        <span className="zw-care-label">{t('care.switch')}</span>
      </button>
      <span id={`${id}-care-hint`} className="visually-hidden">
        {t('care.switch.hint')}
      </span>
      <span className="zw-toolbar-gap" />
      <button
        type="button"
        className="zw-tool"
        aria-pressed={view === 'complaint'}
        disabled={!servicesReady}
        onClick={() => onView(view === 'complaint' ? 'chat' : 'complaint')}
      >
        {t('tools.complaint')}
      </button>
      <button
        type="button"
        className="zw-tool"
        aria-pressed={view === 'records'}
        disabled={!servicesReady}
        onClick={() => onView(view === 'records' ? 'chat' : 'records')}
      >
        {t('tools.records')}
      </button>
    </div>
  );
}
