// Admin API of the KB's regression cases: list, create, edit, delete, and CASES.jsonl import/export (the
// `zhida eval` contract). A publish runs them (kb-lifecycle-routes.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RegressionCasePatch } from '../storage/ports.js';
import type { CaseInput } from '../services/regression-cases.js';
import type { AppServices } from './app-services.js';
import {
  caseCreateBody,
  caseIdParams,
  casePatchBody,
  caseSchema,
  errors,
  tags,
} from './kb-lifecycle-schemas.js';
import { requireUser } from './session.js';

const JSONL_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/x-jsonlines'];
const CASES_FILE_LIMIT = 10 * 1024 * 1024;

export async function kbRegressionRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const { regressionCases } = services;
  const admin = (request: FastifyRequest) => requireUser(services, request, 'admin');
  const base = '/api/admin/kb/regression-cases';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'The regression cases, in the order added',
        response: {
          200: { type: 'object', properties: { cases: { type: 'array', items: caseSchema } } },
          ...errors,
        },
      },
    },
    async (request) => {
      await admin(request);
      return { cases: await regressionCases.list() };
    },
  );

  app.post<{ Body: CaseInput }>(
    base,
    {
      schema: {
        tags,
        summary: 'Add a case: a question and the entry that must answer it (null: must not be answered)',
        body: caseCreateBody,
        response: { 201: caseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const user = await admin(request);
      const created = await regressionCases.create(request.body, user.username);
      await services.audit.record(user, 'kb.case.create', { type: 'kb-case', id: created.id });
      return reply.status(201).send(created);
    },
  );

  app.patch<{ Params: { id: string }; Body: RegressionCasePatch }>(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Change a case (only the fields sent)',
        params: caseIdParams,
        body: casePatchBody,
        response: { 200: caseSchema, ...errors },
      },
    },
    async (request) => {
      const user = await admin(request);
      const updated = await regressionCases.update(request.params.id, request.body);
      await services.audit.record(user, 'kb.case.update', { type: 'kb-case', id: updated.id });
      return updated;
    },
  );

  app.delete<{ Params: { id: string } }>(
    `${base}/:id`,
    { schema: { tags, summary: 'Delete a case', params: caseIdParams, response: errors } },
    async (request, reply) => {
      const user = await admin(request);
      await regressionCases.remove(request.params.id);
      await services.audit.record(user, 'kb.case.delete', { type: 'kb-case', id: request.params.id });
      return reply.status(204).send();
    },
  );

  // The file is the raw body: JSON Lines has no parser of its own in Fastify, and plain text is accepted too.
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      JSONL_TYPES,
      { parseAs: 'string', bodyLimit: CASES_FILE_LIMIT },
      (_request, body, done) => done(null, body),
    );
    scope.post<{ Body: string; Querystring: { mode: 'append' | 'replace' } }>(
      `${base}/import`,
      {
        bodyLimit: CASES_FILE_LIMIT,
        schema: {
          tags,
          summary:
            'Import a CASES.jsonl file (one {"text","label"} a line; optional "id", "note"); a bad line refuses the whole file',
          consumes: [...JSONL_TYPES, 'text/plain'],
          querystring: {
            type: 'object',
            properties: { mode: { type: 'string', enum: ['append', 'replace'], default: 'append' } },
          },
          response: errors,
        },
      },
      async (request) => {
        const user = await admin(request);
        const text = typeof request.body === 'string' ? request.body : '';
        const result = await regressionCases.importJsonl(text, request.query.mode, user.username);
        await services.audit.record(
          user,
          'kb.case.import',
          { type: 'kb-case' },
          { ...result, mode: request.query.mode },
        );
        return result;
      },
    );
  });

  app.get(
    `${base}/export`,
    {
      schema: {
        tags,
        summary: 'The cases as CASES.jsonl (the `zhida eval` contract), each line with its id',
        response: errors,
      },
    },
    async (request, reply) => {
      await admin(request);
      reply.header('content-disposition', 'attachment; filename="regression-cases.jsonl"');
      return reply.type('application/x-ndjson; charset=utf-8').send(await regressionCases.exportJsonl());
    },
  );
}
