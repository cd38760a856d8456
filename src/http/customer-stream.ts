// WebSocket /api/v1/conversations/{id}/stream?token=…&after=SEQ: replays what came after SEQ, then pushes
// new messages and status/queue updates. Subscribing before the replay and de-duplicating by seq means
// nothing is lost or sent twice across the hand-over from replay to live.
//
// One bus subscription and one queue subscription serve every socket, routed by conversation id: an
// event costs the sockets of its own conversation only, and a status frame is built from the event's
// record (no re-read); its queue position is one count query.
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { BusEvent } from '../realtime/event-bus.js';
import { AppError } from '../errors.js';
import type { QueueInfo, QueueSnapshot } from '../services/queue-status.js';
import type { ConversationRecord } from '../storage/ports.js';
import type { AppServices } from './app-services.js';
import { customerConversation, customerMessage } from './views.js';
import { afterReplies, keepAlive, sendJson, sendText } from './ws-util.js';

const REPLAY_PAGE = 500;

interface Watcher {
  event(event: BusEvent): void;
  queue(snapshot: QueueSnapshot, mine: ConversationRecord): void;
}

function conversationIdOf(event: BusEvent): string | null {
  if (event.type === 'message' || event.type === 'conversation') return event.conversation.id;
  if (event.type === 'typing') return event.conversationId;
  return null;
}

export async function customerStream(app: FastifyInstance, services: AppServices): Promise<void> {
  const { customers, storage, bus, models, queueStatus } = services;
  const watchers = new Map<string, Set<Watcher>>();
  const warn = (err: unknown) => app.log.warn({ err }, 'customer stream push failed');
  const stopBus = bus.subscribe((event) => {
    const id = conversationIdOf(event);
    if (id !== null && watchers.has(id))
      afterReplies(() => {
        for (const w of watchers.get(id) ?? []) w.event(event);
      }, warn);
  });
  // Everyone waiting learns their new position from the shared queue snapshot (no query per socket).
  const stopQueue = queueStatus.subscribe((snapshot) => {
    for (const [id, set] of watchers) {
      const mine = snapshot.byId.get(id);
      if (mine) for (const w of set) w.queue(snapshot, mine);
    }
  });
  app.addHook('onClose', async () => {
    stopBus();
    stopQueue();
  });
  const watch = (id: string, watcher: Watcher) => {
    let set = watchers.get(id);
    if (!set) watchers.set(id, (set = new Set()));
    set.add(watcher);
    return () => {
      set.delete(watcher);
      if (set.size === 0 && watchers.get(id) === set) watchers.delete(id);
    };
  };

  const agentOf = async (c: ConversationRecord) => {
    if (!c.assignedAgentId || c.status !== 'assigned') return null;
    return (
      (await queueStatus.knownUser(c.assignedAgentId)) ?? (await storage.users.getById(c.assignedAgentId))
    );
  };
  const frame = (c: ConversationRecord, info: QueueInfo, agent: Awaited<ReturnType<typeof agentOf>>) => ({
    type: 'conversation',
    conversation: customerConversation(c, info, agent),
  });
  const statusFrame = async (c: ConversationRecord) =>
    frame(c, await queueStatus.infoFor(c), await agentOf(c));

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

      // Status frames from events are built in event order (chained), and never let an older state
      // overtake a newer one already sent. A snapshot's record of the same instant as the frame last sent
      // is older than it unless both say queued (the snapshot may predate an assignment in that ms).
      let newestSent = 0;
      let newestStatus = '';
      let lastText = '';
      let building: Promise<void> = Promise.resolve();
      const sendStatus = (c: ConversationRecord, built: ReturnType<typeof frame>) => {
        const text = JSON.stringify(built);
        if (text === lastText) return;
        newestSent = c.updatedAt;
        newestStatus = c.status;
        lastText = text;
        sendText(socket, text);
      };
      const pushStatus = (c: ConversationRecord) => {
        building = building
          .then(async () => {
            if (c.updatedAt < newestSent) return;
            const built = await statusFrame(c);
            if (c.updatedAt >= newestSent) sendStatus(c, built);
          })
          .catch((err) => request.log.warn({ err, conversationId: id }, 'stream push failed'));
      };
      // Messages are handled synchronously so that seq order is kept across replay and live.
      const handle = (event: BusEvent) => {
        if (event.type === 'message' && event.message.seq > lastSent) {
          lastSent = event.message.seq;
          sendJson(socket, {
            type: 'message',
            message: customerMessage(event.message, models.current().entries),
          });
        } else if (event.type === 'conversation') {
          pushStatus(event.conversation);
        } else if (event.type === 'typing' && event.from === 'agent') {
          sendJson(socket, { type: 'typing', from: 'agent', name: event.name });
        }
      };
      const unwatch = watch(id, {
        event(event) {
          if (replaying) buffered.push(event);
          else handle(event);
        },
        queue(snapshot, mine) {
          if (replaying || mine.updatedAt < newestSent) return;
          if (mine.updatedAt === newestSent && newestStatus !== 'queued') return;
          sendStatus(mine, frame(mine, queueStatus.infoIn(snapshot, mine), null));
        },
      });
      const stopPing = keepAlive(socket);
      socket.on('message', (data) => {
        if (String(data).includes('"typing"'))
          void bus.publish({ type: 'typing', conversationId: id, from: 'customer' }).catch(() => {});
      });
      socket.on('close', () => {
        unwatch();
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
        pushStatus(current);
        await building;
        for (const event of buffered.splice(0)) handle(event);
        replaying = false;
      } catch (err) {
        request.log.warn({ err, conversationId: id }, 'stream replay failed');
        socket.close(1011, 'replay failed');
      }
    },
  );
}
