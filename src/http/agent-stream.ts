// WebSocket /api/agent/stream (session cookie): the queue whenever it changes, and live messages and
// status changes of the conversations this agent has (and of those waiting, so previews stay current).
// The socket is also presence: opening it counts as a heartbeat, closing the agent's last one starts
// the grace period after which their chats go back to the queue (agent-presence.ts).
//
// Under load every agent socket sees the same frames: the queue list is built and serialised once per
// snapshot, at most every QUEUE_FRAME_MS, and a frame shared by all sockets (a message of a waiting
// chat, another agent's status change) is serialised once per event.
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { AppError } from '../errors.js';
import type { BusEvent } from '../realtime/event-bus.js';
import type { AppServices } from './app-services.js';
import { latestSummaryOf, queueSummaries, queueSummariesOf } from './agent-views.js';
import { requireUser } from './session.js';
import { agentMessage, agentSummary } from './views.js';
import { afterReplies, keepAlive, sendJson, sendText } from './ws-util.js';

/** The queue list is pushed to agents at most this often. */
const QUEUE_FRAME_MS = 250;

export async function agentStream(app: FastifyInstance, services: AppServices): Promise<void> {
  const { bus, storage, models, queueStatus } = services;
  const sockets = new Set<WebSocket>();

  // One queue list for every agent socket, debounced.
  let queueTimer: NodeJS.Timeout | null = null;
  const pushQueue = () => {
    queueTimer = null;
    queueStatus
      .current()
      .then((snapshot) => queueSummariesOf(storage, snapshot))
      .then((conversations) => {
        const text = JSON.stringify({ type: 'queue', conversations });
        for (const socket of sockets) sendText(socket, text);
      })
      .catch((err) => app.log.warn({ err }, 'agent queue push failed'));
  };
  const stopQueue = queueStatus.subscribe(() => {
    if (queueTimer || sockets.size === 0) return;
    queueTimer = setTimeout(pushQueue, QUEUE_FRAME_MS);
    queueTimer.unref();
  });

  // Frames that are the same for every agent socket, serialised once per event.
  const shared = new WeakMap<BusEvent, string>();
  const sharedFrame = (event: BusEvent, build: () => unknown) => {
    let text = shared.get(event);
    if (text === undefined) shared.set(event, (text = JSON.stringify(build())));
    return text;
  };
  app.addHook('onClose', async () => {
    stopQueue();
    if (queueTimer) clearTimeout(queueTimer);
  });

  app.get(
    '/api/agent/stream',
    {
      websocket: true,
      schema: { tags: ['agent'], summary: 'WebSocket: queue, messages and status changes' },
    },
    async (socket: WebSocket, request) => {
      let agent: Awaited<ReturnType<typeof requireUser>>;
      try {
        agent = await requireUser(services, request, 'agent');
      } catch (err) {
        const code = err instanceof AppError ? err.code : 'INTERNAL';
        sendJson(socket, {
          type: 'error',
          error: { code, message: err instanceof Error ? err.message : 'error' },
        });
        socket.close(4401, code);
        return;
      }
      if (socket.readyState !== socket.OPEN) return; // closed while signing in
      const agentId = agent.id;
      const warn = (err: unknown) => request.log.warn({ err }, 'agent stream push failed');
      const visible = (c: { status: string; assignedAgentId: string | null }) =>
        c.status === 'queued' || c.assignedAgentId === agentId;

      const onEvent = (event: BusEvent) => {
        if (event.type === 'message' && visible(event.conversation)) {
          sendText(
            socket,
            sharedFrame(event, () => ({
              type: 'message',
              conversationId: event.message.conversationId,
              message: agentMessage(event.message, models.current().entries),
            })),
          );
        } else if (event.type === 'typing' && event.from === 'customer') {
          sendJson(socket, { type: 'typing', conversationId: event.conversationId, from: 'customer' });
        } else if (event.type === 'conversation') {
          const c = event.conversation;
          // Full detail for my chats; a light frame (no queries) for the rest, which the queue frames cover.
          if (c.assignedAgentId === agentId) {
            latestSummaryOf(storage, queueStatus, c).then(
              (conversation) => sendJson(socket, { type: 'conversation', conversation }),
              warn,
            );
          } else {
            sendText(
              socket,
              sharedFrame(event, () => ({ type: 'conversation', conversation: agentSummary(c, {}) })),
            );
          }
        }
      };
      const unsubscribe = bus.subscribe((event) => afterReplies(() => onEvent(event), warn));
      const stopPing = keepAlive(socket);
      sockets.add(socket);
      services.presence.connected(agentId);
      socket.on('close', () => {
        sockets.delete(socket);
        unsubscribe();
        stopPing();
        services.presence.disconnected(agentId);
      });
      // The console speaks too: heartbeats keep the agent online, typing is shown to the customer.
      socket.on('message', (data) => {
        let frame: { type?: string; conversationId?: string; presence?: 'online' | 'away' | 'offline' };
        try {
          frame = JSON.parse(String(data));
        } catch {
          return;
        }
        if (frame.type === 'heartbeat') services.presence.heartbeat(agent, frame.presence).catch(warn);
        else if (frame.type === 'typing' && typeof frame.conversationId === 'string') {
          void services.bus
            .publish({
              type: 'typing',
              conversationId: frame.conversationId,
              from: 'agent',
              name: agent.displayName,
            })
            .catch(warn);
        }
      });
      await services.presence.heartbeat(agent).catch(warn);
      await queueSummaries(storage, queueStatus).then(
        (conversations) => sendJson(socket, { type: 'queue', conversations }),
        warn,
      );
    },
  );
}
