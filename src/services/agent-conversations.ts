// The agent's side: the queue, accepting, replying, transferring, notes, resolving.
import { AppError } from '../errors.js';
import type { ConversationRecord, MessageRecord, Repositories, UserRecord } from '../storage/ports.js';
import type { NoteRecord } from '../storage/routing-ports.js';
import { systemText } from './bot-replies.js';
import type { ServiceContext } from './context.js';
import type { Handoffs } from './handoff.js';
import { newMessage } from './new-message.js';
import { publishAfterWrite } from './publish.js';
import { changeStatus } from './status-change.js';

const TRANSCRIPT_LIMIT = 5_000;

export interface AgentHooks {
  /** The agent has one chat fewer (resolved or transferred away). */
  freed(agentId: string): Promise<void>;
}

export function createAgentConversations(ctx: ServiceContext, handoffs: Handoffs, hooks: AgentHooks) {
  const { storage, clock, newId } = ctx;

  async function load(
    tx: Pick<Repositories, 'conversations'>,
    conversationId: string,
  ): Promise<ConversationRecord> {
    const conversation = await tx.conversations.get(conversationId);
    if (!conversation) throw new AppError('NOT_FOUND', 'conversation not found');
    return conversation;
  }

  const mustOwn = (conversation: ConversationRecord, agent: UserRecord) => {
    if (
      conversation.status !== 'assigned' ||
      (conversation.assignedAgentId !== agent.id && agent.role !== 'admin')
    ) {
      throw new AppError('INVALID_STATE', 'accept the conversation before doing this');
    }
  };

  async function transcript(
    conversationId: string,
  ): Promise<{ conversation: ConversationRecord; messages: MessageRecord[] }> {
    const conversation = await load(storage, conversationId);
    return { conversation, messages: await storage.messages.listAfter(conversationId, 0, TRANSCRIPT_LIMIT) };
  }

  /** Manual pick from the queue (automatic assignment uses the same handoff mechanics). */
  async function accept(agent: UserRecord, conversationId: string): Promise<ConversationRecord> {
    const result = await storage.transaction(async (tx) => {
      const conversation = await load(tx, conversationId);
      if (conversation.status === 'assigned' && conversation.assignedAgentId !== agent.id) {
        throw new AppError('CONFLICT', 'another agent already accepted this conversation');
      }
      if (conversation.status === 'assigned') return { conversation, messages: [] as MessageRecord[] };
      if (conversation.status !== 'queued')
        throw new AppError('INVALID_STATE', `the conversation is ${conversation.status}, not waiting`);
      const { conversation: moved, message } = await handoffs.assign(tx, conversation, agent);
      return { conversation: moved, messages: [message] };
    });
    if (result.messages.length > 0) await publishAfterWrite(ctx, result.conversation, result.messages, true);
    return result.conversation;
  }

  async function reply(
    agent: UserRecord,
    conversationId: string,
    input: { text: string; clientMessageId: string },
  ): Promise<MessageRecord> {
    const conversation = await load(storage, conversationId);
    mustOwn(conversation, agent);
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

  /** To another agent (directly) or to a skill group (back to the queue, served first), with a note. */
  async function transfer(
    agent: UserRecord,
    conversationId: string,
    target: { agentId?: string; group?: string; note?: string },
  ): Promise<ConversationRecord> {
    if (!target.agentId && !target.group)
      throw new AppError('BAD_REQUEST', 'name an agent or a group to transfer to');
    const to = target.agentId ? await storage.users.getById(target.agentId) : null;
    if (target.agentId && !to) throw new AppError('NOT_FOUND', 'no such agent');
    if (to && to.id === agent.id) throw new AppError('BAD_REQUEST', 'the conversation is already yours');
    const now = clock();
    const result = await storage.transaction(async (tx) => {
      const conversation = await load(tx, conversationId);
      mustOwn(conversation, agent);
      const previousAgent = conversation.assignedAgentId;
      if (target.note)
        await tx.notes.add({
          id: newId(),
          conversationId,
          authorId: agent.id,
          text: `转接备注：${target.note}`,
          createdAt: now,
        });
      let moved: ConversationRecord;
      const messages: MessageRecord[] = [];
      if (to) {
        await handoffs.endOpen(tx, conversationId, 'transferred', now);
        await tx.handoffs.create({
          id: newId(),
          conversationId,
          reason: 'transfer',
          priority: conversation.priority,
          skillGroup: conversation.skillGroup,
          requestedAt: now,
          queuedAt: now,
          assignedAt: null,
          agentId: null,
          endedAt: null,
          outcome: null,
        });
        const assigned = await handoffs.assign(tx, conversation, to);
        moved = assigned.conversation;
        messages.push(assigned.message);
      } else {
        moved = await handoffs.enqueue(tx, conversation, {
          reason: 'transfer',
          front: true,
          skillGroup: target.group ?? null,
        });
        messages.push(
          (
            await tx.messages.append(
              newMessage(
                'system',
                '正在为您转接到相应的专业客服，请稍候。',
                { event: 'transferred' },
                { id: newId(), conversationId, createdAt: now },
              ),
            )
          ).message,
        );
      }
      return { conversation: moved, messages, previousAgent };
    });
    await publishAfterWrite(ctx, result.conversation, result.messages, true);
    if (result.previousAgent) await hooks.freed(result.previousAgent);
    return result.conversation;
  }

  async function resolve(agent: UserRecord, conversationId: string): Promise<ConversationRecord> {
    const now = clock();
    const result = await storage.transaction(async (tx) => {
      const conversation = await load(tx, conversationId);
      if (
        conversation.status === 'assigned' &&
        conversation.assignedAgentId !== agent.id &&
        agent.role !== 'admin'
      ) {
        throw new AppError('FORBIDDEN', 'this conversation is assigned to another agent');
      }
      const moved = await changeStatus(tx, conversation, { type: 'resolve' }, now, {
        pendingClarify: null,
        botMisses: 0,
        frontOfQueue: false,
      });
      await handoffs.endOpen(tx, conversationId, 'resolved', now);
      const { message } = await tx.messages.append(
        newMessage(
          'system',
          systemText.resolved(conversation.locale),
          { event: 'resolved' },
          { id: newId(), conversationId, createdAt: now },
        ),
      );
      return {
        conversation: moved.conversation,
        messages: [message],
        previousAgent: conversation.assignedAgentId,
      };
    });
    await publishAfterWrite(ctx, result.conversation, result.messages, true);
    if (result.previousAgent) await hooks.freed(result.previousAgent);
    return result.conversation;
  }

  async function addNote(agent: UserRecord, conversationId: string, text: string): Promise<NoteRecord> {
    await load(storage, conversationId);
    return storage.notes.add({ id: newId(), conversationId, authorId: agent.id, text, createdAt: clock() });
  }

  return {
    mine: (agent: UserRecord) => storage.conversations.listByAgent(agent.id, ['assigned'], 200),
    transcript,
    accept,
    reply,
    transfer,
    resolve,
    addNote,
    notes: (conversationId: string) => storage.notes.list(conversationId),
  };
}

export type AgentConversations = ReturnType<typeof createAgentConversations>;
