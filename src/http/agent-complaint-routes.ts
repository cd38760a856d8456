// Agent complaint API: the ticket list (by status, assignee, SLA breach), one ticket with its history,
// opening a ticket for a conversation, status transitions, assignment, priority and comments. Every
// change is in the ticket's history and in the audit log.
import type { FastifyInstance } from 'fastify';
import {
  COMPLAINT_STATUSES,
  COMPLAINT_TRANSITIONS,
  type ComplaintStatus,
  type ComplaintTransitionName,
} from '../domain/complaint-status.js';
import { COMPLAINT_PRIORITIES, type ComplaintPriority } from '../domain/sla.js';
import { AppError } from '../errors.js';
import type { ComplaintRecord, UserRecord } from '../storage/ports.js';
import type { AppServices } from './app-services.js';
import { complaintInputFields, userLookup } from './complaint-routes.js';
import { agentComplaint, breachesSchema, breachView, complaintSchema } from './complaint-views.js';
import { errorSchema } from './error-handler.js';
import { idParams, textField } from './schemas.js';
import { requireUser } from './session.js';

const tags = ['agent'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const one = { 200: { type: 'object', properties: { complaint: complaintSchema } }, ...errors };
const many = {
  200: { type: 'object', properties: { complaints: { type: 'array', items: complaintSchema } } },
  ...errors,
};
const priorityField = { type: 'string', enum: COMPLAINT_PRIORITIES } as const;
const body = (properties: Record<string, unknown>, required: string[]) =>
  ({ type: 'object', additionalProperties: false, properties, required }) as const;

export async function agentComplaintRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const { complaints, storage, audit } = services;

  const detail = async (c: ComplaintRecord) =>
    agentComplaint(c, complaints.clocks(c), await userLookup(storage), await complaints.events(c.id));
  /** Runs a change, records it in the audit log, and answers with the ticket and its history. */
  const change = async (
    agent: UserRecord,
    action: string,
    id: string,
    run: () => Promise<ComplaintRecord>,
    info: Record<string, unknown>,
  ) => {
    const updated = await run();
    await audit.record(agent, action, { type: 'complaint', id }, info);
    return { complaint: await detail(updated) };
  };

  app.get<{
    Querystring: { status?: string; breached?: string; assignee?: string; limit?: number; offset?: number };
  }>(
    '/api/agent/complaints',
    {
      schema: {
        tags,
        summary:
          'Complaint tickets, newest first: status=new,in_progress (comma list), assignee=me|<user id>, breached=1',
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string', maxLength: 100 },
            breached: { type: 'string', enum: ['1', 'true', '0', 'false'] },
            assignee: { type: 'string', maxLength: 100 },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
        response: many,
      },
    },
    async (request) => {
      const agent = await requireUser(services, request, 'agent');
      const q = request.query;
      const statuses = q.status
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = statuses?.filter((s) => !COMPLAINT_STATUSES.includes(s as ComplaintStatus)) ?? [];
      if (unknown.length > 0)
        throw new AppError(
          'BAD_REQUEST',
          `unknown status ${unknown.join(', ')} (known: ${COMPLAINT_STATUSES.join(', ')})`,
        );
      const list = await complaints.list({
        statuses: statuses as ComplaintStatus[] | undefined,
        assigneeId: q.assignee === 'me' ? agent.id : q.assignee,
        breached: q.breached === '1' || q.breached === 'true',
        limit: q.limit ?? 100,
        offset: q.offset ?? 0,
      });
      const users = await userLookup(storage);
      return { complaints: list.map((c) => agentComplaint(c, complaints.clocks(c), users)) };
    },
  );

  app.get<{ Querystring: { all?: string } }>(
    '/api/agent/complaints/breaches',
    {
      schema: {
        tags,
        summary:
          'SLA breaches, most overdue first: open tickets (all=1: also those answered or resolved late)',
        querystring: {
          type: 'object',
          properties: { all: { type: 'string', enum: ['1', 'true', '0', 'false'] } },
        },
        response: { 200: breachesSchema, ...errors },
      },
    },
    async (request) => {
      await requireUser(services, request, 'agent');
      const all = request.query.all === '1' || request.query.all === 'true';
      const users = await userLookup(storage);
      const found = await complaints.breaches({ all });
      return {
        breaches: found.map((b) => ({
          complaint: agentComplaint(b.complaint, complaints.clocks(b.complaint), users),
          breaches: b.breaches.map(breachView),
        })),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/agent/complaints/:id',
    {
      schema: {
        tags,
        summary: 'A complaint ticket with its whole history, internal notes included',
        params: idParams,
        response: one,
      },
    },
    async (request) => {
      await requireUser(services, request, 'agent');
      return { complaint: await detail(await complaints.get(request.params.id)) };
    },
  );

  app.post<{
    Body: {
      conversationId: string;
      category: string;
      description: string;
      priority?: ComplaintPriority;
      assigneeId?: string;
    };
  }>(
    '/api/agent/complaints',
    {
      schema: {
        tags,
        summary: 'Open a complaint ticket for a conversation',
        body: body(
          {
            conversationId: idParams.properties.id,
            ...complaintInputFields,
            priority: priorityField,
            assigneeId: { type: 'string', maxLength: 100 },
          },
          ['conversationId', 'category', 'description'],
        ),
        response: { 201: one[200], ...errors },
      },
    },
    async (request, reply) => {
      const agent = await requireUser(services, request, 'agent');
      const conversation = await storage.conversations.get(request.body.conversationId);
      if (!conversation) throw new AppError('NOT_FOUND', 'conversation not found');
      const created = await complaints.openByAgent(agent, conversation, request.body);
      await audit.record(
        agent,
        'complaint.open',
        { type: 'complaint', id: created.id },
        { conversationId: conversation.id, priority: created.priority },
      );
      return reply.status(201).send({ complaint: await detail(created) });
    },
  );

  app.post<{ Params: { id: string }; Body: { event: ComplaintTransitionName; note?: string } }>(
    '/api/agent/complaints/:id/transition',
    {
      schema: {
        tags,
        summary:
          'Move the ticket: start, wait_customer, resume, resolve, close, reopen (409 when not possible); the note is shown to the customer',
        params: idParams,
        body: body(
          {
            event: { type: 'string', enum: COMPLAINT_TRANSITIONS },
            note: { type: 'string', maxLength: 5000 },
          },
          ['event'],
        ),
        response: one,
      },
    },
    async (request) => {
      const agent = await requireUser(services, request, 'agent');
      const { event, note } = request.body;
      return change(
        agent,
        'complaint.transition',
        request.params.id,
        () => complaints.transition(agent, request.params.id, event, note),
        { event },
      );
    },
  );

  app.post<{ Params: { id: string }; Body: { assigneeId: string | null } }>(
    '/api/agent/complaints/:id/assign',
    {
      schema: {
        tags,
        summary: 'Assign the ticket to a user ("me" for yourself, null to unassign)',
        params: idParams,
        body: body({ assigneeId: { type: ['string', 'null'], maxLength: 100 } }, ['assigneeId']),
        response: one,
      },
    },
    async (request) => {
      const agent = await requireUser(services, request, 'agent');
      const assigneeId = request.body.assigneeId === 'me' ? agent.id : request.body.assigneeId;
      return change(
        agent,
        'complaint.assign',
        request.params.id,
        () => complaints.assign(agent, request.params.id, assigneeId),
        { assigneeId },
      );
    },
  );

  app.post<{ Params: { id: string }; Body: { priority: ComplaintPriority } }>(
    '/api/agent/complaints/:id/priority',
    {
      schema: {
        tags,
        summary: 'Change the priority (the SLA targets follow it)',
        params: idParams,
        body: body({ priority: priorityField }, ['priority']),
        response: one,
      },
    },
    async (request) => {
      const agent = await requireUser(services, request, 'agent');
      const { priority } = request.body;
      return change(
        agent,
        'complaint.priority',
        request.params.id,
        () => complaints.setPriority(agent, request.params.id, priority),
        { priority },
      );
    },
  );

  app.post<{ Params: { id: string }; Body: { text: string; internal?: boolean } }>(
    '/api/agent/complaints/:id/comments',
    {
      schema: {
        tags,
        summary:
          'Reply to the customer on the ticket (stops the first-response clock), or add an internal note (internal=true)',
        params: idParams,
        body: body(
          { text: { ...textField, maxLength: 5000 }, internal: { type: 'boolean', default: false } },
          ['text'],
        ),
        response: one,
      },
    },
    async (request) => {
      const agent = await requireUser(services, request, 'agent');
      const { text, internal } = request.body;
      return change(
        agent,
        'complaint.comment',
        request.params.id,
        () => complaints.comment({ kind: 'agent', user: agent }, request.params.id, text, internal),
        {
          internal: internal ?? false,
        },
      );
    },
  );
}
