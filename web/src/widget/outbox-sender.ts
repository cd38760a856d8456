// Sends the outbox one message at a time, in order, each with its own stable clientMessageId: a
// transient failure is retried with backoff (at once when the connection comes back), a refusal is
// parked until the customer discards or resends it.
import { ApiError } from '../shared/api.js';
import type { Outbox, OutboxItem } from './outbox.js';

export interface SenderHooks {
  /** Posts one message and applies the server's answer; throws what request() throws. */
  post(item: OutboxItem): Promise<void>;
  /** The outbox changed (show it). */
  changed(): void;
  /** Sending now waits for a retry (true), or no longer does (false). */
  retrying(waiting: boolean): void;
}

export class OutboxSender {
  private flushing = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;

  constructor(
    private readonly outbox: Pick<Outbox, 'items' | 'update' | 'remove'>,
    private readonly hooks: SenderHooks,
  ) {}

  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (;;) {
        const item = this.outbox.items().find((i) => !i.rejected);
        if (!item) break;
        try {
          await this.hooks.post(item);
          this.outbox.remove(item.clientMessageId);
          this.attempt = 0;
          this.hooks.retrying(false);
          this.hooks.changed();
        } catch (error) {
          if (error instanceof ApiError && !error.retryable) {
            this.outbox.update(item.clientMessageId, { rejected: error.code });
            this.hooks.changed();
            continue;
          }
          this.outbox.update(item.clientMessageId, { failedAttempts: (item.failedAttempts ?? 0) + 1 });
          this.hooks.retrying(true);
          this.hooks.changed();
          this.retrySoon();
          break;
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Flushes again after `delayMs`, or after an exponential backoff (1 s doubling to 30 s). */
  retrySoon(delayMs?: number): void {
    if (this.outbox.items().every((i) => i.rejected)) return;
    if (this.timer) clearTimeout(this.timer);
    const delay = delayMs ?? Math.min(30_000, 1000 * 2 ** this.attempt);
    if (delayMs === undefined) this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
