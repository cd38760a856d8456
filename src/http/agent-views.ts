// Builds agent-facing conversation summaries (with queue position, agent and last message).
import { queuedInOrder } from '../services/queue.js';
import type { ConversationRecord, Storage } from '../storage/ports.js';
import { agentSummary } from './views.js';

export async function summarize(storage: Storage, conversations: ConversationRecord[], positions?: Map<string, number>) {
  return Promise.all(
    conversations.map(async (c) => {
      const [agent, last] = await Promise.all([
        c.assignedAgentId ? storage.users.getById(c.assignedAgentId) : null,
        c.lastSeq > 0 ? storage.messages.listAfter(c.id, c.lastSeq - 1, 1) : [],
      ]);
      return agentSummary(c, { queuePosition: positions?.get(c.id), agent, lastMessage: last[0] ?? null });
    }),
  );
}

export async function queueSummaries(storage: Storage) {
  const queue = await queuedInOrder(storage.conversations);
  return summarize(storage, queue, new Map(queue.map((c, i) => [c.id, i + 1])));
}

export async function summaryOf(storage: Storage, conversation: ConversationRecord) {
  const positions = conversation.status === 'queued' ? new Map((await queuedInOrder(storage.conversations)).map((c, i) => [c.id, i + 1])) : undefined;
  return (await summarize(storage, [conversation], positions))[0];
}
