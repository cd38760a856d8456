// Admin API: the whole KB as a file. Import takes the file as the raw request body, its format from the
// content type (JSON, CSV or .xlsx; `?format=` for application/octet-stream uploads), and replaces the
// draft all or nothing. Export writes any version in any of the three formats.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { reasonedError } from '../errors.js';
import {
  formatOf,
  kbFromTable,
  renderKbFile,
  withEntryReasons,
  type KbFileFormat,
} from '../services/kb-files.js';
import { XLSX_MIME } from '../services/kb-xlsx.js';
import type { AppServices } from './app-services.js';
import { errors, tags } from './kb-lifecycle-schemas.js';
import { requireUser } from './session.js';

/** As before for JSON KB files; spreadsheets are bounded again by their reader (kb-xlsx.ts). */
const IMPORT_LIMIT = 50 * 1024 * 1024;
const RAW_TYPES = ['text/csv', 'application/csv', XLSX_MIME, 'application/octet-stream'];
const formats = ['json', 'csv', 'xlsx'] as const;

interface ImportQuery {
  format?: KbFileFormat;
  note?: string;
}

export async function kbFileRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const { kb, storage } = services;
  const admin = (request: FastifyRequest) => requireUser(services, request, 'admin');

  async function readUpload(
    request: FastifyRequest<{ Querystring: ImportQuery }>,
  ): Promise<{ format: KbFileFormat; input: unknown }> {
    const format = request.query.format ?? formatOf(request.headers['content-type']);
    if (!format) {
      throw reasonedError('BAD_REQUEST', 'file.content-type', { xlsx: XLSX_MIME });
    }
    const body = request.body;
    if (format === 'json') {
      if (!Buffer.isBuffer(body)) return { format, input: body };
      try {
        return { format, input: JSON.parse(body.toString('utf8')) };
      } catch (err) {
        throw reasonedError('BAD_REQUEST', 'file.bad-json', { detail: (err as Error).message });
      }
    }
    if (!Buffer.isBuffer(body))
      throw reasonedError('BAD_REQUEST', 'file.not-raw', {
        format,
        type: request.headers['content-type'] ?? '',
      });
    return { format, input: await kbFromTable(format, body, await storage.kb.meta()) };
  }

  await app.register(async (scope) => {
    scope.addContentTypeParser(
      RAW_TYPES,
      { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT },
      (_request, body, done) => done(null, body),
    );
    scope.post<{ Querystring: ImportQuery }>(
      '/api/admin/kb/import',
      {
        bodyLimit: IMPORT_LIMIT,
        schema: {
          tags,
          summary:
            'Replace the draft KB with a file: JSON (DESIGN contract), CSV or Excel .xlsx, sent as the raw body',
          description:
            'All or nothing: any bad entry or row refuses the whole file with 400 INVALID_KB, details listing every problem ({index, id, field, message} for JSON, {row, message} for CSV/xlsx). Makes one new draft version; publish it to go live. A JSON file with "negatives" replaces the must-not-answer examples; one without the field, and CSV/xlsx, keep them (an export omits the field when there are none, so re-importing such a file keeps the current ones: roll back to restore a version exactly).',
          consumes: ['application/json', ...RAW_TYPES],
          querystring: {
            type: 'object',
            properties: {
              format: { type: 'string', enum: formats },
              note: { type: 'string', maxLength: 200 },
            },
          },
          response: errors,
        },
      },
      async (request) => {
        const user = await admin(request);
        const { format, input } = await readUpload(request);
        const imported = await kb
          .importFile(input, user.username, request.query.note ?? `import (${format})`)
          .catch((err: unknown) => {
            throw withEntryReasons(err, true);
          });
        const result = { ...imported, format };
        await services.audit.record(user, 'kb.import', { type: 'kb' }, result);
        return result;
      },
    );
  });

  app.get<{ Querystring: { format: KbFileFormat; version?: number } }>(
    '/api/admin/kb/export',
    {
      schema: {
        tags,
        summary: 'The KB as a file: JSON (DESIGN contract), CSV or Excel .xlsx; the draft, or any version',
        querystring: {
          type: 'object',
          properties: {
            format: { type: 'string', enum: formats, default: 'json' },
            version: { type: 'integer', minimum: 1 },
          },
        },
        response: errors,
      },
    },
    async (request, reply) => {
      const user = await admin(request);
      const { format, version } = request.query;
      const document = version === undefined ? await kb.exportFile() : await kb.exportVersion(version);
      if (!document) throw reasonedError('NOT_FOUND', 'kb.version-not-found', { version: version ?? '' });
      const { entries } = document;
      const file = await renderKbFile(
        format,
        document,
        version === undefined ? 'knowledge-base' : `knowledge-base-v${version}`,
      );
      await services.audit.record(
        user,
        'kb.export',
        { type: 'kb' },
        { entries: entries.length, format, version: version ?? null },
      );
      reply.header('content-disposition', `attachment; filename="${file.filename}"`);
      return reply.type(file.contentType).send(file.body);
    },
  );
}
