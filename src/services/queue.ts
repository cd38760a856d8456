// Queue order and positions. First come, first served for now; priorities and skills routing build on
// this (see the handoff issue).
import type { ConversationRecord, ConversationRepository } from '../storage/ports.js';

const QUEUE_SCAN_LIMIT = 10_000;

export async function queuedInOrder(conversations: ConversationRepository): Promise<ConversationRecord[]> {
  return conversations.listByStatus(['queued'], QUEUE_SCAN_LIMIT);
}

/** 1-based position in the queue, or undefined when the conversation is not queued. */
export async function queuePosition(conversations: ConversationRepository, conversation: ConversationRecord): Promise<number | undefined> {
  if (conversation.status !== 'queued') return undefined;
  const queue = await queuedInOrder(conversations);
  const index = queue.findIndex((c) => c.id === conversation.id);
  return index === -1 ? undefined : index + 1;
}
