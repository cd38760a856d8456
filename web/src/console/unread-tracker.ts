// Unread counts: customer messages since the agent last viewed that chat. Kept per agent in localStorage,
// so a reload keeps them; messages that arrived while the console was closed count as at least one.
import { readJson, writeJson } from '../shared/storage.js';
import type { ConversationSummary } from '../shared/types.js';

interface Stored {
  counts: Record<string, number>;
  /** Conversation id → ISO time the agent last had it open. */
  viewedAt: Record<string, string>;
}

export class UnreadTracker {
  private stored: Stored;
  private readonly key: string;

  constructor(agentId: string) {
    this.key = `zhida.console.unread.${agentId}`;
    const value = readJson<Stored>(this.key);
    this.stored = { counts: value?.counts ?? {}, viewedAt: value?.viewedAt ?? {} };
  }

  get counts(): Record<string, number> {
    return this.stored.counts;
  }

  private save(next: Stored): Record<string, number> {
    this.stored = next;
    writeJson(this.key, next);
    return next.counts;
  }

  bump(id: string): Record<string, number> {
    const counts = { ...this.stored.counts, [id]: (this.stored.counts[id] ?? 0) + 1 };
    return this.save({ ...this.stored, counts });
  }

  seen(id: string): Record<string, number> {
    const { [id]: _gone, ...counts } = this.stored.counts;
    return this.save({ counts, viewedAt: { ...this.stored.viewedAt, [id]: new Date().toISOString() } });
  }

  /** After a (re)load of the lists: forget chats that are gone, count what came while away. */
  reconcile(visible: ConversationSummary[], openId: string | null): Record<string, number> {
    const counts: Record<string, number> = {};
    const viewedAt: Record<string, string> = {};
    for (const c of visible) {
      const viewed = this.stored.viewedAt[c.id];
      if (viewed) viewedAt[c.id] = viewed;
      let count = this.stored.counts[c.id] ?? 0;
      const last = c.lastMessage;
      if (
        count === 0 &&
        c.id !== openId &&
        last?.sender === 'customer' &&
        (!viewed || last.createdAt > viewed)
      )
        count = viewed ? 1 : 0;
      if (count > 0) counts[c.id] = count;
    }
    return this.save({ counts, viewedAt });
  }
}
