// "Save to KB" from the agent console: an agent's reply (with the customer's question) is proposed as a
// new entry, or the question as a new phrasing of an existing entry. Nothing reaches the KB until an
// admin accepts the proposal (possibly editing it); accepting writes the KB draft through the
// knowledge-base service, like any admin edit, and publishing stays the admin's step.
import { normalizeText } from '../engine/index.js';
import { AppError } from '../errors.js';
import type { KbProposalRecord, ProposalKind, ProposalStatus, UserRecord } from '../storage/ports.js';
import type { ServiceContext } from './context.js';
import type { KnowledgeBaseService } from './knowledge-base.js';

export interface SaveToKbInput {
  messageId: string;
  question: string;
  mode: ProposalKind;
  /** Target entry of a phrasing. */
  entryId?: string;
  /** Suggested title of a new entry (default: the question). */
  title?: string;
}

export interface AcceptInput {
  title?: string;
  answer?: string;
  question?: string;
  category?: string;
  tags?: string[];
}

const TITLE_MAX = 200;

export function createKbProposals(
  ctx: Pick<ServiceContext, 'storage' | 'clock' | 'newId'>,
  kb: Pick<KnowledgeBaseService, 'create' | 'update'>,
) {
  const { storage, clock, newId } = ctx;

  async function saveToKb(
    agent: UserRecord,
    conversationId: string,
    input: SaveToKbInput,
  ): Promise<KbProposalRecord> {
    if (!(await storage.conversations.get(conversationId)))
      throw new AppError('NOT_FOUND', 'conversation not found');
    const message = await storage.messages.get(conversationId, input.messageId);
    if (!message) throw new AppError('NOT_FOUND', 'no such message in this conversation');
    if (message.sender !== 'agent')
      throw new AppError('BAD_REQUEST', "only an agent's reply can be saved to the KB");
    const question = input.question.trim();
    if (input.mode === 'phrasing') {
      if (!input.entryId) throw new AppError('BAD_REQUEST', 'a phrasing needs the entryId it belongs to');
      if (!(await storage.kb.getEntry(input.entryId)))
        throw new AppError('NOT_FOUND', `no entry with id "${input.entryId}"`);
    }
    return storage.kbProposals.create({
      id: newId(),
      kind: input.mode,
      question,
      answer: input.mode === 'new-entry' ? message.text : null,
      title: input.mode === 'new-entry' ? (input.title?.trim() || question).slice(0, TITLE_MAX) : null,
      entryId: input.mode === 'phrasing' ? (input.entryId ?? null) : null,
      conversationId,
      messageId: message.id,
      proposedBy: agent.username,
      createdAt: clock(),
    });
  }

  async function pending(id: string): Promise<KbProposalRecord> {
    const proposal = await storage.kbProposals.get(id);
    if (!proposal) throw new AppError('NOT_FOUND', 'no such proposal');
    if (proposal.status !== 'pending')
      throw new AppError('INVALID_STATE', `the proposal was already ${proposal.status}`);
    return proposal;
  }

  async function decided(id: string, decision: Parameters<typeof storage.kbProposals.decide>[1]) {
    const result = await storage.kbProposals.decide(id, decision, clock());
    if (!result) throw new AppError('INVALID_STATE', 'another admin decided this proposal first');
    return result;
  }

  async function accept(id: string, admin: UserRecord, edits: AcceptInput = {}) {
    const proposal = await pending(id);
    const question = (edits.question ?? proposal.question).trim();
    if (proposal.kind === 'new-entry') {
      // The entry id comes from the proposal's, so two admins accepting at once cannot make two entries.
      const { entry, version } = await kb.create(
        {
          id: `entry-${proposal.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}`,
          title: edits.title ?? proposal.title ?? question.slice(0, TITLE_MAX),
          answer: edits.answer ?? proposal.answer ?? '',
          category: edits.category,
          tags: edits.tags,
          questions: [question],
        },
        admin.username,
      );
      return {
        proposal: await decided(id, {
          status: 'accepted',
          by: admin.username,
          note: null,
          entryId: entry.id,
        }),
        entry,
        version,
      };
    }
    const stored = proposal.entryId ? await storage.kb.getEntry(proposal.entryId) : null;
    if (!stored)
      throw new AppError(
        'INVALID_STATE',
        'the entry this phrasing was for no longer exists: reject the proposal',
      );
    const { id: entryId, updatedAt: _updatedAt, ...entry } = stored;
    const known = entry.questions.some((q) => normalizeText(q) === normalizeText(question));
    const result = known
      ? { entry: stored, version: null }
      : await kb.update(entryId, { ...entry, questions: [...entry.questions, question] }, admin.username);
    return { proposal: await decided(id, { status: 'accepted', by: admin.username, note: null }), ...result };
  }

  async function reject(id: string, admin: UserRecord, note: string | null) {
    await pending(id);
    return {
      proposal: await decided(id, { status: 'rejected', by: admin.username, note: note?.trim() || null }),
    };
  }

  return {
    saveToKb,
    accept,
    reject,
    list: (filter: { status?: ProposalStatus; limit: number; offset?: number }) =>
      storage.kbProposals.list(filter),
  };
}

export type KbProposals = ReturnType<typeof createKbProposals>;
