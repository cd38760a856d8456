// Customer complaint API: file a complaint about a conversation (also after the chat ended, with the
// conversation's token), follow its status, history and SLA due times, reply, and see the escalation
// routes (negotiation → consumer association / 12315 → arbitration → court) with what evidence to keep.
import type { FastifyInstance } from 'fastify';
import { escalationGuide } from '../evidence/escalation-routes.js';
import { AppError } from '../errors.js';
import type { Storage } from '../storage/ports.js';
import type { AppServices } from './app-services.js';
import { complaintSchema, customerComplaint, escalationSchema, type UserLookup } from './complaint-views.js';
import { bearerToken } from './customer-routes.js';
import { errorSchema } from './error-handler.js';
import { idParams, textField } from './schemas.js';

const tags = ['customer v1'];
const security = [{ conversationToken: [] }];
const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  429: errorSchema,
};

export const complaintInputFields = {
  category: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
  description: { ...textField, maxLength: 5000 },
} as const;

/** Display names of staff by id, for ticket histories (a small table: one query per request). */
export async function userLookup(storage: Storage): Promise<UserLookup> {
  const users = new Map((await storage.users.list()).map((u) => [u.id, u]));
  return (id) => users.get(id);
}

export async function complaintRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const { complaints, customers, storage } = services;

  const view = async (id: string, users: UserLookup) => {
    const complaint = await complaints.get(id);
    return customerComplaint(complaint, complaints.clocks(complaint), await complaints.events(id), users);
  };

  app.post<{ Params: { id: string }; Body: { category: string; description: string } }>(
    '/api/v1/conversations/:id/complaints',
    {
      schema: {
        tags,
        security,
        summary: 'File a complaint about this conversation (works after the chat ended)',
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: complaintInputFields,
          required: ['category', 'description'],
        },
        response: { 201: { type: 'object', properties: { complaint: complaintSchema } }, ...errors },
      },
    },
    async (request, reply) => {
      const conversation = await customers.authorize(request.params.id, bearerToken(request));
      const created = await complaints.openByCustomer(conversation, request.body);
      request.log.info({ conversationId: conversation.id, complaintId: created.id }, 'complaint filed');
      return reply.status(201).send({ complaint: await view(created.id, await userLookup(storage)) });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/conversations/:id/complaints',
    {
      schema: {
        tags,
        security,
        summary: 'This conversation’s complaints (status, history, SLA due times) and the escalation routes',
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: {
              complaints: { type: 'array', items: complaintSchema },
              escalation: escalationSchema,
            },
          },
          ...errors,
        },
      },
    },
    async (request) => {
      const conversation = await customers.authorize(request.params.id, bearerToken(request));
      const users = await userLookup(storage);
      const list = await complaints.forConversation(conversation.id);
      return {
        complaints: await Promise.all(list.map((c) => view(c.id, users))),
        escalation: escalationGuide(conversation.locale),
      };
    },
  );

  app.post<{ Params: { id: string; complaintId: string }; Body: { text: string } }>(
    '/api/v1/conversations/:id/complaints/:complaintId/comments',
    {
      schema: {
        tags,
        security,
        summary: 'Add to a complaint (answers a ticket that waits on the customer)',
        params: {
          type: 'object',
          properties: {
            ...idParams.properties,
            complaintId: { type: 'string', minLength: 1, maxLength: 100 },
          },
          required: ['id', 'complaintId'],
        },
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { text: { ...textField, maxLength: 5000 } },
          required: ['text'],
        },
        response: { 200: { type: 'object', properties: { complaint: complaintSchema } }, ...errors },
      },
    },
    async (request) => {
      const conversation = await customers.authorize(request.params.id, bearerToken(request));
      const complaint = await complaints.get(request.params.complaintId);
      if (complaint.conversationId !== conversation.id)
        throw new AppError('NOT_FOUND', 'complaint not found');
      await complaints.comment({ kind: 'customer' }, complaint.id, request.body.text);
      return { complaint: await view(complaint.id, await userLookup(storage)) };
    },
  );

  app.get<{ Querystring: { locale?: string } }>(
    '/api/v1/escalation-routes',
    {
      schema: {
        tags,
        summary:
          'Where to take a complaint the business did not settle, and what evidence to keep (zh-CN or en)',
        querystring: { type: 'object', properties: { locale: { type: 'string', maxLength: 20 } } },
        response: { 200: escalationSchema },
      },
    },
    async (request) => escalationGuide(request.query.locale),
  );
}
