// "Save to KB": agents propose their reply as a new entry (or the customer's question as a phrasing of an
// entry); admins list the proposals and accept (possibly edited) or reject them.
import type { FastifyInstance } from 'fastify';
import type { KbProposalRecord, ProposalStatus } from '../storage/ports.js';
import type { AppServices } from './app-services.js';
import { errorSchema } from './error-handler.js';
import { idParams } from './schemas.js';
import { requireUser } from './session.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const proposalSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', enum: ['new-entry', 'phrasing'] },
    status: { type: 'string', enum: ['pending', 'accepted', 'rejected'] },
    question: { type: 'string' },
    answer: { type: ['string', 'null'] },
    title: { type: ['string', 'null'] },
    entryId: { type: ['string', 'null'] },
    conversationId: { type: ['string', 'null'] },
    messageId: { type: ['string', 'null'] },
    proposedBy: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    decidedBy: { type: ['string', 'null'] },
    decidedAt: { type: ['string', 'null'], format: 'date-time' },
    note: { type: ['string', 'null'] },
  },
} as const;

const proposalView = (p: KbProposalRecord) => ({
  ...p,
  createdAt: iso(p.createdAt),
  decidedAt: iso(p.decidedAt),
});

export async function kbProposalRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const { learning } = services;

  app.post<{
    Params: { id: string };
    Body: {
      messageId: string;
      question: string;
      mode: 'new-entry' | 'phrasing';
      entryId?: string;
      title?: string;
    };
  }>(
    '/api/agent/conversations/:id/save-to-kb',
    {
      schema: {
        tags: ['agent'],
        summary:
          'Propose an agent reply as a new KB entry, or the question as a phrasing of an entry; an admin reviews it',
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            messageId: { type: 'string', minLength: 1, maxLength: 100 },
            question: { type: 'string', minLength: 1, maxLength: 1000, pattern: '\\S' },
            mode: { type: 'string', enum: ['new-entry', 'phrasing'] },
            entryId: { type: 'string', minLength: 1, maxLength: 100 },
            title: { type: 'string', maxLength: 200 },
          },
          required: ['messageId', 'question', 'mode'],
        },
        response: { 201: { type: 'object', properties: { proposal: proposalSchema } }, ...errors },
      },
    },
    async (request, reply) => {
      const agent = await requireUser(services, request, 'agent');
      const proposal = await learning.proposals.saveToKb(agent, request.params.id, request.body);
      await services.audit.record(
        agent,
        'kb.proposal.create',
        { type: 'kb-proposal', id: proposal.id },
        { kind: proposal.kind },
      );
      return reply.status(201).send({ proposal: proposalView(proposal) });
    },
  );

  app.get<{ Querystring: { status?: ProposalStatus; limit: number; offset: number } }>(
    '/api/admin/learning/proposals',
    {
      schema: {
        tags: ['admin'],
        summary: "Agents' save-to-KB proposals, newest first (status=pending for the review queue)",
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['pending', 'accepted', 'rejected'] },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
        response: {
          200: { type: 'object', properties: { proposals: { type: 'array', items: proposalSchema } } },
          ...errors,
        },
      },
    },
    async (request) => {
      await requireUser(services, request, 'admin');
      return { proposals: (await learning.proposals.list(request.query)).map(proposalView) };
    },
  );

  app.post<{
    Params: { id: string };
    Body: { title?: string; answer?: string; question?: string; category?: string; tags?: string[] };
  }>(
    '/api/admin/learning/proposals/:id/accept',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Accept a proposal (fields override what the agent proposed): writes the KB draft; 409 if already decided',
        params: idParams,
        body: {
          type: ['object', 'null'],
          additionalProperties: false,
          properties: {
            title: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
            answer: { type: 'string', minLength: 1, maxLength: 20_000, pattern: '\\S' },
            question: { type: 'string', minLength: 1, maxLength: 1000, pattern: '\\S' },
            category: { type: 'string', maxLength: 100 },
            tags: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 50 } },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              proposal: proposalSchema,
              entry: { type: 'object', additionalProperties: true },
              version: { type: ['integer', 'null'] },
            },
          },
          ...errors,
        },
      },
    },
    async (request) => {
      const admin = await requireUser(services, request, 'admin');
      const result = await learning.proposals.accept(request.params.id, admin, request.body ?? {});
      await services.audit.record(
        admin,
        'kb.proposal.accept',
        { type: 'kb-proposal', id: request.params.id },
        {
          entryId: result.entry.id,
          version: result.version,
        },
      );
      const { updatedAt: _updatedAt, ...entry } = result.entry as typeof result.entry & {
        updatedAt?: number;
      };
      return { proposal: proposalView(result.proposal), entry, version: result.version };
    },
  );

  app.post<{ Params: { id: string }; Body: { note?: string } }>(
    '/api/admin/learning/proposals/:id/reject',
    {
      schema: {
        tags: ['admin'],
        summary: 'Reject a proposal, with an optional note for the agent; 409 if already decided',
        params: idParams,
        body: {
          type: ['object', 'null'],
          additionalProperties: false,
          properties: { note: { type: 'string', maxLength: 2000 } },
        },
        response: { 200: { type: 'object', properties: { proposal: proposalSchema } }, ...errors },
      },
    },
    async (request) => {
      const admin = await requireUser(services, request, 'admin');
      const { proposal } = await learning.proposals.reject(
        request.params.id,
        admin,
        request.body?.note ?? null,
      );
      await services.audit.record(admin, 'kb.proposal.reject', { type: 'kb-proposal', id: proposal.id });
      return { proposal: proposalView(proposal) };
    },
  );
}
