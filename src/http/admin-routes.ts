// Admin API: the knowledge base (list, create, edit, delete, import, export, versions).
import type { FastifyInstance } from 'fastify';
import type { KbEntry } from '../engine/types.js';
import type { AppServices } from './app-services.js';
import { errorSchema } from './error-handler.js';
import { idParams } from './schemas.js';
import { requireUser } from './session.js';

const tags = ['admin'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 413: errorSchema };

const entryBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 100 },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    category: { type: 'string', maxLength: 100 },
    questions: { type: 'array', minItems: 1, maxItems: 500, items: { type: 'string', minLength: 1, maxLength: 1000 } },
    answer: { type: 'string', minLength: 1, maxLength: 20_000 },
    tags: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 50 } },
  },
  required: ['title', 'questions', 'answer'],
} as const;

type EntryInput = Omit<KbEntry, 'id'> & { id?: string };

export async function adminRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const { kb } = services;
  const admin = (request: Parameters<typeof requireUser>[1]) => requireUser(services, request, 'admin');

  app.get('/api/admin/kb', { schema: { tags, summary: 'The knowledge base with its current version', response: errors } }, async (request) => {
    await admin(request);
    return kb.list();
  });

  app.post<{ Body: EntryInput }>(
    '/api/admin/kb/entries',
    { schema: { tags, summary: 'Create an entry (id optional); makes a new KB version', body: entryBody, response: errors } },
    async (request, reply) => {
      const user = await admin(request);
      return reply.status(201).send(await kb.create(request.body, user.username));
    },
  );

  app.put<{ Params: { id: string }; Body: EntryInput }>(
    '/api/admin/kb/entries/:id',
    { schema: { tags, summary: 'Replace an entry; makes a new KB version', params: idParams, body: entryBody, response: errors } },
    async (request) => {
      const user = await admin(request);
      const { id: _ignored, ...entry } = request.body;
      return kb.update(request.params.id, entry, user.username);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/admin/kb/entries/:id',
    { schema: { tags, summary: 'Delete an entry; makes a new KB version', params: idParams, response: errors } },
    async (request) => {
      const user = await admin(request);
      return kb.remove(request.params.id, user.username);
    },
  );

  app.post<{ Body: unknown }>(
    '/api/admin/kb/import',
    {
      bodyLimit: 50 * 1024 * 1024,
      schema: { tags, summary: 'Replace the whole KB with a KB file (refused whole, with per-entry errors, if any entry is bad)', response: errors },
    },
    async (request) => {
      const user = await admin(request);
      return kb.importFile(request.body, user.username, 'import');
    },
  );

  app.get('/api/admin/kb/export', { schema: { tags, summary: 'The KB file (DESIGN contract)', response: errors } }, async (request, reply) => {
    await admin(request);
    reply.header('content-disposition', 'attachment; filename="knowledge-base.json"');
    return kb.exportFile();
  });

  app.get<{ Querystring: { limit?: number } }>(
    '/api/admin/kb/versions',
    {
      schema: {
        tags,
        summary: 'KB version history, newest first',
        querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 } } },
        response: errors,
      },
    },
    async (request) => {
      await admin(request);
      return { versions: await services.storage.kb.listVersions(request.query.limit ?? 50) };
    },
  );
}
