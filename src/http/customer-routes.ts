// Customer API v1, exactly the contract of DESIGN.md (the widget uses it too).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ConversationRecord } from '../storage/ports.js';
import { AppError } from '../errors.js';
import type { AppServices } from './app-services.js';
import { errorSchema } from './error-handler.js';
import { createSlidingWindowLimiter } from './rate-limiter.js';
import {
  clientMessageIdField,
  customerConversationSchema,
  idParams,
  messageSchema,
  textField,
} from './schemas.js';
import { customerConversation, customerMessage } from './views.js';

const tags = ['customer v1'];
const security = [{ conversationToken: [] }];
const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  413: errorSchema,
  429: errorSchema,
};

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

export async function customerRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const { customers, storage, models, config } = services;
  const limiter = createSlidingWindowLimiter(config.messageRateLimit, 60_000);

  // Answered from the committed record: the position is one count query, the agent a cached user.
  const conversationView = async (c: ConversationRecord) => {
    const agentId = c.status === 'assigned' ? c.assignedAgentId : null;
    const agent = agentId
      ? ((await services.queueStatus.knownUser(agentId)) ?? (await storage.users.getById(agentId)))
      : null;
    return customerConversation(c, await services.queueStatus.infoFor(c), agent);
  };
  const authorized = (request: FastifyRequest<{ Params: { id: string } }>) =>
    customers.authorize(request.params.id, bearerToken(request));

  app.post<{
    Body: {
      locale?: string;
      care?: boolean;
      channel?: string;
      customer?: { name?: string; phone?: string; externalId?: string };
    };
  }>(
    '/api/v1/conversations',
    {
      schema: {
        tags,
        summary: 'Start a conversation; the returned token is the only key to it',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            locale: { type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$', maxLength: 20 },
            care: { type: 'boolean' },
            // Where the customer writes from (insights filter); 'web' when absent.
            channel: { type: 'string', pattern: '^[a-z0-9-]{1,32}$' },
            customer: {
              type: 'object',
              additionalProperties: false,
              properties: {
                name: { type: 'string', maxLength: 100 },
                phone: { type: 'string', maxLength: 40 },
                externalId: { type: 'string', maxLength: 200 },
              },
            },
          },
        },
        response: {
          201: {
            type: 'object',
            properties: { conversationId: { type: 'string' }, token: { type: 'string' } },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { conversation, token } = await customers.start(request.body ?? {});
      request.log.info({ conversationId: conversation.id }, 'conversation started');
      return reply.status(201).send({ conversationId: conversation.id, token });
    },
  );

  app.post<{ Params: { id: string }; Body: { text: string; clientMessageId: string } }>(
    '/api/v1/conversations/:id/messages',
    {
      schema: {
        tags,
        security,
        summary:
          'Send a message; the bot replies while the conversation is with the bot. Idempotent on clientMessageId.',
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { text: textField, clientMessageId: clientMessageIdField },
          required: ['text', 'clientMessageId'],
        },
        response: {
          200: {
            type: 'object',
            properties: {
              message: messageSchema,
              replies: { type: 'array', items: messageSchema },
              conversation: customerConversationSchema,
            },
          },
          ...errors,
        },
      },
    },
    async (request) => {
      const conversation = await authorized(request);
      if (!limiter.allow(conversation.id, Date.now()))
        throw new AppError('RATE_LIMITED', 'too many messages; please wait a moment');
      const result = await customers.postMessage(conversation.id, request.body);
      const entries = models.current().entries;
      return {
        message: customerMessage(result.message, entries),
        replies: result.replies.map((m) => customerMessage(m, entries)),
        conversation: await conversationView(result.conversation),
      };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { after?: number; limit?: number } }>(
    '/api/v1/conversations/:id/messages',
    {
      schema: {
        tags,
        security,
        summary: 'Messages after a sequence number, in sequence order',
        params: idParams,
        querystring: {
          type: 'object',
          properties: {
            after: { type: 'integer', minimum: 0, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 500 },
          },
        },
        response: {
          200: { type: 'object', properties: { messages: { type: 'array', items: messageSchema } } },
          ...errors,
        },
      },
    },
    async (request) => {
      const conversation = await authorized(request);
      const messages = await customers.listMessages(
        conversation.id,
        request.query.after ?? 0,
        request.query.limit ?? 500,
      );
      const entries = models.current().entries;
      return { messages: messages.map((m) => customerMessage(m, entries)) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/conversations/:id',
    {
      schema: {
        tags,
        security,
        summary: 'The conversation status and queue position',
        params: idParams,
        response: {
          200: { type: 'object', properties: { conversation: customerConversationSchema } },
          ...errors,
        },
      },
    },
    async (request) => ({ conversation: await conversationView(await authorized(request)) }),
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/conversations/:id/leave-queue',
    {
      schema: {
        tags,
        security,
        summary: 'Stop waiting for an agent (recorded as abandonment); the bot answers again',
        params: idParams,
        response: {
          200: { type: 'object', properties: { conversation: customerConversationSchema } },
          ...errors,
        },
      },
    },
    async (request) => {
      const conversation = await authorized(request);
      return { conversation: await conversationView(await customers.leaveQueue(conversation.id)) };
    },
  );

  app.post<{ Params: { id: string }; Body: { name: string; phone: string; question: string } }>(
    '/api/v1/conversations/:id/callback',
    {
      schema: {
        tags,
        security,
        summary: 'Leave a message for a callback when nobody can answer now (ends the wait in the queue)',
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
            phone: { type: 'string', pattern: '^[+0-9 ()-]{5,30}$' },
            question: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S' },
          },
          required: ['name', 'phone', 'question'],
        },
        response: {
          201: {
            type: 'object',
            properties: {
              ticket: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' } } },
            },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const conversation = await authorized(request);
      const ticket = await customers.requestCallback(conversation.id, request.body);
      return reply.status(201).send({ ticket: { id: ticket.id, status: ticket.status } });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/conversations/:id/handoff',
    {
      schema: {
        tags,
        security,
        summary: 'Ask for a human agent (the one-click button); works from any state',
        params: idParams,
        response: {
          200: { type: 'object', properties: { conversation: customerConversationSchema } },
          ...errors,
        },
      },
    },
    async (request) => {
      const conversation = await authorized(request);
      return { conversation: await conversationView(await customers.requestHandoff(conversation.id)) };
    },
  );
}
