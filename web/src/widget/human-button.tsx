// The one-click 人工客服 button: small in the header, or in care mode a large bar always on screen.
import { useI18n } from './messages.js';

export function HumanButton({
  onClick,
  disabled,
  large = false,
}: {
  onClick: () => void;
  disabled: boolean;
  large?: boolean;
}) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className={large ? 'zw-human zw-human--large' : 'zw-human'}
      onClick={onClick}
      disabled={disabled}
      title={large ? undefined : t('widget.human.hint')}
    >
      <svg viewBox="0 0 24 24" width={large ? 32 : 16} height={large ? 32 : 16} aria-hidden="true">
        <path
          fill="currentColor"
          d="M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm0 2c-3.3 0-8 1.7-8 5v1h16v-1c0-3.3-4.7-5-8-5Z"
        />
      </svg>
      {t('widget.human')}
    </button>
  );
}
