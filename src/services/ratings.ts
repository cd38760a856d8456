// Customer satisfaction (CSAT): a resolved conversation is rated 1–5 with an optional comment; rating
// again replaces the earlier rating (which stays recorded).
import { AppError } from '../errors.js';
import type { ConversationRecord, RatingFilter, RatingScore } from '../storage/ports.js';
import type { ServiceContext } from './context.js';

export function createRatings(ctx: Pick<ServiceContext, 'storage' | 'clock' | 'newId'>) {
  const { storage, clock, newId } = ctx;

  async function rate(conversation: ConversationRecord, input: { score: number; comment?: string | null }) {
    if (conversation.status !== 'resolved' && conversation.status !== 'closed') {
      throw new AppError('INVALID_STATE', 'a conversation can be rated once it is resolved');
    }
    if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) {
      throw new AppError('BAD_REQUEST', 'the score must be a whole number from 1 to 5');
    }
    const comment = input.comment?.trim() || null;
    return storage.ratings.add({
      id: newId(),
      conversationId: conversation.id,
      score: input.score as RatingScore,
      comment,
      createdAt: clock(),
    });
  }

  return {
    rate,
    current: (conversationId: string) => storage.ratings.current(conversationId),
    history: (conversationId: string) => storage.ratings.history(conversationId),
    list: (filter: RatingFilter & { limit: number; offset?: number }) => storage.ratings.list(filter),
    summary: (filter: RatingFilter) => storage.ratings.summary(filter),
  };
}

export type Ratings = ReturnType<typeof createRatings>;
