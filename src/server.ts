// The composition root: the only place that wires real adapters (storage, bus, clock) to the services.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from './config.js';
import { DEFAULT_HANDOFF_POLICY, type HandoffPolicy } from './domain/bot-turn.js';
import { buildApp } from './http/app.js';
import { afterReplies } from './http/ws-util.js';
import type { AppServices } from './http/app-services.js';
import type { EventBus } from './realtime/event-bus.js';
import { createInProcessBus } from './realtime/in-process-bus.js';
import { createRedisBus } from './realtime/redis-bus.js';
import { createAgentConversations } from './services/agent-conversations.js';
import { createAgentPresence } from './services/agent-presence.js';
import { createAuth } from './services/auth.js';
import type { ServiceContext } from './services/context.js';
import { createDispatcher } from './services/dispatcher.js';
import { createHandoffs } from './services/handoff.js';
import { createQueueStatus, type QueueStatus } from './services/queue-status.js';
import { createCustomerConversations } from './services/customer-conversations.js';
import { DEMO_USERS, seedDemo } from './services/demo-seed.js';
import { createKnowledgeBase } from './services/knowledge-base.js';
import { createKbPublishing } from './services/kb-publishing.js';
import { createRegressionCases } from './services/regression-cases.js';
import { createModelRegistry } from './services/model-registry.js';
import { createEvidenceServices } from './services/evidence-services.js';
import { trainInWorker } from './services/train-in-worker.js';
import { createLearningServices } from './services/learning-services.js';
import { openStorage } from './storage/open-storage.js';
import { createInsightProjector } from './insights/insight-projector.js';
import { createInsightMetrics } from './insights/insight-metrics.js';
import { createCustomerProfiles } from './insights/customer-profiles.js';

const ROUTING_TICK_MS = 10_000;

/** The handoff triggers the business turned on (ZHIDA_HANDOFF_TRIGGERS and friends). */
function handoffPolicy(config: Readonly<Config>): HandoffPolicy {
  const on = (trigger: string) => config.handoff.triggers.has(trigger);
  return {
    ...DEFAULT_HANDOFF_POLICY,
    explicitRequest: on('request'),
    legalThreat: on('legal'),
    complaint: on('complaint'),
    anger: on('anger'),
    sensitive: on('sensitive'),
    // "misses" off: the bot still stops after many misses rather than looping for ever.
    maxMisses: on('misses') ? config.handoff.maxMisses : 10,
    angerThreshold: config.handoff.angerThreshold,
    careStraightToHuman: config.handoff.careStraightToHuman,
  };
}

const QUEUE_EVENTS = new Set(['queue-changed', 'agent-changed', 'conversation']);

/** Queue snapshots go stale the moment this instance publishes a queue change (before any reply is
 * built), and when another instance's change arrives over the bus. */
function invalidatesQueue(bus: EventBus, queueStatus: QueueStatus): EventBus {
  bus.subscribe((event) => {
    if (QUEUE_EVENTS.has(event.type)) queueStatus.invalidate(event);
  });
  return {
    ...bus,
    async publish(event) {
      if (QUEUE_EVENTS.has(event.type)) queueStatus.invalidate(event);
      await bus.publish(event);
    },
  };
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  services: AppServices;
  close(): Promise<void>;
}

/** `adapters.clock` replaces the wall clock (tests use a fake one to run SLA clocks forward). */
export async function startServer(
  overrides: Partial<Config> = {},
  adapters: { clock?: () => number } = {},
): Promise<RunningServer> {
  const config = loadConfig(process.env, overrides);
  mkdirSync(config.dataDir, { recursive: true });
  const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let bus: EventBus | undefined;
  try {
    const clock = adapters.clock ?? (() => Date.now());
    const newId = () => randomUUID();
    let log: (err: unknown) => void = (err) => console.error(err);
    const rawBus = config.redisUrl
      ? await createRedisBus(config.redisUrl, (err) => log(err))
      : createInProcessBus((err) => log(err));
    const queueStatus = createQueueStatus({ storage, clock, routing: config.routing });
    bus = invalidatesQueue(rawBus, queueStatus);
    const models = await createModelRegistry(storage.kb, trainInWorker, clock);
    const ctx: ServiceContext = {
      storage,
      bus,
      models,
      policy: handoffPolicy(config),
      routing: config.routing,
      clock,
      newId,
    };
    const auth = createAuth({ storage, clock, newId, sessionHours: config.sessionHours });
    const kb = createKnowledgeBase(ctx, (err) => log(err));
    const handoffs = createHandoffs(ctx);
    const presence = createAgentPresence(ctx, handoffs, (err) => log(err));
    const dispatcher = createDispatcher(ctx, handoffs, queueStatus, (err) => log(err));
    const insightProjector = createInsightProjector(storage, (err) => log(err));
    const services: AppServices = {
      config,
      storage,
      bus,
      models,
      auth,
      kb,
      kbPublishing: createKbPublishing(ctx, (err) => log(err)),
      regressionCases: createRegressionCases(ctx),
      presence,
      queueStatus,
      customers: createCustomerConversations(ctx, handoffs),
      agents: createAgentConversations(ctx, handoffs, presence),
      // Learning loop (issue 5): "publish" in a topic action publishes the draft like the admin's publish button.
      learning: createLearningServices(
        ctx,
        kb,
        (author) => services.kbPublishing.publish({}, author),
        (err) => log(err),
      ),
      ...(await createEvidenceServices(ctx, config.sla, config.keyPassphrase)),
      insightProjector,
      insightMetrics: createInsightMetrics({ storage, clock, projector: insightProjector }),
      profiles: createCustomerProfiles({ storage, clock, projector: insightProjector }),
    };
    // Dashboard projections follow messages and status changes (DESIGN convention 7); the backfill
    // projects what an older database or a crash left unprojected.
    const stopInsights = bus.subscribe((event) => insightProjector.listener(event));
    insightProjector.backfill().catch((err) => log(err));
    // Routing reacts to events (DESIGN convention 7); the timer covers aging, skill fall-back and silent agents.
    const stopRouting = bus.subscribe((event) => {
      if (event.type === 'queue-changed' || event.type === 'agent-changed')
        afterReplies(
          () => void dispatcher.dispatch().catch((err) => log(err)),
          (err) => log(err),
        );
      // Another instance published: retrain here too (the publishing instance already has).
      if (event.type === 'kb-published' && event.version > models.current().kbVersion)
        models.reload().catch((err) => log(err));
    });
    const routingTimer = setInterval(() => {
      presence
        .sweep()
        .then(() => dispatcher.dispatch())
        .catch((err) => log(err));
    }, ROUTING_TICK_MS);
    routingTimer.unref();
    const seed = config.seedDemo ? await seedDemo(storage, auth, kb, config.demoPassword) : { seeded: false };
    if (seed.seeded) await models.reload();

    const app = await buildApp(services);
    log = (err) => app.log.error({ err }, 'background task failed');
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host}:${port}`;
    if (seed.seeded && 'password' in seed)
      printWelcome(url, seed.password ?? '', config.logLevel !== 'silent');

    const openBus = bus;
    return {
      url,
      app,
      services,
      async close() {
        clearInterval(routingTimer);
        stopRouting();
        presence.close();
        await app.close();
        stopInsights();
        await insightProjector.close();
        await services.learning.stop();
        await openBus.close();
        await storage.close();
      },
    };
  } catch (err) {
    await bus?.close();
    await storage.close();
    throw err;
  }
}

function printWelcome(url: string, password: string, show: boolean): void {
  if (!show) return;
  const lines = [
    '',
    '  Zhida 智达客服 is running — demo data created (shown once)',
    `  Shop + chat widget:   ${url}/`,
    `  Agent console:        ${url}/console`,
    `  Admin:                ${url}/admin`,
    `  API docs:             ${url}/docs`,
    ...DEMO_USERS.map((u) => `  ${u.role.padEnd(6)} login:        ${u.username} / ${password}`),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
