// Which conversation view to show when the same status reaches the widget by two paths. Stream
// frames are always applied (the server sends them in order on each connection, and queue updates
// keep the same updatedAt); an HTTP response is dropped when it is older (by updatedAt) than the view
// shown, or — from a server without updatedAt — when a stream frame arrived while it was on its way
// (e.g. "queued" arriving after "assigned").
import type { CustomerConversationState } from '../shared/types.js';

export class ViewFreshness {
  private frames = 0;
  private shownUpdatedAt = 0;

  /** Taken when a request leaves; handed back to acceptResponse with its answer. */
  mark(): number {
    return this.frames;
  }

  acceptFrame(conversation: CustomerConversationState): void {
    this.frames += 1;
    this.note(conversation);
  }

  acceptResponse(conversation: CustomerConversationState, mark: number, streamOpen: boolean): boolean {
    if (!conversation.updatedAt) return !(streamOpen && this.frames !== mark);
    const updatedAt = Date.parse(conversation.updatedAt);
    if (updatedAt < this.shownUpdatedAt) return false;
    this.note(conversation);
    return true;
  }

  private note(conversation: CustomerConversationState): void {
    const updatedAt = conversation.updatedAt ? Date.parse(conversation.updatedAt) : Number.NaN;
    if (!Number.isNaN(updatedAt)) this.shownUpdatedAt = Math.max(this.shownUpdatedAt, updatedAt);
  }
}
