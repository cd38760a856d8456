import { deliver, type BusEvent, type BusListener, type EventBus } from './event-bus.js';

export function createInProcessBus(onError: (err: unknown) => void): EventBus {
  const listeners = new Set<BusListener>();
  return {
    async publish(event: BusEvent) {
      deliver(listeners, event, onError);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}
