// The messages of one conversation keyed by seq: whatever path a message arrives by (history, a POST
// reply, the stream) it is kept once, and listed in seq order.
import type { ChatMessage } from '../shared/types.js';

export class MessageLog {
  private readonly bySeq = new Map<number, ChatMessage>();
  /** Every message with seq ≤ syncedThrough has been received (from history or the in-order stream). */
  syncedThrough = 0;

  add(message: ChatMessage): void {
    if (!this.bySeq.has(message.seq)) this.bySeq.set(message.seq, message);
  }

  /** Records that everything up to seq has been seen (history pages and stream frames, not POST replies). */
  syncedTo(seq: number): void {
    this.syncedThrough = Math.max(this.syncedThrough, seq);
  }

  list(): ChatMessage[] {
    return [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
  }
}
