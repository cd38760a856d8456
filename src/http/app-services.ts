// What the HTTP layer is given by the composition root.
import type { Config } from '../config.js';
import type { EventBus } from '../realtime/event-bus.js';
import type { AgentConversations } from '../services/agent-conversations.js';
import type { AgentPresence } from '../services/agent-presence.js';
import type { QueueStatus } from '../services/queue-status.js';
import type { Auth } from '../services/auth.js';
import type { EvidenceServices } from '../services/evidence-services.js';
import type { CustomerConversations } from '../services/customer-conversations.js';
import type { KnowledgeBaseService } from '../services/knowledge-base.js';
import type { KbPublishing } from '../services/kb-publishing.js';
import type { RegressionCases } from '../services/regression-cases.js';
import type { ModelRegistry } from '../services/model-registry.js';
import type { LearningServices } from '../services/learning-services.js';
import type { Storage } from '../storage/ports.js';
import type { CustomerProfiles } from '../insights/customer-profiles.js';
import type { InsightMetrics } from '../insights/insight-metrics.js';
import type { InsightProjector } from '../insights/insight-projector.js';

export interface AppServices extends EvidenceServices {
  config: Readonly<Config>;
  storage: Storage;
  bus: EventBus;
  models: ModelRegistry;
  customers: CustomerConversations;
  agents: AgentConversations;
  auth: Auth;
  kb: KnowledgeBaseService;
  kbPublishing: KbPublishing;
  regressionCases: RegressionCases;
  presence: AgentPresence;
  queueStatus: QueueStatus;
  learning: LearningServices;
  insightProjector: InsightProjector;
  insightMetrics: InsightMetrics;
  profiles: CustomerProfiles;
}
