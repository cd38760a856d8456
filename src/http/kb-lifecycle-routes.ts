// Admin API of the KB lifecycle: version history, a version's entries, diff of two versions, publish
// (with a regression-run preview) and rollback. Edits themselves are in admin-routes.ts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { reasonedError } from '../errors.js';
import type { AppServices } from './app-services.js';
import {
  diffResponse,
  errors,
  historyResponse,
  publishBody,
  publishResponse,
  rollbackBody,
  rollbackResponse,
  tags,
  versionParams,
} from './kb-lifecycle-schemas.js';
import { requireUser } from './session.js';

export async function kbLifecycleRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const { kbPublishing, storage } = services;
  const admin = (request: FastifyRequest) => requireUser(services, request, 'admin');

  app.get<{ Querystring: { limit: number } }>(
    '/api/admin/kb/versions',
    {
      schema: {
        tags,
        summary:
          'KB version history, newest first: author, note, entry count, what each version changed, which is live',
        querystring: {
          type: 'object',
          properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
        },
        response: { 200: historyResponse, ...errors },
      },
    },
    async (request) => {
      await admin(request);
      return kbPublishing.history(request.query.limit);
    },
  );

  app.get<{ Params: { version: number } }>(
    '/api/admin/kb/versions/:version',
    {
      schema: {
        tags,
        summary: 'The entries of one version (its full snapshot)',
        params: versionParams,
        response: errors,
      },
    },
    async (request) => {
      await admin(request);
      const entries = await storage.kb.snapshot(request.params.version);
      if (!entries)
        throw reasonedError('NOT_FOUND', 'kb.version-not-found', { version: request.params.version });
      return { version: request.params.version, entries };
    },
  );

  app.get<{ Querystring: { from?: number; to?: number } }>(
    '/api/admin/kb/diff',
    {
      schema: {
        tags,
        summary:
          'Entries added, removed and changed (which fields, which questions) from one version to another',
        description:
          'Defaults: from = the live version, to = the latest (draft) version: "what a publish would change".',
        querystring: {
          type: 'object',
          properties: { from: { type: 'integer', minimum: 0 }, to: { type: 'integer', minimum: 0 } },
        },
        response: { 200: diffResponse, ...errors },
      },
    },
    async (request) => {
      await admin(request);
      const from = request.query.from ?? (await storage.kb.publishedVersion());
      const to = request.query.to ?? (await storage.kb.currentVersion());
      return kbPublishing.diff(from, to);
    },
  );

  app.post<{ Body: { version?: number; dryRun?: boolean; confirm?: boolean } | undefined }>(
    '/api/admin/kb/publish',
    {
      schema: {
        tags,
        summary: 'Publish a version: runs the regression cases on it and on the live version first',
        description:
          'dryRun: report only. Refused with 409 PUBLISH_BLOCKED (details = the report) when a case that passes on the live version fails on this one, unless confirm is true. On success the bot answers from the new version when this returns.',
        body: publishBody,
        response: { 200: publishResponse, ...errors },
      },
    },
    async (request) => {
      const user = await admin(request);
      const body = request.body ?? {};
      const result = await kbPublishing.publish(body, user.username);
      if (result.published) {
        const { report } = result;
        await services.audit.record(
          user,
          'kb.publish',
          { type: 'kb-version', id: String(result.version) },
          {
            confirm: Boolean(body.confirm),
            cases: report.cases,
            passed: report.candidate.passed,
            broken: report.broken.length,
          },
        );
      }
      return result;
    },
  );

  app.post<{ Params: { version: number }; Body: { publish?: boolean; confirm?: boolean } | undefined }>(
    '/api/admin/kb/versions/:version/rollback',
    {
      schema: {
        tags,
        summary:
          'Roll back to a version: makes a new version with its entries (history is kept); optionally publishes it',
        params: versionParams,
        body: rollbackBody,
        response: { 200: rollbackResponse, ...errors },
      },
    },
    async (request) => {
      const user = await admin(request);
      const result = await kbPublishing.rollback(request.params.version, user.username, request.body ?? {});
      await services.audit.record(
        user,
        'kb.rollback',
        { type: 'kb-version', id: String(request.params.version) },
        {
          version: result.version,
          published: result.published,
        },
      );
      return result;
    },
  );

  app.get(
    '/api/admin/kb/categories',
    {
      schema: {
        tags,
        summary: 'Categories and tags of the draft with how many entries use each',
        response: errors,
      },
    },
    async (request) => {
      await admin(request);
      const entries = await storage.kb.listEntries();
      const tally = (values: string[]) =>
        [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>())]
          .map(([name, entries]) => ({ name, entries }))
          .sort((a, b) => b.entries - a.entries || (a.name < b.name ? -1 : 1));
      return {
        categories: tally(entries.flatMap((e) => (e.category ? [e.category] : []))),
        tags: tally(entries.flatMap((e) => e.tags ?? [])),
      };
    },
  );
}
