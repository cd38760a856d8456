// Queue order and positions: priority classes with aging (domain/queue-order), front-of-queue for chats
// whose agent went offline.
import { orderQueue } from '../domain/queue-order.js';
import type { ConversationRecord, ConversationRepository } from '../storage/ports.js';

const QUEUE_SCAN_LIMIT = 10_000;

export async function queuedInOrder(
  conversations: ConversationRepository,
  now: number,
  agingMs: number,
): Promise<ConversationRecord[]> {
  const queued = await conversations.listByStatus(['queued'], QUEUE_SCAN_LIMIT);
  return orderQueue(
    queued.map((c) => ({ ...c, queuedAt: c.queuedAt ?? c.createdAt, front: c.frontOfQueue })),
    now,
    agingMs,
  );
}

/** 1-based position in the queue, or undefined when the conversation is not queued. */
export function positionIn(queue: readonly ConversationRecord[], conversationId: string): number | undefined {
  const index = queue.findIndex((c) => c.id === conversationId);
  return index === -1 ? undefined : index + 1;
}
