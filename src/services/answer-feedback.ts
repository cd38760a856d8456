// 👍/👎 on the bot's answers: the customer votes on an answer of their own conversation (the last vote
// wins); per entry, answers shown and votes tell the admin which answers need rewriting. A 👎 goes out as
// an event, and the learning loop's listener captures the question (unanswered-capture.ts).
import type { KbEntry } from '../engine/types.js';
import { AppError } from '../errors.js';
import type { AnswerFeedbackRecord, ConversationRecord } from '../storage/ports.js';
import type { ServiceContext } from './context.js';

export interface EntryRating {
  entryId: string;
  title: string | null;
  /** false when the entry is no longer in the KB (its votes remain). */
  inKb: boolean;
  shown: number;
  helpful: number;
  unhelpful: number;
  /** 👍 share of votes (null without votes). */
  helpfulRate: number | null;
  /** Share of answers shown that got any vote. */
  voteRate: number | null;
  /**
   * Lower bound of the 95% Wilson interval of the 👎 share: high only when many votes agree, so two
   * unlucky votes do not outrank fifty. The list is sorted by it, worst first.
   */
  needsRewrite: number;
}

const Z = 1.96;

/** Lower bound of the Wilson score interval for k successes in n trials. */
export function wilsonLower(k: number, n: number): number {
  if (n === 0) return 0;
  const p = k / n;
  const z2 = Z * Z;
  return Math.max(0, (p + z2 / (2 * n) - Z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n));
}

export function createAnswerFeedback(ctx: Pick<ServiceContext, 'storage' | 'bus' | 'clock' | 'models'>) {
  const { storage, bus, clock, models } = ctx;

  async function vote(
    conversation: ConversationRecord,
    messageId: string,
    input: { helpful: boolean; comment?: string | null },
  ): Promise<AnswerFeedbackRecord> {
    const message = await storage.messages.get(conversation.id, messageId);
    if (!message) throw new AppError('NOT_FOUND', 'no such message in this conversation');
    const entryId = typeof message.meta?.entryId === 'string' ? message.meta.entryId : null;
    if (message.sender !== 'bot' || message.meta?.decision !== 'answer' || !entryId) {
      throw new AppError('BAD_REQUEST', "only the bot's answers can be rated");
    }
    const now = clock();
    const stored = await storage.answerFeedback.vote(
      {
        messageId,
        conversationId: conversation.id,
        entryId,
        helpful: input.helpful,
        comment: input.comment?.trim() || null,
        createdAt: now,
      },
      now,
    );
    await bus.publish({
      type: 'answer-feedback',
      conversationId: conversation.id,
      messageId,
      helpful: input.helpful,
    });
    return stored;
  }

  /** Every entry of the KB (and any voted entry since removed), the answers most in need of rewriting first. */
  async function entryRatings(since?: number): Promise<EntryRating[]> {
    const [rows, stored] = await Promise.all([
      storage.answerFeedback.entryRatings(since),
      storage.kb.listEntries(),
    ]);
    const entries = new Map<string, KbEntry>(stored.map((e) => [e.id, e]));
    for (const [id, e] of models.current().entries) if (!entries.has(id)) entries.set(id, e);
    const byId = new Map(rows.map((r) => [r.entryId, r]));
    for (const id of entries.keys())
      if (!byId.has(id)) byId.set(id, { entryId: id, shown: 0, helpful: 0, unhelpful: 0 });
    const ratings = [...byId.values()].map((r): EntryRating => {
      const votes = r.helpful + r.unhelpful;
      return {
        ...r,
        title: entries.get(r.entryId)?.title ?? null,
        inKb: entries.has(r.entryId),
        helpfulRate: votes > 0 ? r.helpful / votes : null,
        voteRate: r.shown > 0 ? Math.min(1, votes / r.shown) : null,
        needsRewrite: Math.round(wilsonLower(r.unhelpful, votes) * 1000) / 1000,
      };
    });
    return ratings.sort(
      (a, b) =>
        b.needsRewrite - a.needsRewrite ||
        b.unhelpful - a.unhelpful ||
        b.shown - a.shown ||
        a.entryId.localeCompare(b.entryId),
    );
  }

  return {
    vote,
    entryRatings,
    current: (messageId: string) => storage.answerFeedback.get(messageId),
  };
}

export type AnswerFeedback = ReturnType<typeof createAnswerFeedback>;
