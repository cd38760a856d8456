// WebSocket /api/agent/stream (session cookie): the queue whenever it changes, and live messages and
// status changes of the conversations this agent has (and of those waiting, so previews stay current).
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { AppError } from '../errors.js';
import type { AppServices } from './app-services.js';
import { queueSummaries, summaryOf } from './agent-views.js';
import { requireUser } from './session.js';
import { agentMessage } from './views.js';
import { keepAlive, sendJson } from './ws-util.js';

export async function agentStream(app: FastifyInstance, services: AppServices): Promise<void> {
  const { bus, storage, models } = services;

  app.get('/api/agent/stream', { websocket: true, schema: { tags: ['agent'], summary: 'WebSocket: queue, messages and status changes' } }, async (socket: WebSocket, request) => {
    let agentId: string;
    try {
      agentId = (await requireUser(services, request, 'agent')).id;
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'INTERNAL';
      sendJson(socket, { type: 'error', error: { code, message: err instanceof Error ? err.message : 'error' } });
      socket.close(4401, code);
      return;
    }
    const warn = (err: unknown) => request.log.warn({ err }, 'agent stream push failed');
    const sendQueue = () => queueSummaries(storage).then((conversations) => sendJson(socket, { type: 'queue', conversations }), warn);
    const visible = (c: { status: string; assignedAgentId: string | null }) => c.status === 'queued' || c.assignedAgentId === agentId;

    const unsubscribe = bus.subscribe((event) => {
      if (event.type === 'queue-changed') void sendQueue();
      else if (event.type === 'message' && visible(event.conversation)) {
        sendJson(socket, { type: 'message', conversationId: event.message.conversationId, message: agentMessage(event.message, models.current().entries) });
      } else if (event.type === 'conversation' && (visible(event.conversation) || event.conversation.status !== 'assigned')) {
        summaryOf(storage, event.conversation).then((conversation) => sendJson(socket, { type: 'conversation', conversation }), warn);
      }
    });
    const stopPing = keepAlive(socket);
    socket.on('close', () => {
      unsubscribe();
      stopPing();
    });
    await sendQueue();
  });
}
