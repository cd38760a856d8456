// Builds agent-facing conversation summaries (with queue position, agent and last message).
import type { QueueStatus } from '../services/queue-status.js';
import { positionIn } from '../services/queue.js';
import type { ConversationRecord, Storage } from '../storage/ports.js';
import { agentSummary } from './views.js';

export async function summarize(storage: Storage, conversations: ConversationRecord[], queue?: ConversationRecord[]) {
  return Promise.all(
    conversations.map(async (c) => {
      const [agent, last, rating] = await Promise.all([
        c.assignedAgentId ? storage.users.getById(c.assignedAgentId) : null,
        c.lastSeq > 0 ? storage.messages.listAfter(c.id, c.lastSeq - 1, 1) : [],
        c.status === 'resolved' || c.status === 'closed' ? storage.ratings.current(c.id) : null,
      ]);
      return agentSummary(c, { queuePosition: queue ? positionIn(queue, c.id) : undefined, agent, lastMessage: last[0] ?? null, rating });
    }),
  );
}

export async function queueSummaries(storage: Storage, queueStatus: QueueStatus) {
  const queue = await queueStatus.queue();
  return summarize(storage, queue, queue);
}

export async function summaryOf(storage: Storage, queueStatus: QueueStatus, conversation: ConversationRecord) {
  const queue = conversation.status === 'queued' ? await queueStatus.queue() : undefined;
  return (await summarize(storage, [conversation], queue))[0];
}
