// Messages typed but not yet confirmed by the server, kept in localStorage per conversation so that a
// failure or a reload never loses them; each keeps its clientMessageId, so a resend is never a duplicate.
import { readJson, removeKey, writeJson } from '../shared/storage.js';

export interface OutboxItem {
  clientMessageId: string;
  text: string;
  createdAt: string;
  failedAttempts?: number;
  /** Error code when the server refused it (not retried automatically). */
  rejected?: string;
}

export class Outbox {
  private readonly key: string;

  constructor(conversationId: string) {
    this.key = `zhida.widget.outbox.${conversationId}`;
  }

  items(): OutboxItem[] {
    const items = readJson<OutboxItem[]>(this.key);
    return Array.isArray(items) ? items.filter((i) => i && typeof i.clientMessageId === 'string') : [];
  }

  add(item: OutboxItem): void {
    writeJson(this.key, [...this.items(), item]);
  }

  update(clientMessageId: string, patch: Partial<OutboxItem>): void {
    writeJson(
      this.key,
      this.items().map((i) => (i.clientMessageId === clientMessageId ? { ...i, ...patch } : i)),
    );
  }

  remove(clientMessageId: string): void {
    const items = this.items();
    const rest = items.filter((i) => i.clientMessageId !== clientMessageId);
    if (rest.length === items.length) return;
    if (rest.length === 0) removeKey(this.key);
    else writeJson(this.key, rest);
  }

  clear(): void {
    removeKey(this.key);
  }
}
