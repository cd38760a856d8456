// What every application service receives from the composition root.
import type { RoutingConfig } from '../config.js';
import type { HandoffPolicy } from '../domain/bot-turn.js';
import type { EventBus } from '../realtime/event-bus.js';
import type { Storage } from '../storage/ports.js';
import type { ModelRegistry } from './model-registry.js';

export interface ServiceContext {
  storage: Storage;
  bus: EventBus;
  models: ModelRegistry;
  policy: Readonly<HandoffPolicy>;
  routing: Readonly<RoutingConfig>;
  clock: () => number;
  newId: () => string;
}
