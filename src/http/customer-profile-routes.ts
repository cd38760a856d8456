// Customer profiles: beside the chat in the agent console, and in admin (search, view, export, erase).
// A customer key is 'ext:<externalId>' or 'tel:<digits>' (URL-encode it in paths).
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { CUSTOMER_KEY_PATTERN } from '../insights/customer-key.js';
import type { AppServices } from './app-services.js';
import { errorSchema } from './error-handler.js';
import { idParams } from './schemas.js';
import { requireUser } from './session.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const keyParams = {
  type: 'object',
  properties: { key: { type: 'string', pattern: CUSTOMER_KEY_PATTERN, maxLength: 204 } },
  required: ['key'],
} as const;

const tagSchema = {
  type: 'object',
  properties: {
    tag: { type: 'string' },
    addedBy: { type: 'string' },
    addedAt: { type: 'string', format: 'date-time' },
  },
} as const;
const tagList = {
  type: 'array',
  maxItems: 20,
  items: { type: 'string', minLength: 1, maxLength: 32, pattern: '\\S' },
} as const;

/** The profile's shape is documented in the report/README; nested parts pass through as they are. */
const profileSchema = { type: 'object', additionalProperties: true } as const;

/** Audit entries must not keep the personal key they are about: a short hash identifies the request. */
const keyDigest = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 16);

export async function customerProfileRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const { profiles } = services;

  app.get<{ Params: { id: string } }>(
    '/api/agent/conversations/:id/profile',
    {
      schema: {
        tags: ['agent'],
        summary: "The profile of this conversation's customer (null when anonymous: no externalId, no phone)",
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: {
              conversationId: { type: 'string' },
              customerKey: { type: ['string', 'null'] },
              anonymous: { type: 'boolean' },
              profile: { ...profileSchema, type: ['object', 'null'] },
            },
          },
          ...errors,
        },
      },
    },
    async (request) => {
      await requireUser(services, request, 'agent');
      return profiles.forConversation(request.params.id);
    },
  );

  app.post<{ Params: { key: string }; Body: { add?: string[]; remove?: string[] } }>(
    '/api/agent/customers/:key/tags',
    {
      schema: {
        tags: ['agent'],
        summary: "Add and/or remove tags on a customer; returns the customer's tags",
        params: keyParams,
        body: { type: 'object', additionalProperties: false, properties: { add: tagList, remove: tagList } },
        response: {
          200: { type: 'object', properties: { tags: { type: 'array', items: tagSchema } } },
          ...errors,
        },
      },
    },
    async (request) => {
      const user = await requireUser(services, request, 'agent');
      return { tags: await profiles.changeTags(request.params.key, user, request.body ?? {}) };
    },
  );

  app.get<{ Querystring: { query?: string; limit?: number } }>(
    '/api/admin/customers',
    {
      schema: {
        tags: ['admin customers'],
        summary:
          'Customers whose key, name or phone contains `query` (all when empty), most recent contact first',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            query: { type: 'string', maxLength: 100 },
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              customers: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    key: { type: 'string' },
                    name: { type: ['string', 'null'] },
                    phone: { type: ['string', 'null'] },
                    contacts: { type: 'integer' },
                    firstContactAt: { type: 'string', format: 'date-time' },
                    lastContactAt: { type: 'string', format: 'date-time' },
                  },
                },
              },
            },
          },
          ...errors,
        },
      },
    },
    async (request) => {
      await requireUser(services, request, 'admin');
      return { customers: await profiles.search(request.query.query ?? '', request.query.limit ?? 50) };
    },
  );

  app.get<{ Params: { key: string } }>(
    '/api/admin/customers/:key',
    {
      schema: {
        tags: ['admin customers'],
        summary: "A customer's profile",
        params: keyParams,
        response: { 200: { type: 'object', properties: { profile: profileSchema } }, ...errors },
      },
    },
    async (request) => {
      await requireUser(services, request, 'admin');
      return { profile: await profiles.profile(request.params.key) };
    },
  );

  app.get<{ Params: { key: string } }>(
    '/api/admin/customers/:key/export',
    {
      schema: {
        tags: ['admin customers'],
        summary: 'Everything stored about the customer (profile and every message), as a JSON download',
        params: keyParams,
        response: errors,
      },
    },
    async (request, reply) => {
      const user = await requireUser(services, request, 'admin');
      const data = await profiles.exportCustomer(request.params.key);
      await services.audit.record(
        user,
        'customer.export',
        { type: 'customer', id: keyDigest(request.params.key) },
        {
          conversations: data.conversations.length,
        },
      );
      reply.header(
        'content-disposition',
        `attachment; filename="customer-${keyDigest(request.params.key)}.json"`,
      );
      return data;
    },
  );

  app.delete<{ Params: { key: string } }>(
    '/api/admin/customers/:key',
    {
      schema: {
        tags: ['admin customers'],
        summary: "Erase the customer's personal data and message texts on request; every count is kept",
        params: keyParams,
        response: {
          200: {
            type: 'object',
            properties: {
              erased: {
                type: 'object',
                properties: { conversations: { type: 'integer' }, messages: { type: 'integer' } },
              },
            },
          },
          ...errors,
        },
      },
    },
    async (request) => {
      const user = await requireUser(services, request, 'admin');
      const erased = await profiles.erase(request.params.key);
      await services.audit.record(
        user,
        'customer.erase',
        { type: 'customer', id: keyDigest(request.params.key) },
        { ...erased },
      );
      return { erased };
    },
  );
}
