// Satisfaction ratings: the customer rates a resolved conversation; agents and the dashboard read them.
import type { FastifyInstance } from 'fastify';
import type { RatingRecord } from '../storage/ports.js';
import type { AppServices } from './app-services.js';
import { bearerToken } from './customer-routes.js';
import { errorSchema } from './error-handler.js';
import { idParams } from './schemas.js';
import { requireUser } from './session.js';

const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  429: errorSchema,
};

const ratingSchema = {
  type: 'object',
  properties: {
    conversationId: { type: 'string' },
    score: { type: 'integer', minimum: 1, maximum: 5 },
    comment: { type: ['string', 'null'] },
    ratedAt: { type: 'string', format: 'date-time' },
  },
} as const;

const ratingView = (r: RatingRecord) => ({
  conversationId: r.conversationId,
  score: r.score,
  comment: r.comment,
  ratedAt: new Date(r.createdAt).toISOString(),
});

const time = (value: string | undefined) => (value === undefined ? undefined : Date.parse(value));

export async function ratingRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const { ratings, customers } = services;

  app.post<{ Params: { id: string }; Body: { score: number; comment?: string } }>(
    '/api/v1/conversations/:id/rating',
    {
      schema: {
        tags: ['customer v1'],
        security: [{ conversationToken: [] }],
        summary:
          'Rate a resolved conversation 1–5 (409 before it is resolved); rating again replaces the earlier rating',
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            score: { type: 'integer', minimum: 1, maximum: 5 },
            comment: { type: 'string', maxLength: 2000 },
          },
          required: ['score'],
        },
        response: { 200: { type: 'object', properties: { rating: ratingSchema } }, ...errors },
      },
    },
    async (request) => {
      const conversation = await customers.authorize(request.params.id, bearerToken(request));
      return { rating: ratingView(await ratings.rate(conversation, request.body)) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/conversations/:id/rating',
    {
      schema: {
        tags: ['customer v1'],
        security: [{ conversationToken: [] }],
        summary: 'The current rating of the conversation (null when not rated)',
        params: idParams,
        response: {
          200: { type: 'object', properties: { rating: { ...ratingSchema, type: ['object', 'null'] } } },
          ...errors,
        },
      },
    },
    async (request) => {
      const conversation = await customers.authorize(request.params.id, bearerToken(request));
      const rating = await ratings.current(conversation.id);
      return { rating: rating ? ratingView(rating) : null };
    },
  );

  app.get<{
    Querystring: { since?: string; until?: string; agentId?: string; limit?: number; offset?: number };
  }>(
    '/api/agent/ratings',
    {
      schema: {
        tags: ['agent'],
        summary: 'Current ratings, newest first, with count, mean and distribution (for the dashboard)',
        querystring: {
          type: 'object',
          properties: {
            since: { type: 'string', format: 'date-time' },
            until: { type: 'string', format: 'date-time' },
            agentId: { type: 'string', maxLength: 100 },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              summary: {
                type: 'object',
                properties: {
                  count: { type: 'integer' },
                  average: { type: ['number', 'null'] },
                  distribution: { type: 'object', additionalProperties: { type: 'integer' } },
                },
              },
              ratings: { type: 'array', items: ratingSchema },
            },
          },
          ...errors,
        },
      },
    },
    async (request) => {
      await requireUser(services, request, 'agent');
      const q = request.query;
      const filter = { since: time(q.since), until: time(q.until), agentId: q.agentId };
      const [summary, list] = await Promise.all([
        ratings.summary(filter),
        ratings.list({ ...filter, limit: q.limit ?? 50, offset: q.offset ?? 0 }),
      ]);
      return { summary, ratings: list.map(ratingView) };
    },
  );
}
