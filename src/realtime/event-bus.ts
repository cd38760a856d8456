// The realtime bus port: services publish what happened; sockets (and later listeners for analytics,
// notifications, webhooks) subscribe. In-process by default, Redis pub/sub across several instances.
import type { ConversationRecord, MessageRecord } from '../storage/ports.js';

export type BusEvent =
  | { type: 'message'; conversation: ConversationRecord; message: MessageRecord }
  | { type: 'conversation'; conversation: ConversationRecord }
  | { type: 'queue-changed' }
  | { type: 'kb-changed'; version: number }
  /** A KB version went live: every server instance retrains on it. */
  | { type: 'kb-published'; version: number }
  /** A customer rated a bot answer 👍/👎 (the learning loop captures the 👎). */
  | { type: 'answer-feedback'; conversationId: string; messageId: string; helpful: boolean }
  /** An agent's presence, capacity or load changed: routing may assign waiting chats. */
  | { type: 'agent-changed'; agentId: string }
  /** Someone is typing (ephemeral: never stored). */
  | { type: 'typing'; conversationId: string; from: 'customer' | 'agent'; name?: string };

export type BusListener = (event: BusEvent) => void;

export interface EventBus {
  publish(event: BusEvent): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(listener: BusListener): () => void;
  close(): Promise<void>;
}

/** Delivers to every listener; one listener's exception must not starve the others. */
export function deliver(
  listeners: Iterable<BusListener>,
  event: BusEvent,
  onError: (err: unknown) => void,
): void {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch (err) {
      onError(err);
    }
  }
}
