// One SLA clock of a complaint ticket: time left (counting down live from the server's figure), paused,
// met, and at-risk / breached warnings in red.
import type { SlaClock, SlaState } from './api-types.js';
import { formatSpan } from './format.js';
import { useI18n } from './messages.js';

/** The clock's state and remaining time now, projected from when the server computed it. */
export function liveClock(
  clock: SlaClock,
  fetchedAt: number,
  now: number,
): { state: SlaState; remainingMs: number } {
  const running =
    clock.state === 'running' ||
    clock.state === 'at_risk' ||
    (clock.state === 'breached' && !clock.stoppedAt && !clock.paused);
  const remainingMs = running ? clock.remainingMs - Math.max(0, now - fetchedAt) : clock.remainingMs;
  const state = running && remainingMs <= 0 ? 'breached' : clock.state;
  return { state, remainingMs };
}

export function SlaClockView({
  name,
  clock,
  fetchedAt,
  now,
}: {
  name: 'firstResponse' | 'resolution';
  clock: SlaClock;
  fetchedAt: number;
  now: number;
}) {
  const { t, locale } = useI18n();
  const { state, remainingMs } = liveClock(clock, fetchedAt, now);
  const span = formatSpan(remainingMs, locale);
  const text =
    state === 'breached'
      ? clock.stoppedAt
        ? t('sla.breachedStopped', { time: span })
        : t('sla.breached', { time: span })
      : state === 'met'
        ? t('sla.met')
        : state === 'paused'
          ? t('sla.paused', { time: span })
          : state === 'at_risk'
            ? t('sla.atRisk', { time: span })
            : t('sla.left', { time: span });
  return (
    <span className={`sla sla--${state}`} data-clock={name} data-state={state}>
      <span className="sla-name">{t(`sla.${name}`)}</span>
      <span className="sla-value">
        {(state === 'breached' || state === 'at_risk') && (
          <span className="sla-icon" aria-hidden="true">
            !
          </span>
        )}
        {text}
      </span>
    </span>
  );
}
