// Applies a domain transition to a stored conversation: the only path by which a status is written.
import { transition, type ConversationEvent } from '../domain/conversation-status.js';
import { AppError } from '../errors.js';
import type { ConversationPatch, ConversationRecord, Repositories } from '../storage/ports.js';

export async function changeStatus(
  repos: Repositories,
  conversation: ConversationRecord,
  event: ConversationEvent,
  now: number,
  extra: ConversationPatch = {},
): Promise<{ conversation: ConversationRecord; changed: boolean }> {
  const result = transition(
    { status: conversation.status, assignedAgentId: conversation.assignedAgentId },
    event,
  );
  if (!result.ok) throw new AppError('INVALID_STATE', result.reason);
  if (!result.changed && Object.keys(extra).length === 0) return { conversation, changed: false };
  const patch: ConversationPatch = {
    status: result.state.status,
    assignedAgentId: result.state.assignedAgentId,
    ...extra,
  };
  if (result.state.status === 'queued' && conversation.status !== 'queued') patch.queuedAt = now;
  // Compare-and-set on the status we read: two agents accepting one chat cannot both win.
  const updated = await repos.conversations.update(conversation.id, patch, now, conversation.status);
  if (!updated) throw new AppError('CONFLICT', 'the conversation changed meanwhile; reload and try again');
  return { conversation: updated, changed: result.changed };
}
