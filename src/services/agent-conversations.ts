// The agent's side: the queue, accepting a conversation, replying, resolving.
import { AppError } from '../errors.js';
import type { ConversationRecord, MessageRecord, UserRecord } from '../storage/ports.js';
import { systemText } from './bot-replies.js';
import type { ServiceContext } from './context.js';
import { publishAfterWrite } from './publish.js';
import { queuedInOrder } from './queue.js';
import { changeStatus } from './status-change.js';

const TRANSCRIPT_LIMIT = 5_000;

export function createAgentConversations(ctx: ServiceContext) {
  const { storage, clock, newId } = ctx;

  const systemMessage = (conversationId: string, text: string, now: number) => ({
    id: newId(),
    conversationId,
    sender: 'system' as const,
    authorId: null,
    text,
    clientMessageId: null,
    inReplyTo: null,
    meta: null,
    createdAt: now,
  });

  async function load(conversationId: string): Promise<ConversationRecord> {
    const conversation = await storage.conversations.get(conversationId);
    if (!conversation) throw new AppError('NOT_FOUND', 'conversation not found');
    return conversation;
  }

  async function transcript(conversationId: string): Promise<{ conversation: ConversationRecord; messages: MessageRecord[] }> {
    const conversation = await load(conversationId);
    return { conversation, messages: await storage.messages.listAfter(conversationId, 0, TRANSCRIPT_LIMIT) };
  }

  async function accept(agent: UserRecord, conversationId: string): Promise<ConversationRecord> {
    const now = clock();
    const result = await storage.transaction(async (tx) => {
      const conversation = await tx.conversations.get(conversationId);
      if (!conversation) throw new AppError('NOT_FOUND', 'conversation not found');
      if (conversation.status === 'assigned' && conversation.assignedAgentId !== agent.id) {
        throw new AppError('CONFLICT', 'another agent already accepted this conversation');
      }
      if (conversation.status === 'assigned') return { conversation, messages: [] as MessageRecord[] };
      const moved = await changeStatus(tx, conversation, { type: 'assign', agentId: agent.id }, now, { pendingClarify: null, botMisses: 0 });
      const { message } = await tx.messages.append(systemMessage(conversationId, systemText.assigned(agent.displayName, conversation.locale), now));
      return { conversation: moved.conversation, messages: [message] };
    });
    if (result.messages.length > 0) await publishAfterWrite(ctx, result.conversation, result.messages, true);
    return result.conversation;
  }

  async function reply(agent: UserRecord, conversationId: string, input: { text: string; clientMessageId: string }): Promise<MessageRecord> {
    const conversation = await load(conversationId);
    if (conversation.status !== 'assigned' || conversation.assignedAgentId !== agent.id) {
      throw new AppError('INVALID_STATE', 'accept the conversation before replying');
    }
    const { message, created } = await storage.messages.append({
      id: newId(),
      conversationId,
      sender: 'agent',
      authorId: agent.id,
      text: input.text,
      clientMessageId: input.clientMessageId,
      inReplyTo: null,
      meta: { agentName: agent.displayName },
      createdAt: clock(),
    });
    if (created) await publishAfterWrite(ctx, conversation, [message], false);
    return message;
  }

  async function resolve(agent: UserRecord, conversationId: string): Promise<ConversationRecord> {
    const now = clock();
    const result = await storage.transaction(async (tx) => {
      const conversation = await tx.conversations.get(conversationId);
      if (!conversation) throw new AppError('NOT_FOUND', 'conversation not found');
      if (conversation.status === 'assigned' && conversation.assignedAgentId !== agent.id && agent.role !== 'admin') {
        throw new AppError('FORBIDDEN', 'this conversation is assigned to another agent');
      }
      const moved = await changeStatus(tx, conversation, { type: 'resolve' }, now, { pendingClarify: null, botMisses: 0 });
      const { message } = await tx.messages.append(systemMessage(conversationId, systemText.resolved(conversation.locale), now));
      return { conversation: moved.conversation, messages: [message] };
    });
    await publishAfterWrite(ctx, result.conversation, result.messages, true);
    return result.conversation;
  }

  return {
    queue: () => queuedInOrder(storage.conversations),
    mine: (agent: UserRecord) => storage.conversations.listByAgent(agent.id, ['assigned'], 200),
    transcript,
    accept,
    reply,
    resolve,
  };
}

export type AgentConversations = ReturnType<typeof createAgentConversations>;
