// Admin API: the audit log of agent and admin actions (who read, exported, edited, deleted what, when).
import type { FastifyInstance } from 'fastify';
import type { AuditRecord } from '../storage/ports.js';
import type { AppServices } from './app-services.js';
import { errorSchema } from './error-handler.js';
import { requireUser } from './session.js';

const auditView = (e: AuditRecord) => ({
  id: e.id,
  at: new Date(e.at).toISOString(),
  actor: { id: e.actorId, role: e.actorRole, name: e.actorName },
  action: e.action,
  object: { type: e.objectType, id: e.objectId },
  detail: e.detail,
});

export async function auditRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  app.get<{
    Querystring: {
      actorId?: string;
      action?: string;
      objectType?: string;
      objectId?: string;
      limit?: number;
      offset?: number;
    };
  }>(
    '/api/admin/audit',
    {
      schema: {
        tags: ['admin'],
        summary:
          'The audit log, newest first, paged; filter by actor, action (e.g. kb.entry.delete) or object',
        querystring: {
          type: 'object',
          properties: {
            actorId: { type: 'string', maxLength: 100 },
            action: { type: 'string', maxLength: 100 },
            objectType: { type: 'string', maxLength: 100 },
            objectId: { type: 'string', maxLength: 200 },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              entries: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    at: { type: 'string', format: 'date-time' },
                    actor: {
                      type: 'object',
                      properties: {
                        id: { type: ['string', 'null'] },
                        role: { type: 'string' },
                        name: { type: ['string', 'null'] },
                      },
                    },
                    action: { type: 'string' },
                    object: {
                      type: 'object',
                      properties: { type: { type: 'string' }, id: { type: ['string', 'null'] } },
                    },
                    detail: { type: ['object', 'null'], additionalProperties: true },
                  },
                },
              },
              total: { type: 'integer' },
              limit: { type: 'integer' },
              offset: { type: 'integer' },
            },
          },
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
        },
      },
    },
    async (request) => {
      await requireUser(services, request, 'admin');
      const { limit = 50, offset = 0, ...filter } = request.query;
      const { entries, total } = await services.audit.list({ ...filter, limit, offset });
      return { entries: entries.map(auditView), total, limit, offset };
    },
  );
}
