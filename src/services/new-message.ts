// The messages the services write on their own account — bot replies and system notices — built in one
// place (customer and agent messages carry an author and an idempotency key, and are built where sent).
import type { NewMessage } from '../storage/ports.js';

export interface MessagePlace {
  id: string;
  conversationId: string;
  createdAt: number;
  /** The customer message a bot reply answers (for idempotent replays). */
  inReplyTo?: string | null;
}

export function newMessage(
  sender: 'bot' | 'system',
  text: string,
  meta: Record<string, unknown> | null,
  place: MessagePlace,
): NewMessage {
  return {
    id: place.id,
    conversationId: place.conversationId,
    sender,
    authorId: null,
    text,
    clientMessageId: null,
    inReplyTo: place.inReplyTo ?? null,
    meta,
    createdAt: place.createdAt,
  };
}
