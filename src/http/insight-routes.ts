// Admin insights API: one route per dashboard metric (JSON, or CSV for download) and the KPI tiles.
// Definitions of every figure: docs/metrics.md.
import type { FastifyInstance } from 'fastify';
import { clustersMetric } from '../insights/cluster-metric.js';
import { toCsv } from '../insights/csv.js';
import { METRICS } from '../insights/insight-metrics.js';
import { DASHBOARD_TOPIC_QUESTIONS } from '../services/learning-topics.js';
import type { InsightQuery } from '../insights/insight-range.js';
import type { AppServices } from './app-services.js';
import { errorSchema } from './error-handler.js';
import { requireUser } from './session.js';

const tags = ['admin insights'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

type Query = InsightQuery & { format?: 'json' | 'csv' };
type ClusterQuery = Query & { limit: number };

const querystring = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: {
      type: 'string',
      maxLength: 40,
      description: 'YYYY-MM-DD (local day, included) or ISO date-time; default 30 days before `to`',
    },
    to: {
      type: 'string',
      maxLength: 40,
      description: 'YYYY-MM-DD (local day, included) or ISO date-time (excluded); default: end of today',
    },
    channel: {
      type: 'string',
      pattern: '^[a-z0-9-]{1,32}$',
      description: "only this channel, e.g. 'web'; default all",
    },
    utcOffset: {
      type: 'integer',
      minimum: -720,
      maximum: 840,
      description: 'minutes east of UTC, whole hours; default 480 (+08:00)',
    },
    format: { type: 'string', enum: ['json', 'csv'], default: 'json' },
  },
} as const;

const rangeSchema = {
  type: 'object',
  properties: {
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
    utcOffset: { type: 'integer' },
    channel: { type: ['string', 'null'] },
  },
} as const;

const metricSchema = {
  type: 'object',
  properties: {
    metric: { type: 'string' },
    range: rangeSchema,
    summary: { type: 'object', additionalProperties: { type: ['number', 'null'] } },
    columns: { type: 'array', items: { type: 'string' } },
    rows: {
      type: 'array',
      items: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } },
    },
  },
} as const;

const csvName = (name: string, range: { from: string; to: string }) =>
  `zhida-${name}-${range.from.slice(0, 10)}-${range.to.slice(0, 10)}.csv`;

export async function insightRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const { insightMetrics } = services;

  app.get<{ Querystring: Query }>(
    '/api/admin/insights/summary',
    {
      schema: {
        tags,
        summary: 'KPI tiles: the headline figure of every metric over one range',
        querystring,
        response: {
          200: {
            type: 'object',
            properties: {
              range: rangeSchema,
              tiles: { type: 'object', additionalProperties: { type: ['number', 'null'] } },
              topEntry: {
                type: ['object', 'null'],
                properties: {
                  entryId: { type: 'string' },
                  title: { type: ['string', 'null'] },
                  hits: { type: 'integer' },
                },
              },
            },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      await requireUser(services, request, 'admin');
      const result = await insightMetrics.summary(request.query);
      if (request.query.format !== 'csv') return result;
      const rows = Object.entries(result.tiles).map(([metric, value]) => ({ metric, value }));
      return sendCsv(reply, csvName('summary', result.range), toCsv(['metric', 'value'], rows));
    },
  );

  app.get<{ Querystring: ClusterQuery }>(
    '/api/admin/insights/clusters',
    {
      schema: {
        tags,
        summary: `Top clusters of the newest ${DASHBOARD_TOPIC_QUESTIONS} open unanswered questions asked in the range (and channel), biggest first; format=csv downloads them`,
        querystring: {
          ...querystring,
          properties: {
            ...querystring.properties,
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
          },
        },
        response: { 200: metricSchema, ...errors },
      },
    },
    async (request, reply) => {
      await requireUser(services, request, 'admin');
      const { range, view } = insightMetrics.scope(request.query);
      const list = await services.learning.topics.topics({
        minSize: 1,
        limit: request.query.limit,
        tzOffsetMinutes: range.offsetMs / 60_000,
        scope: { from: range.from, to: range.to, channel: range.channel },
        // A sample, so that the chart answers within the dashboard's 300 ms (BENCHMARKS.md).
        sample: DASHBOARD_TOPIC_QUESTIONS,
      });
      const result = { range: view, ...clustersMetric(list.openQuestions, list.topics) };
      if (request.query.format !== 'csv') return result;
      return sendCsv(reply, csvName(result.metric, result.range), toCsv(result.columns, result.rows));
    },
  );

  app.get<{ Params: { metric: string }; Querystring: Query }>(
    '/api/admin/insights/:metric',
    {
      schema: {
        tags,
        summary: `One dashboard metric: ${METRICS.join(', ')}. format=csv downloads its rows`,
        params: {
          type: 'object',
          properties: { metric: { type: 'string', enum: [...METRICS] } },
          required: ['metric'],
        },
        querystring,
        response: { 200: metricSchema, ...errors },
      },
    },
    async (request, reply) => {
      await requireUser(services, request, 'admin');
      const result = await insightMetrics.metric(request.params.metric, request.query);
      if (request.query.format !== 'csv') return result;
      return sendCsv(reply, csvName(result.metric, result.range), toCsv(result.columns, result.rows));
    },
  );
}

function sendCsv(reply: import('fastify').FastifyReply, filename: string, body: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .serializer((payload: unknown) => String(payload))
    .send(body);
}
