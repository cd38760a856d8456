// 👍/👎 on bot answers (customer API v1) and the per-entry rates the admin reads to see which answers
// need rewriting.
import type { FastifyInstance } from 'fastify';
import type { AnswerFeedbackRecord } from '../storage/ports.js';
import type { AppServices } from './app-services.js';
import { bearerToken } from './customer-routes.js';
import { errorSchema } from './error-handler.js';
import { requireUser } from './session.js';

const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  429: errorSchema,
};

const feedbackSchema = {
  type: 'object',
  properties: {
    messageId: { type: 'string' },
    entryId: { type: ['string', 'null'] },
    helpful: { type: 'boolean' },
    comment: { type: ['string', 'null'] },
    votedAt: { type: 'string', format: 'date-time' },
  },
} as const;

const feedbackView = (f: AnswerFeedbackRecord) => ({
  messageId: f.messageId,
  entryId: f.entryId,
  helpful: f.helpful,
  comment: f.comment,
  votedAt: new Date(f.updatedAt).toISOString(),
});

const entryRatingSchema = {
  type: 'object',
  properties: {
    entryId: { type: 'string' },
    title: { type: ['string', 'null'] },
    inKb: { type: 'boolean' },
    shown: { type: 'integer' },
    helpful: { type: 'integer' },
    unhelpful: { type: 'integer' },
    helpfulRate: { type: ['number', 'null'] },
    voteRate: { type: ['number', 'null'] },
    needsRewrite: { type: 'number' },
  },
} as const;

export async function answerFeedbackRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const { customers, learning } = services;

  app.post<{ Params: { id: string; messageId: string }; Body: { helpful: boolean; comment?: string } }>(
    '/api/v1/conversations/:id/messages/:messageId/feedback',
    {
      schema: {
        tags: ['customer v1'],
        security: [{ conversationToken: [] }],
        summary:
          'Rate one bot answer of this conversation 👍 (helpful: true) or 👎; voting again replaces the vote',
        params: {
          type: 'object',
          properties: {
            id: { type: 'string', minLength: 1, maxLength: 100 },
            messageId: { type: 'string', minLength: 1, maxLength: 100 },
          },
          required: ['id', 'messageId'],
        },
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { helpful: { type: 'boolean' }, comment: { type: 'string', maxLength: 2000 } },
          required: ['helpful'],
        },
        response: { 200: { type: 'object', properties: { feedback: feedbackSchema } }, ...errors },
      },
    },
    async (request) => {
      const conversation = await customers.authorize(request.params.id, bearerToken(request));
      return {
        feedback: feedbackView(
          await learning.feedback.vote(conversation, request.params.messageId, request.body),
        ),
      };
    },
  );

  app.get<{ Querystring: { since?: string } }>(
    '/api/admin/learning/entry-ratings',
    {
      schema: {
        tags: ['admin'],
        summary: 'Per KB entry: answers shown, 👍, 👎 and rates, the answers most in need of rewriting first',
        querystring: { type: 'object', properties: { since: { type: 'string', format: 'date-time' } } },
        response: {
          200: { type: 'object', properties: { ratings: { type: 'array', items: entryRatingSchema } } },
          ...errors,
        },
      },
    },
    async (request) => {
      await requireUser(services, request, 'admin');
      const since = request.query.since === undefined ? undefined : Date.parse(request.query.since);
      return { ratings: await learning.feedback.entryRatings(since) };
    },
  );
}
