// Admin API of the learning loop: the questions the bot could not answer, their clusters (topics), and
// the two-click actions on a cluster (new entry, phrasings of an entry, dismiss).
import type { FastifyInstance } from 'fastify';
import type { TopicSummary } from '../learning/topic-summary.js';
import type { UnansweredReason, UnansweredRecord } from '../storage/ports.js';
import type { AppServices } from './app-services.js';
import { errorSchema } from './error-handler.js';
import { requireUser } from './session.js';

const tags = ['admin'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const REASONS: UnansweredReason[] = [
  'low-confidence',
  'out-of-scope',
  'repeated-misses',
  'clarify-rejected',
  'thumbs-down',
  'rephrase',
];
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const clusterParams = {
  type: 'object',
  properties: { clusterId: { type: 'string', minLength: 1, maxLength: 200 } },
  required: ['clusterId'],
} as const;

const questionList = {
  type: 'array',
  minItems: 1,
  maxItems: 500,
  items: { type: 'string', minLength: 1, maxLength: 1000 },
} as const;

const clusterView = (t: TopicSummary) => ({ ...t, firstAt: iso(t.firstAt), lastAt: iso(t.lastAt) });

const questionView = (q: UnansweredRecord) => ({
  id: q.id,
  conversationId: q.conversationId,
  messageId: q.messageId,
  reason: q.reason,
  text: q.text,
  kbVersion: q.kbVersion,
  ranked: q.ranked,
  answeredEntryId: q.answeredEntryId,
  detail: q.detail,
  createdAt: iso(q.createdAt),
  resolvedAt: iso(q.resolvedAt),
  resolution: q.resolution,
});

const publishSchema = {
  type: ['object', 'null'],
  properties: {
    published: { type: 'boolean' },
    liveVersion: { type: ['integer', 'null'] },
    reason: { type: 'string' },
    reasonKey: { type: 'string' },
    params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
  },
} as const;

export async function learningClusterRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const { learning } = services;
  const admin = (request: Parameters<typeof requireUser>[1]) => requireUser(services, request, 'admin');

  app.get<{
    Querystring: {
      status: 'open' | 'resolved' | 'all';
      reason?: UnansweredReason[];
      limit: number;
      offset: number;
    };
  }>(
    '/api/admin/learning/questions',
    {
      schema: {
        tags,
        summary: 'Questions the bot could not answer, newest first, with their context',
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['open', 'resolved', 'all'], default: 'open' },
            reason: { type: 'array', items: { type: 'string', enum: REASONS } },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
        response: errors,
      },
    },
    async (request) => {
      await admin(request);
      const { status, reason, limit, offset } = request.query;
      const open = status === 'all' ? undefined : status === 'open';
      const questions = await learning.topics.questions({ open, reasons: reason, limit, offset });
      return { questions: questions.map(questionView) };
    },
  );

  app.get<{ Querystring: { minSize: number; limit: number; tzOffsetMinutes: number } }>(
    '/api/admin/learning/clusters',
    {
      schema: {
        tags,
        summary:
          'Open unanswered questions clustered into topics, biggest first: size, 14-day trend, examples, nearest entry',
        querystring: {
          type: 'object',
          properties: {
            minSize: { type: 'integer', minimum: 1, maximum: 1000, default: 2 },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            tzOffsetMinutes: { type: 'integer', minimum: -720, maximum: 840, default: 0 },
          },
        },
        response: errors,
      },
    },
    async (request) => {
      await admin(request);
      const { topics, ...list } = await learning.topics.topics(request.query);
      return { ...list, computedAt: iso(list.computedAt), clusters: topics.map(clusterView) };
    },
  );

  app.post<{
    Params: { clusterId: string };
    Body: {
      title: string;
      answer: string;
      category?: string;
      tags?: string[];
      questions?: string[];
      publish?: boolean;
    };
  }>(
    '/api/admin/learning/clusters/:clusterId/create-entry',
    {
      schema: {
        tags,
        summary:
          "Turn a cluster into a new KB entry (its questions as examples unless given); the cluster's questions are resolved",
        params: clusterParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            title: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
            answer: { type: 'string', minLength: 1, maxLength: 20_000, pattern: '\\S' },
            category: { type: 'string', maxLength: 100 },
            tags: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 50 } },
            questions: questionList,
            publish: { type: 'boolean', default: false },
          },
          required: ['title', 'answer'],
        },
        response: {
          201: {
            type: 'object',
            properties: {
              entry: { type: 'object', additionalProperties: true },
              version: { type: 'integer' },
              resolved: { type: 'integer' },
              publish: publishSchema,
            },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const user = await admin(request);
      const created = await learning.topics.createEntry(request.params.clusterId, request.body, user);
      await services.audit.record(
        user,
        'learning.cluster.create-entry',
        { type: 'kb-entry', id: created.entry.id },
        {
          cluster: request.params.clusterId,
          version: created.version,
          resolved: created.resolved,
        },
      );
      return reply.status(201).send(created);
    },
  );

  app.post<{
    Params: { clusterId: string };
    Body: { entryId: string; questions?: string[]; publish?: boolean };
  }>(
    '/api/admin/learning/clusters/:clusterId/add-to-entry',
    {
      schema: {
        tags,
        summary:
          "Add a cluster's questions as new phrasings of an existing entry; the cluster's questions are resolved",
        params: clusterParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            entryId: { type: 'string', minLength: 1, maxLength: 100 },
            questions: questionList,
            publish: { type: 'boolean', default: false },
          },
          required: ['entryId'],
        },
        response: {
          200: {
            type: 'object',
            properties: {
              entry: { type: 'object', additionalProperties: true },
              version: { type: ['integer', 'null'] },
              added: { type: 'array', items: { type: 'string' } },
              resolved: { type: 'integer' },
              publish: publishSchema,
            },
          },
          ...errors,
        },
      },
    },
    async (request) => {
      const user = await admin(request);
      const result = await learning.topics.addToEntry(request.params.clusterId, request.body, user);
      await services.audit.record(
        user,
        'learning.cluster.add-to-entry',
        { type: 'kb-entry', id: request.body.entryId },
        {
          cluster: request.params.clusterId,
          version: result.version,
          added: result.added.length,
        },
      );
      const { updatedAt: _updatedAt, ...entry } = result.entry as typeof result.entry & {
        updatedAt?: number;
      };
      return { ...result, entry };
    },
  );

  app.post<{ Params: { clusterId: string }; Body: { publish?: boolean } }>(
    '/api/admin/learning/clusters/:clusterId/out-of-scope',
    {
      schema: {
        tags,
        summary:
          "Not the business's topic: add a cluster's questions to the KB's must-not-answer examples (a draft version; publish: true to go live) and resolve them",
        params: clusterParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { publish: { type: 'boolean', default: false } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              added: { type: 'array', items: { type: 'string' } },
              version: { type: ['integer', 'null'] },
              resolved: { type: 'integer' },
              publish: publishSchema,
            },
          },
          ...errors,
        },
      },
    },
    async (request) => {
      const user = await admin(request);
      const result = await learning.topics.markOutOfScope(request.params.clusterId, request.body ?? {}, user);
      await services.audit.record(
        user,
        'learning.cluster.out-of-scope',
        { type: 'learning-cluster', id: request.params.clusterId },
        { version: result.version, added: result.added.length, resolved: result.resolved },
      );
      return result;
    },
  );

  app.post<{ Params: { clusterId: string } }>(
    '/api/admin/learning/clusters/:clusterId/dismiss',
    {
      schema: {
        tags,
        summary: 'Set a cluster aside (not worth an entry): its questions are resolved as dismissed',
        params: clusterParams,
        response: { 200: { type: 'object', properties: { resolved: { type: 'integer' } } }, ...errors },
      },
    },
    async (request) => {
      const user = await admin(request);
      const result = await learning.topics.dismiss(request.params.clusterId, user);
      await services.audit.record(
        user,
        'learning.cluster.dismiss',
        { type: 'learning-cluster', id: request.params.clusterId },
        result,
      );
      return result;
    },
  );
}
