// Customer profiles: what a customer asked and did across conversations (beside the chat for agents,
// in admin), agents' tags, export, and erasure on request. Reads the insight projections, so it calls
// flush() first to include the latest messages.
import { AppError } from '../errors.js';
import type { ConversationFacts, CustomerTag, Storage, UserRecord } from '../storage/ports.js';
import { customerKeyOf } from './customer-key.js';
import type { InsightProjector } from './insight-projector.js';
import { DEFAULT_UTC_OFFSET_MINUTES } from './insight-range.js';
import { mean } from './metric-math.js';
import { sentimentTrend } from './sentiment.js';

/** What an erased message, complaint or ticket text is replaced with. */
export const ERASED_TEXT = '〔已应客户要求删除〕';
/** A profile reads at most this many of a customer's conversations (the newest). */
const PROFILE_CONVERSATIONS = 1000;
const LAST_CONTACTS = 10;
const SENTIMENT_POINTS = 20;
const OPEN_COMPLAINT = new Set(['new', 'in_progress', 'waiting_customer']);
const iso = (t: number) => new Date(t).toISOString();
const month = (t: number) => new Date(t + DEFAULT_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 7);

const contactView = (f: ConversationFacts) => ({
  conversationId: f.conversationId,
  startedAt: iso(f.startedAt),
  channel: f.channel,
  status: f.status,
  care: f.care,
  customerMessages: f.customerMessages,
  handedOff: f.handedOff,
  handoffReason: f.firstHandoffReason,
  selfServed: f.selfServed,
  anger: f.angerMax,
});

type Deps = {
  storage: Pick<Storage, 'customers' | 'conversations' | 'messages'>;
  clock: () => number;
  projector: InsightProjector;
};

export function createCustomerProfiles(deps: Deps) {
  const { customers } = deps.storage;

  async function profile(key: string) {
    await deps.projector.flush();
    const conversations = await customers.conversations(key, PROFILE_CONVERSATIONS);
    if (conversations.length === 0) throw new AppError('NOT_FOUND', 'no such customer');
    const [topicRows, ratings, complaints, tickets, tags] = await Promise.all([
      customers.topics(key),
      customers.ratings(key),
      customers.complaints(key),
      customers.tickets(key),
      customers.tags(key),
    ]);
    const topics = new Map<string, { month: string; category: string | null; hits: number }>();
    const categories = new Map<string | null, number>();
    for (const t of topicRows) {
      const k = `${month(t.hour)}\u0000${t.category ?? ''}`;
      const row = topics.get(k) ?? { month: month(t.hour), category: t.category, hits: 0 };
      row.hits += t.hits;
      topics.set(k, row);
      categories.set(t.category, (categories.get(t.category) ?? 0) + t.hits);
    }
    const oldestFirst = [...conversations].reverse().slice(-SENTIMENT_POINTS);
    const channels: Record<string, number> = {};
    for (const c of conversations) channels[c.channel] = (channels[c.channel] ?? 0) + 1;
    const latestWith = (pick: (c: ConversationFacts) => string | null) =>
      conversations.map(pick).find((v) => v) ?? null;
    const careConversations = conversations.filter((c) => c.care).length;
    return {
      key,
      name: latestWith((c) => c.customerName),
      phone: latestWith((c) => c.customerPhone),
      contacts: conversations.length,
      firstContactAt: iso(conversations[conversations.length - 1].startedAt),
      lastContactAt: iso(conversations[0].startedAt),
      channels,
      care: careConversations > 0,
      careConversations,
      topCategories: [...categories]
        .map(([category, hits]) => ({ category, hits }))
        .sort((a, b) => b.hits - a.hits),
      topics: [...topics.values()].sort((a, b) => a.month.localeCompare(b.month) || b.hits - a.hits),
      lastContacts: conversations.slice(0, LAST_CONTACTS).map(contactView),
      sentiment: {
        trend: sentimentTrend(oldestFirst.map((c) => c.angerMax)),
        angryConversations: conversations.filter((c) => c.angerMax >= 2).length,
        points: oldestFirst.map((c) => ({
          conversationId: c.conversationId,
          startedAt: iso(c.startedAt),
          anger: c.angerMax,
          angryMessages: c.angryMessages,
        })),
      },
      csat: {
        count: ratings.length,
        average: mean(ratings.map((r) => r.score)),
        ratings: ratings.map((r) => ({
          conversationId: r.conversationId,
          score: r.score,
          comment: r.comment,
          ratedAt: iso(r.createdAt),
        })),
      },
      complaints: {
        open: complaints.filter((c) => OPEN_COMPLAINT.has(c.status)).length,
        items: complaints.map((c) => ({ ...c, createdAt: iso(c.createdAt) })),
      },
      tickets: {
        open: tickets.filter((t) => t.status === 'open').length,
        items: tickets.map((t) => ({ ...t, createdAt: iso(t.createdAt) })),
      },
      tags: tags.map(tagView),
    };
  }

  /** The profile of the customer in this conversation, or anonymous (no externalId, no phone). */
  async function forConversation(conversationId: string) {
    const conversation = await deps.storage.conversations.get(conversationId);
    if (!conversation) throw new AppError('NOT_FOUND', 'conversation not found');
    const key = customerKeyOf(conversation.customer);
    return {
      conversationId,
      customerKey: key,
      anonymous: key === null,
      profile: key === null ? null : await profile(key),
    };
  }

  async function changeTags(key: string, user: UserRecord, change: { add?: string[]; remove?: string[] }) {
    const clean = (tags: string[] = []) => [
      ...new Set(tags.map((t) => t.trim()).filter((t) => t.length > 0)),
    ];
    const add = clean(change.add);
    const remove = clean(change.remove);
    if (add.some((t) => remove.includes(t)))
      throw new AppError('BAD_REQUEST', 'a tag cannot be added and removed at once');
    await profileExists(key);
    const now = deps.clock();
    await customers.changeTags(
      key,
      add.map((tag) => ({ tag, addedBy: user.displayName, addedAt: now })),
      remove,
    );
    return (await customers.tags(key)).map(tagView);
  }

  async function profileExists(key: string): Promise<void> {
    await deps.projector.flush();
    if ((await customers.conversations(key, 1)).length === 0)
      throw new AppError('NOT_FOUND', 'no such customer');
  }

  /** Everything stored about the customer, for a data-access request. */
  async function exportCustomer(key: string) {
    const summary = await profile(key);
    const conversations = await customers.conversations(key, PROFILE_CONVERSATIONS);
    const transcripts = [];
    for (const c of conversations) {
      const messages = await deps.storage.messages.listAfter(c.conversationId, 0, 100_000);
      transcripts.push({
        ...contactView(c),
        messages: messages.map((m) => ({
          seq: m.seq,
          sender: m.sender,
          text: m.text,
          createdAt: iso(m.createdAt),
        })),
      });
    }
    return { exportedAt: iso(deps.clock()), profile: summary, conversations: transcripts };
  }

  async function erase(key: string) {
    await profileExists(key);
    // Conversations not projected yet would otherwise escape the erasure.
    await deps.projector.backfill();
    return customers.erase(key, ERASED_TEXT);
  }

  async function search(query: string, limit: number) {
    await deps.projector.flush();
    const found = await customers.search(query, limit);
    return found.map((c) => ({
      ...c,
      firstContactAt: iso(c.firstContactAt),
      lastContactAt: iso(c.lastContactAt),
    }));
  }

  return { profile, forConversation, search, changeTags, exportCustomer, erase };
}

const tagView = (t: CustomerTag) => ({ tag: t.tag, addedBy: t.addedBy, addedAt: iso(t.addedAt) });

export type CustomerProfiles = ReturnType<typeof createCustomerProfiles>;
