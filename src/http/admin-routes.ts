// Admin API: the knowledge base's entries (list, create, edit, delete); each edit makes a draft version.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { KbEntry } from '../engine/types.js';
import { NEGATIVES_LIMITS, negativesProblem } from '../engine/kb-validation.js';
import { AppError } from '../errors.js';
import { withEntryReasons } from '../services/kb-files.js';
import type { AppServices } from './app-services.js';
import { errorSchema } from './error-handler.js';
import { idParams } from './schemas.js';
import { requireUser } from './session.js';

const tags = ['admin'];
const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  412: errorSchema,
  413: errorSchema,
};

/** The If-Match header of an edit (the revision of the copy it was made on), when sent. */
const ifMatch = (request: FastifyRequest): string | undefined => {
  const value = request.headers['if-match'];
  return Array.isArray(value) ? value.join(',') : value;
};
/** How an edit avoids overwriting a change made meanwhile; `revision` names where the client reads it. */
const ifMatchNote = (revision: string): string =>
  ` Send If-Match with the ${revision} of GET /api/admin/kb for the copy edited to have the edit refused with 412 PRECONDITION_FAILED (details: the current content and revision) when someone changed it meanwhile; without it the edit applies to the latest.`;

const entryBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 100 },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    category: { type: 'string', maxLength: 100 },
    questions: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: { type: 'string', minLength: 1, maxLength: 1000 },
    },
    answer: { type: 'string', minLength: 1, maxLength: 20_000 },
    tags: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 50 } },
  },
  required: ['title', 'questions', 'answer'],
} as const;

type EntryInput = Omit<KbEntry, 'id'> & { id?: string };

export async function adminRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const { kb } = services;
  const admin = (request: Parameters<typeof requireUser>[1]) => requireUser(services, request, 'admin');

  app.get(
    '/api/admin/kb',
    {
      schema: {
        tags,
        summary:
          'The draft KB: its version, the live (published) version, each entry with status draft|published, and pendingRemovals',
        response: errors,
      },
    },
    async (request) => {
      await admin(request);
      return kb.list();
    },
  );

  app.post<{ Body: EntryInput }>(
    '/api/admin/kb/entries',
    {
      schema: {
        tags,
        summary: 'Create an entry (id optional); makes a new draft KB version (live after a publish)',
        body: entryBody,
        response: errors,
      },
    },
    async (request, reply) => {
      const user = await admin(request);
      const created = await kb.create(request.body, user.username).catch((err: unknown) => {
        throw withEntryReasons(err, false);
      });
      await services.audit.record(
        user,
        'kb.entry.create',
        { type: 'kb-entry', id: created.entry.id },
        { version: created.version },
      );
      return reply.status(201).send(created);
    },
  );

  app.put<{ Params: { id: string }; Body: EntryInput }>(
    '/api/admin/kb/entries/:id',
    {
      schema: {
        tags,
        summary:
          'Replace an entry; makes a new draft KB version (live after a publish).' + ifMatchNote('revision'),
        params: idParams,
        body: entryBody,
        response: errors,
      },
    },
    async (request, reply) => {
      const user = await admin(request);
      const { id: _ignored, ...entry } = request.body;
      const updated = await kb
        .update(request.params.id, entry, user.username, ifMatch(request))
        .catch((err: unknown) => {
          throw withEntryReasons(err, false);
        });
      void reply.header('etag', `"${updated.revision}"`);
      await services.audit.record(
        user,
        'kb.entry.update',
        { type: 'kb-entry', id: request.params.id },
        { version: updated.version },
      );
      return updated;
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/admin/kb/entries/:id',
    {
      schema: {
        tags,
        summary:
          'Delete an entry; makes a new draft KB version (live after a publish).' + ifMatchNote('revision'),
        params: idParams,
        response: errors,
      },
    },
    async (request) => {
      const user = await admin(request);
      const removed = await kb.remove(request.params.id, user.username, ifMatch(request));
      await services.audit.record(
        user,
        'kb.entry.delete',
        { type: 'kb-entry', id: request.params.id },
        { version: removed.version },
      );
      return removed;
    },
  );

  app.put<{ Body: { negatives: string[] } }>(
    '/api/admin/kb/negatives',
    {
      schema: {
        tags,
        summary:
          'Replace the "must not answer" examples (messages no entry answers; the engine learns from them where to stop answering, and hands off a message nearer one of them than to its best entry). Trimmed, blanks and repeats dropped; makes a new draft version when the set of examples changes (live after a publish).' +
          ifMatchNote('negativesRevision'),
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['negatives'],
          properties: {
            negatives: {
              type: 'array',
              maxItems: NEGATIVES_LIMITS.count,
              items: { type: 'string', maxLength: NEGATIVES_LIMITS.length },
            },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              negatives: { type: 'array', items: { type: 'string' } },
              revision: { type: 'string' },
              version: { type: 'integer' },
              changed: { type: 'boolean' },
            },
          },
          ...errors,
        },
      },
      // 5000 examples of 1000 characters, 3 bytes each in UTF-8, with JSON's quotes and commas.
      bodyLimit: 16 * 1024 * 1024,
      // Before the schema's type coercion, which would turn null or a lone string into a list and so
      // replace every stored example: the same checks as a KB file's (one line each, the limits).
      preValidation: async (request) => {
        const problem = negativesProblem((request.body as { negatives?: unknown } | null)?.negatives);
        if (problem) throw new AppError('BAD_REQUEST', `negatives ${problem}`);
      },
    },
    async (request, reply) => {
      const user = await admin(request);
      const result = await kb.setNegatives(request.body.negatives, user.username, ifMatch(request));
      void reply.header('etag', `"${result.revision}"`);
      if (result.changed)
        await services.audit.record(
          user,
          'kb.negatives.update',
          { type: 'kb' },
          { version: result.version, count: result.negatives.length },
        );
      return result;
    },
  );

  // Import, export, versions, publish and regression cases: kb-file-routes.ts, kb-lifecycle-routes.ts, kb-regression-routes.ts.
}
