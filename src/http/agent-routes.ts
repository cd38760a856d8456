// Agent console API: the queue, my conversations, a transcript with the bot's decisions, accept/reply/resolve.
import type { FastifyInstance } from 'fastify';
import type { AppServices } from './app-services.js';
import { latestSummaryOf, queueSummaries, summariesOf, summaryOf } from './agent-views.js';
import { errorSchema } from './error-handler.js';
import { clientMessageIdField, idParams, textField } from './schemas.js';
import { requireUser } from './session.js';
import { agentMessage } from './views.js';

const tags = ['agent'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export async function agentRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const { agents, storage, models } = services;

  app.get(
    '/api/agent/queue',
    { schema: { tags, summary: 'Conversations waiting for an agent, in queue order', response: errors } },
    async (request) => {
      await requireUser(services, request, 'agent');
      return { conversations: await queueSummaries(storage, services.queueStatus) };
    },
  );

  app.get<{ Querystring: { mine?: string } }>(
    '/api/agent/conversations',
    {
      schema: {
        tags,
        summary: 'Conversations assigned to me (mine=1, default) ',
        querystring: { type: 'object', properties: { mine: { type: 'string', enum: ['1', 'true'] } } },
        response: errors,
      },
    },
    async (request) => {
      const agent = await requireUser(services, request, 'agent');
      return { conversations: await summariesOf(storage, services.queueStatus, await agents.mine(agent)) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/agent/conversations/:id',
    {
      schema: {
        tags,
        summary: 'A conversation with its whole transcript and the bot’s decisions',
        params: idParams,
        response: errors,
      },
    },
    async (request) => {
      const user = await requireUser(services, request, 'agent');
      const { conversation, messages } = await agents.transcript(request.params.id);
      await services.audit.record(user, 'conversation.read', { type: 'conversation', id: conversation.id });
      const entries = models.current().entries;
      return {
        conversation: await summaryOf(storage, services.queueStatus, conversation),
        messages: messages.map((m) => agentMessage(m, entries)),
      };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/agent/conversations/:id/accept',
    {
      schema: {
        tags,
        summary: 'Take a queued conversation (409 when another agent was faster)',
        params: idParams,
        response: errors,
      },
    },
    async (request) => {
      const agent = await requireUser(services, request, 'agent');
      return {
        conversation: await latestSummaryOf(
          storage,
          services.queueStatus,
          await agents.accept(agent, request.params.id),
        ),
      };
    },
  );

  app.post<{ Params: { id: string }; Body: { text: string; clientMessageId: string } }>(
    '/api/agent/conversations/:id/messages',
    {
      schema: {
        tags,
        summary: 'Reply to the customer (idempotent on clientMessageId)',
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { text: textField, clientMessageId: clientMessageIdField },
          required: ['text', 'clientMessageId'],
        },
        response: errors,
      },
    },
    async (request) => {
      const agent = await requireUser(services, request, 'agent');
      const message = await agents.reply(agent, request.params.id, request.body);
      return { message: agentMessage(message, models.current().entries) };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/agent/conversations/:id/resolve',
    { schema: { tags, summary: 'End the conversation as resolved', params: idParams, response: errors } },
    async (request) => {
      const agent = await requireUser(services, request, 'agent');
      return {
        conversation: await latestSummaryOf(
          storage,
          services.queueStatus,
          await agents.resolve(agent, request.params.id),
        ),
      };
    },
  );
}
