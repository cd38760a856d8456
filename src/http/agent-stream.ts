// WebSocket /api/agent/stream (session cookie): the queue whenever it changes, and live messages and
// status changes of the conversations this agent has (and of those waiting, so previews stay current).
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { AppError } from '../errors.js';
import type { AppServices } from './app-services.js';
import { queueSummaries, queueSummariesOf, summaryOf } from './agent-views.js';
import { requireUser } from './session.js';
import { agentMessage, agentSummary } from './views.js';
import { keepAlive, sendJson } from './ws-util.js';

export async function agentStream(app: FastifyInstance, services: AppServices): Promise<void> {
  const { bus, storage, models } = services;

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
      const agentId = agent.id;
      const warn = (err: unknown) => request.log.warn({ err }, 'agent stream push failed');
      const sendQueue = () =>
        queueSummaries(storage, services.queueStatus).then(
          (conversations) => sendJson(socket, { type: 'queue', conversations }),
          warn,
        );
      // The queue list is built once per snapshot and shared by every agent socket.
      const stopQueue = services.queueStatus.subscribe((snapshot) => {
        queueSummariesOf(storage, snapshot).then(
          (conversations) => sendJson(socket, { type: 'queue', conversations }),
          warn,
        );
      });
      const visible = (c: { status: string; assignedAgentId: string | null }) =>
        c.status === 'queued' || c.assignedAgentId === agentId;

      const unsubscribe = bus.subscribe((event) => {
        if (event.type === 'message' && visible(event.conversation)) {
          sendJson(socket, {
            type: 'message',
            conversationId: event.message.conversationId,
            message: agentMessage(event.message, models.current().entries),
          });
        } else if (event.type === 'typing' && event.from === 'customer') {
          sendJson(socket, { type: 'typing', conversationId: event.conversationId, from: 'customer' });
        } else if (event.type === 'conversation') {
          const c = event.conversation;
          // Full detail for my chats; a light frame (no queries) for the rest, which the queue frames cover.
          if (c.assignedAgentId === agentId) {
            summaryOf(storage, services.queueStatus, c).then(
              (conversation) => sendJson(socket, { type: 'conversation', conversation }),
              warn,
            );
          } else {
            sendJson(socket, { type: 'conversation', conversation: agentSummary(c, {}) });
          }
        }
      });
      const stopPing = keepAlive(socket);
      socket.on('close', () => {
        unsubscribe();
        stopQueue();
        stopPing();
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
      await sendQueue();
    },
  );
}
