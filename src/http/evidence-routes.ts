// Evidence API: the published transcript key, a conversation's signed transcript (JSON or printable HTML)
// for its customer and for agents, and verification of a transcript file (for the verify page).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { formatFingerprint } from '../evidence/signing-key.js';
import { transcriptHtml } from '../evidence/transcript-html.js';
import type { TranscriptDocument } from '../evidence/transcript.js';
import type { AppServices } from './app-services.js';
import { bearerToken } from './customer-routes.js';
import { errorSchema } from './error-handler.js';
import { idParams } from './schemas.js';
import { requireUser } from './session.js';

const KEY_URL = '/api/v1/keys/transcript';
const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  413: errorSchema,
  429: errorSchema,
};
const formatQuery = {
  type: 'object',
  properties: {
    format: { type: 'string', enum: ['json', 'html'], default: 'json' },
    download: { type: 'string', enum: ['1', 'true', '0', 'false'] },
  },
} as const;

const transcriptSchema = {
  description: 'The signed transcript (format zhida-transcript/1), or an HTML page with ?format=html',
  type: 'object',
  additionalProperties: true,
} as const;

const verifyResultSchema = {
  type: 'object',
  properties: {
    intact: { type: 'boolean' },
    problems: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          message: { type: 'string' },
          messageZh: { type: 'string' },
          index: { type: 'integer' },
          seq: { type: 'integer' },
        },
      },
    },
    fingerprint: {
      type: ['string', 'null'],
      description: 'Fingerprint of the key the signature was checked with',
    },
    fingerprintDisplay: { type: ['string', 'null'] },
    publishedFingerprint: { type: 'string', description: 'This server’s transcript key fingerprint' },
    signedByThisServer: { type: 'boolean', description: 'intact and signed with this server’s key' },
    keySource: { type: 'string', enum: ['embedded', 'given'] },
    messageCount: { type: 'integer' },
  },
} as const;

type Format = { format?: 'json' | 'html'; download?: string };

export async function evidenceRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const { transcripts, customers, audit } = services;

  const send = (reply: FastifyReply, doc: TranscriptDocument, query: Format) => {
    const html = query.format === 'html';
    if (query.download === '1' || query.download === 'true') {
      const name = `transcript-${doc.conversation.id}.${html ? 'html' : 'json'}`;
      reply.header('content-disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`);
    }
    reply.header('cache-control', 'no-store');
    if (!html) return doc;
    return reply.type('text/html; charset=utf-8').send(transcriptHtml(doc, { keyUrl: KEY_URL }));
  };

  app.get<{ Querystring: { format?: 'json' | 'pem' } }>(
    KEY_URL,
    {
      schema: {
        tags: ['customer v1'],
        summary:
          'The public Ed25519 key that signs transcripts, with its fingerprint (?format=pem: the PEM file)',
        querystring: {
          type: 'object',
          properties: { format: { type: 'string', enum: ['json', 'pem'], default: 'json' } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              algorithm: { type: 'string' },
              publicKeyPem: { type: 'string' },
              fingerprint: { type: 'string', description: 'SHA-256 of the DER SubjectPublicKeyInfo, hex' },
              fingerprintDisplay: { type: 'string' },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const key = transcripts.publicKey();
      if (request.query.format === 'pem') return reply.type('application/x-pem-file').send(key.publicKeyPem);
      return { ...key, fingerprintDisplay: formatFingerprint(key.fingerprint) };
    },
  );

  app.get<{ Params: { id: string }; Querystring: Format }>(
    '/api/v1/conversations/:id/transcript',
    {
      schema: {
        tags: ['customer v1'],
        security: [{ conversationToken: [] }],
        summary:
          'The signed, tamper-evident transcript (also after the conversation closed); ?format=html for a printable page',
        params: idParams,
        querystring: formatQuery,
        response: { 200: transcriptSchema, ...errors },
      },
    },
    async (request, reply) => {
      const conversation = await customers.authorize(request.params.id, bearerToken(request));
      const doc = await transcripts.forConversation(conversation.id);
      await audit.record(
        { role: 'customer' },
        'transcript.download',
        { type: 'conversation', id: conversation.id },
        { format: request.query.format ?? 'json' },
      );
      return send(reply, doc, request.query);
    },
  );

  app.get<{ Params: { id: string }; Querystring: Format }>(
    '/api/agent/conversations/:id/transcript',
    {
      schema: {
        tags: ['agent'],
        summary: 'The signed transcript of any conversation (audited); ?format=html for a printable page',
        params: idParams,
        querystring: formatQuery,
        response: { 200: transcriptSchema, ...errors },
      },
    },
    async (request, reply) => {
      const user = await requireUser(services, request, 'agent');
      const doc = await transcripts.forConversation(request.params.id);
      await audit.record(
        user,
        'transcript.download',
        { type: 'conversation', id: request.params.id },
        { format: request.query.format ?? 'json' },
      );
      return send(reply, doc, request.query);
    },
  );

  app.post<{ Body: unknown }>(
    '/api/v1/transcripts/verify',
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['customer v1'],
        summary:
          'Check a transcript file: intact or not, what was changed, and whether this server signed it',
        body: {
          type: 'object',
          description: 'The transcript JSON exactly as downloaded',
          additionalProperties: true,
        },
        response: { 200: verifyResultSchema, ...errors },
      },
    },
    async (request) => {
      const result = transcripts.verify(request.body);
      const published = transcripts.publicKey().fingerprint;
      return {
        ...result,
        fingerprintDisplay: result.fingerprint ? formatFingerprint(result.fingerprint) : null,
        publishedFingerprint: published,
        signedByThisServer: result.intact && result.fingerprint === published,
      };
    },
  );
}
