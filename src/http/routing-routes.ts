// Agent routes for presence, transfer, notes, suggestions, canned replies and callback tickets.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import type { AppServices } from './app-services.js';
import { latestSummaryOf } from './agent-views.js';
import { errorSchema } from './error-handler.js';
import { idParams } from './schemas.js';
import { requireUser } from './session.js';

const tags = ['agent'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const noteBody = {
  type: 'object',
  additionalProperties: false,
  properties: { text: { type: 'string', minLength: 1, maxLength: 5000 } },
  required: ['text'],
} as const;

export async function routingRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const { presence, agents, storage, models, queueStatus } = services;

  app.post<{ Body: { presence?: 'online' | 'away' | 'offline' } }>(
    '/api/agent/presence',
    {
      schema: {
        tags,
        summary:
          'Heartbeat from the console, optionally setting presence (going offline re-queues my chats at the front)',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { presence: { type: 'string', enum: ['online', 'away', 'offline'] } },
        },
        response: errors,
      },
    },
    async (request) => {
      const agent = await requireUser(services, request, 'agent');
      const state = await presence.heartbeat(agent, request.body?.presence);
      return { presence: state.presence, capacity: state.capacity, groups: state.groups };
    },
  );

  app.get(
    '/api/agent/agents',
    { schema: { tags, summary: 'Agents with presence and load (for transfers)', response: errors } },
    async (request) => {
      await requireUser(services, request, 'agent');
      const [users, loads] = await Promise.all([storage.users.list(), queueStatus.agentLoads()]);
      return {
        agents: users.map((u) => {
          const load = loads.find((l) => l.id === u.id);
          return {
            id: u.id,
            displayName: u.displayName,
            role: u.role,
            presence: load?.presence ?? 'offline',
            active: load?.active ?? 0,
            capacity: load?.capacity ?? services.config.routing.agentCapacity,
            groups: load?.groups ?? [],
          };
        }),
        groups: [...new Set(services.config.routing.skillGroups.values())],
      };
    },
  );

  app.post<{ Params: { id: string }; Body: { agentId?: string; group?: string; note?: string } }>(
    '/api/agent/conversations/:id/transfer',
    {
      schema: {
        tags,
        summary: 'Transfer to another agent or to a skill group, with a note for the next agent',
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            agentId: { type: 'string', maxLength: 100 },
            group: { type: 'string', maxLength: 100 },
            note: { type: 'string', maxLength: 2000 },
          },
        },
        response: errors,
      },
    },
    async (request) => {
      const agent = await requireUser(services, request, 'agent');
      return {
        conversation: await latestSummaryOf(
          storage,
          queueStatus,
          await agents.transfer(agent, request.params.id, request.body ?? {}),
        ),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/agent/conversations/:id/notes',
    {
      schema: {
        tags,
        summary: 'Internal notes (never shown to the customer)',
        params: idParams,
        response: errors,
      },
    },
    async (request) => {
      await requireUser(services, request, 'agent');
      const notes = await agents.notes(request.params.id);
      return { notes: notes.map((n) => ({ ...n, createdAt: iso(n.createdAt) })) };
    },
  );

  app.post<{ Params: { id: string }; Body: { text: string } }>(
    '/api/agent/conversations/:id/notes',
    { schema: { tags, summary: 'Add an internal note', params: idParams, body: noteBody, response: errors } },
    async (request, reply) => {
      const agent = await requireUser(services, request, 'agent');
      const note = await agents.addNote(agent, request.params.id, request.body.text);
      return reply.status(201).send({ note: { ...note, createdAt: iso(note.createdAt) } });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/agent/conversations/:id/suggestions',
    {
      schema: {
        tags,
        summary: "The engine's best KB answers for the customer's last question (one click to send)",
        params: idParams,
        response: errors,
      },
    },
    async (request) => {
      await requireUser(services, request, 'agent');
      const { messages } = await agents.transcript(request.params.id);
      const last = [...messages].reverse().find((m) => m.sender === 'customer');
      if (!last) return { question: null, suggestions: [] };
      const active = models.current();
      const decision = active.model.decide(last.text);
      return {
        question: last.text,
        suggestions: decision.ranked.slice(0, 3).flatMap((r) => {
          const entry = active.entries.get(r.entryId);
          return entry
            ? [{ entryId: entry.id, title: entry.title, answer: entry.answer, confidence: r.confidence }]
            : [];
        }),
      };
    },
  );

  app.get(
    '/api/agent/canned-replies',
    { schema: { tags, summary: 'Canned replies (type /shortcut in the console)', response: errors } },
    async (request) => {
      await requireUser(services, request, 'agent');
      return {
        replies: (await storage.cannedReplies.list()).map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
      };
    },
  );

  app.put<{ Params: { id: string }; Body: { shortcut: string; text: string } }>(
    '/api/agent/canned-replies/:id',
    {
      schema: {
        tags,
        summary: 'Create or replace a canned reply (admin)',
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            shortcut: { type: 'string', pattern: '^[\\p{L}\\p{N}_-]{1,30}$' },
            text: { type: 'string', minLength: 1, maxLength: 5000 },
          },
          required: ['shortcut', 'text'],
        },
        response: errors,
      },
    },
    async (request) => {
      await requireUser(services, request, 'admin');
      const reply = await storage.cannedReplies
        .put({ id: request.params.id, ...request.body, createdAt: Date.now() })
        .catch((err: Error) => {
          throw err.name === 'StorageConflictError'
            ? new AppError('CONFLICT', `the shortcut "${request.body.shortcut}" is taken`)
            : err;
        });
      return { reply: { ...reply, createdAt: iso(reply.createdAt) } };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/agent/canned-replies/:id',
    { schema: { tags, summary: 'Delete a canned reply (admin)', params: idParams, response: errors } },
    async (request) => {
      await requireUser(services, request, 'admin');
      if (!(await storage.cannedReplies.delete(request.params.id)))
        throw new AppError('NOT_FOUND', 'no such canned reply');
      return { ok: true };
    },
  );

  app.get<{ Querystring: { status?: 'open' | 'done' } }>(
    '/api/agent/tickets',
    {
      schema: {
        tags,
        summary: 'Callback / leave-a-message tickets, newest first',
        querystring: { type: 'object', properties: { status: { type: 'string', enum: ['open', 'done'] } } },
        response: errors,
      },
    },
    async (request) => {
      await requireUser(services, request, 'agent');
      const tickets = await storage.callbackTickets.list(request.query.status ?? null, 500);
      return {
        tickets: tickets.map((t) => ({ ...t, createdAt: iso(t.createdAt), handledAt: iso(t.handledAt) })),
      };
    },
  );

  app.post<{ Params: { id: string }; Body: { status: 'open' | 'done'; note?: string } }>(
    '/api/agent/tickets/:id/status',
    {
      schema: {
        tags,
        summary: 'Mark a callback ticket done (or open again)',
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            status: { type: 'string', enum: ['open', 'done'] },
            note: { type: 'string', maxLength: 2000 },
          },
          required: ['status'],
        },
        response: errors,
      },
    },
    async (request) => {
      const agent = await requireUser(services, request, 'agent');
      const done = request.body.status === 'done';
      const ticket = await storage.callbackTickets.setStatus(
        request.params.id,
        request.body.status,
        done ? agent.id : null,
        done ? Date.now() : null,
        request.body.note ?? null,
      );
      if (!ticket) throw new AppError('NOT_FOUND', 'no such ticket');
      return { ticket: { ...ticket, createdAt: iso(ticket.createdAt), handledAt: iso(ticket.handledAt) } };
    },
  );

  app.put<{ Params: { id: string }; Body: { capacity?: number; groups?: string[] } }>(
    '/api/admin/agents/:id',
    {
      schema: {
        tags: ['admin'],
        summary: "Set an agent's capacity and skill groups",
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            capacity: { type: 'integer', minimum: 1, maximum: 100 },
            groups: { type: 'array', maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 100 } },
          },
        },
        response: errors,
      },
    },
    async (request) => {
      await requireUser(services, request, 'admin');
      if (!(await storage.users.getById(request.params.id))) throw new AppError('NOT_FOUND', 'no such agent');
      return { agent: await presence.configure(request.params.id, request.body) };
    },
  );
}
