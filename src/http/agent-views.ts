// Builds agent-facing conversation summaries (with queue position, agent and last message). Queue
// summaries are computed once per queue snapshot and shared by every agent socket; the last message of
// a conversation is read once per new message, not once per snapshot.
import type { QueueSnapshot, QueueStatus } from '../services/queue-status.js';
import type { ConversationRecord, MessageRecord, Storage } from '../storage/ports.js';
import { agentSummary } from './views.js';

/** Previews (last message) for the head of a long queue only: one query each when it changed. */
const PREVIEW_LIMIT = 50;
const PREVIEW_CACHE = 2_000;

const previews = new WeakMap<Storage, Map<string, MessageRecord>>();

async function lastMessage(storage: Storage, c: ConversationRecord): Promise<MessageRecord | null> {
  let cache = previews.get(storage);
  if (!cache) previews.set(storage, (cache = new Map()));
  const known = cache.get(c.id);
  if (known?.seq === c.lastSeq) return known;
  const [last] = await storage.messages.listAfter(c.id, c.lastSeq - 1, 1);
  if (!last) return null;
  cache.delete(c.id);
  cache.set(c.id, last);
  if (cache.size > PREVIEW_CACHE) cache.delete(cache.keys().next().value as string);
  return last;
}

async function summarize(storage: Storage, snapshot: QueueSnapshot, conversations: ConversationRecord[]) {
  return Promise.all(
    conversations.map(async (c, i) => {
      const agent = c.assignedAgentId
        ? (snapshot.users.get(c.assignedAgentId) ?? (await storage.users.getById(c.assignedAgentId)))
        : null;
      const last = c.lastSeq > 0 && i < PREVIEW_LIMIT ? await lastMessage(storage, c) : null;
      const rating =
        c.status === 'resolved' || c.status === 'closed' ? await storage.ratings.current(c.id) : null;
      return agentSummary(c, {
        queuePosition: snapshot.positions.get(c.id),
        agent,
        lastMessage: last,
        rating,
      });
    }),
  );
}

const queueViews = new WeakMap<QueueSnapshot, ReturnType<typeof summarize>>();

export async function queueSummaries(storage: Storage, queueStatus: QueueStatus) {
  const snapshot = await queueStatus.current();
  return queueSummariesOf(storage, snapshot);
}

export function queueSummariesOf(storage: Storage, snapshot: QueueSnapshot) {
  let views = queueViews.get(snapshot);
  if (!views) {
    views = summarize(storage, snapshot, snapshot.queue);
    queueViews.set(snapshot, views);
  }
  return views;
}

export async function summaryOf(
  storage: Storage,
  queueStatus: QueueStatus,
  conversation: ConversationRecord,
) {
  return (await summarize(storage, await queueStatus.current(), [conversation]))[0];
}

/** A summary of a conversation that is not waiting (no position to show), from the latest snapshot:
 * a push to its agent does not wait for the queue to be re-read. */
export async function latestSummaryOf(
  storage: Storage,
  queueStatus: QueueStatus,
  conversation: ConversationRecord,
) {
  if (conversation.status === 'queued') return summaryOf(storage, queueStatus, conversation);
  return (await summarize(storage, await queueStatus.latest(), [conversation]))[0];
}

/** Summaries of an agent's own chats (none waiting: no position to show), from the latest snapshot. */
export async function summariesOf(
  storage: Storage,
  queueStatus: QueueStatus,
  conversations: ConversationRecord[],
) {
  const waiting = conversations.some((c) => c.status === 'queued');
  return summarize(storage, await (waiting ? queueStatus.current() : queueStatus.latest()), conversations);
}
