// Builds agent-facing conversation summaries (with queue position, agent and last message). Queue
// summaries are computed once per queue snapshot and shared by every agent socket.
import type { QueueSnapshot, QueueStatus } from '../services/queue-status.js';
import type { ConversationRecord, Storage } from '../storage/ports.js';
import { agentSummary } from './views.js';

/** Previews (last message) for the head of a long queue only: one query each. */
const PREVIEW_LIMIT = 50;

async function summarize(storage: Storage, snapshot: QueueSnapshot, conversations: ConversationRecord[]) {
  return Promise.all(
    conversations.map(async (c, i) => {
      const agent = c.assignedAgentId
        ? (snapshot.users.get(c.assignedAgentId) ?? (await storage.users.getById(c.assignedAgentId)))
        : null;
      const last =
        c.lastSeq > 0 && i < PREVIEW_LIMIT ? await storage.messages.listAfter(c.id, c.lastSeq - 1, 1) : [];
      const rating =
        c.status === 'resolved' || c.status === 'closed' ? await storage.ratings.current(c.id) : null;
      return agentSummary(c, {
        queuePosition: snapshot.positions.get(c.id),
        agent,
        lastMessage: last[0] ?? null,
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

export async function summariesOf(
  storage: Storage,
  queueStatus: QueueStatus,
  conversations: ConversationRecord[],
) {
  return summarize(storage, await queueStatus.current(), conversations);
}
