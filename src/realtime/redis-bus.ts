// Redis pub/sub bus for several server instances sharing one PostgreSQL: every instance publishes to one
// channel and delivers what it receives (its own events included) to its local sockets.
import { Redis } from 'ioredis';
import { deliver, type BusEvent, type BusListener, type EventBus } from './event-bus.js';

export async function createRedisBus(
  url: string,
  onError: (err: unknown) => void,
  channel = 'zhida:events',
): Promise<EventBus> {
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const sub = new Redis(url, { lazyConnect: true });
  await Promise.all([pub.connect(), sub.connect()]);
  const listeners = new Set<BusListener>();
  sub.on('message', (_channel: string, payload: string) => {
    let event: BusEvent;
    try {
      event = JSON.parse(payload) as BusEvent;
    } catch (err) {
      onError(err);
      return;
    }
    deliver(listeners, event, onError);
  });
  await sub.subscribe(channel);
  return {
    async publish(event) {
      await pub.publish(channel, JSON.stringify(event));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await Promise.allSettled([sub.quit(), pub.quit()]);
    },
  };
}
