// WebSocket /api/v1/conversations/{id}/stream?token=…&after=SEQ: replays what came after SEQ, then pushes
// new messages and status/queue updates. Subscribing before the replay and de-duplicating by seq means
// nothing is lost or sent twice across the hand-over from replay to live.
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { BusEvent } from '../realtime/event-bus.js';
import { AppError } from '../errors.js';
import type { QueueSnapshot } from '../services/queue-status.js';
import type { ConversationRecord } from '../storage/ports.js';
import type { AppServices } from './app-services.js';
import { customerConversation, customerMessage } from './views.js';
import { keepAlive, sendJson } from './ws-util.js';

const REPLAY_PAGE = 500;

export async function customerStream(app: FastifyInstance, services: AppServices): Promise<void> {
  const { customers, storage, bus, models } = services;

  const { queueStatus } = services;
  const frameIn = (snapshot: QueueSnapshot, c: ConversationRecord) => {
    const agent = c.assignedAgentId ? (snapshot.users.get(c.assignedAgentId) ?? null) : null;
    return {
      type: 'conversation',
      conversation: customerConversation(c, queueStatus.infoIn(snapshot, c), agent),
    };
  };
  const statusFrame = async (c: ConversationRecord) => frameIn(await queueStatus.current(), c);

  app.get<{ Params: { id: string }; Querystring: { token?: string; after?: string } }>(
    '/api/v1/conversations/:id/stream',
    {
      websocket: true,
      schema: {
        tags: ['customer v1'],
        summary: 'WebSocket: new messages and queue updates, resumable from a sequence number',
      },
    },
    async (socket: WebSocket, request) => {
      let conversation: ConversationRecord;
      try {
        conversation = await customers.authorize(request.params.id, request.query.token);
      } catch (err) {
        const code = err instanceof AppError ? err.code : 'INTERNAL';
        sendJson(socket, {
          type: 'error',
          error: { code, message: err instanceof Error ? err.message : 'error' },
        });
        socket.close(4000 + (err instanceof AppError ? err.status : 500), code);
        return;
      }
      const id = conversation.id;
      let lastSent = Math.max(0, Number.parseInt(request.query.after ?? '0', 10) || 0);
      let replaying = true;
      const buffered: BusEvent[] = [];

      // Frames are built asynchronously; never let an older state overtake a newer one already sent.
      let newestSent = 0;
      const pushStatus = (load: Promise<ConversationRecord | null>) => {
        load
          .then(async (c) => {
            if (!c || c.updatedAt < newestSent) return;
            const frame = await statusFrame(c);
            if (c.updatedAt < newestSent) return;
            newestSent = c.updatedAt;
            sendJson(socket, frame);
          })
          .catch((err) => request.log.warn({ err, conversationId: id }, 'stream push failed'));
      };
      // Messages are handled synchronously so that seq order is kept across replay and live.
      const handle = (event: BusEvent) => {
        if (event.type === 'message' && event.message.conversationId === id && event.message.seq > lastSent) {
          lastSent = event.message.seq;
          sendJson(socket, {
            type: 'message',
            message: customerMessage(event.message, models.current().entries),
          });
        } else if (event.type === 'conversation' && event.conversation.id === id) {
          pushStatus(Promise.resolve(event.conversation));
        } else if (event.type === 'typing' && event.conversationId === id && event.from === 'agent') {
          sendJson(socket, { type: 'typing', from: 'agent', name: event.name });
        }
      };
      const unsubscribe = bus.subscribe((event) => {
        if (replaying) buffered.push(event);
        else handle(event);
      });
      // Everyone waiting learns their new position from the shared queue snapshot (no query per socket).
      const stopQueue = queueStatus.subscribe((snapshot) => {
        const mine = snapshot.byId.get(id);
        if (replaying || !mine || mine.updatedAt < newestSent) return;
        newestSent = mine.updatedAt;
        sendJson(socket, frameIn(snapshot, mine));
      });
      const stopPing = keepAlive(socket);
      socket.on('message', (data) => {
        if (String(data).includes('"typing"'))
          void bus.publish({ type: 'typing', conversationId: id, from: 'customer' }).catch(() => {});
      });
      socket.on('close', () => {
        unsubscribe();
        stopQueue();
        stopPing();
      });

      try {
        for (;;) {
          const page = await storage.messages.listAfter(id, lastSent, REPLAY_PAGE);
          for (const m of page)
            sendJson(socket, { type: 'message', message: customerMessage(m, models.current().entries) });
          if (page.length > 0) lastSent = page[page.length - 1].seq;
          if (page.length < REPLAY_PAGE) break;
        }
        const current = (await storage.conversations.get(id)) ?? conversation;
        newestSent = Math.max(newestSent, current.updatedAt);
        sendJson(socket, await statusFrame(current));
        for (const event of buffered.splice(0)) handle(event);
        replaying = false;
      } catch (err) {
        request.log.warn({ err, conversationId: id }, 'stream replay failed');
        socket.close(1011, 'replay failed');
      }
    },
  );
}
