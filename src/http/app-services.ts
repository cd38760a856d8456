// What the HTTP layer is given by the composition root.
import type { Config } from '../config.js';
import type { EventBus } from '../realtime/event-bus.js';
import type { AgentConversations } from '../services/agent-conversations.js';
import type { AgentPresence } from '../services/agent-presence.js';
import type { QueueStatus } from '../services/queue-status.js';
import type { Auth } from '../services/auth.js';
import type { CustomerConversations } from '../services/customer-conversations.js';
import type { KnowledgeBaseService } from '../services/knowledge-base.js';
import type { ModelRegistry } from '../services/model-registry.js';
import type { Storage } from '../storage/ports.js';

export interface AppServices {
  config: Readonly<Config>;
  storage: Storage;
  bus: EventBus;
  models: ModelRegistry;
  customers: CustomerConversations;
  agents: AgentConversations;
  auth: Auth;
  kb: KnowledgeBaseService;
  presence: AgentPresence;
  queueStatus: QueueStatus;
}
