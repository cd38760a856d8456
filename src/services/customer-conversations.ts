// The customer's side of a conversation: start it, send messages (the bot answers while it is the
// bot's turn), ask for a person. Writes happen in one transaction; events go out after commit.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { botMaySpeak } from '../domain/conversation-status.js';
import { decideBotTurn, type HandoffReason } from '../domain/bot-turn.js';
import { AppError } from '../errors.js';
import type { ConversationRecord, CustomerInfo, MessageRecord, Repositories } from '../storage/ports.js';
import { botReplyText, greetingText, handoffText, langOf } from './bot-replies.js';
import type { ServiceContext } from './context.js';
import type { Handoffs } from './handoff.js';
import { newMessage } from './new-message.js';
import { publishAfterWrite } from './publish.js';
import { changeStatus } from './status-change.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface PostResult {
  message: MessageRecord;
  replies: MessageRecord[];
  conversation: ConversationRecord;
}

export function createCustomerConversations(ctx: ServiceContext, handoffs: Handoffs) {
  const { storage, models, clock, newId, routing } = ctx;

  async function start(input: {
    locale?: string;
    care?: boolean;
    channel?: string;
    customer?: CustomerInfo;
  }) {
    const token = randomBytes(24).toString('base64url');
    const now = clock();
    const locale = input.locale ?? 'zh-CN';
    const meta = await storage.kb.meta();
    const { conversation, greeting } = await storage.transaction(async (tx) => {
      const conversation = await tx.conversations.create({
        id: newId(),
        tokenHash: hashToken(token),
        status: 'bot',
        locale,
        care: input.care ?? false,
        customer: input.customer ?? {},
        channel: input.channel ?? 'web',
        assignedAgentId: null,
        handoffReason: null,
        queuedAt: null,
        botMisses: 0,
        pendingClarify: null,
        createdAt: now,
      });
      const { message } = await tx.messages.append(
        newMessage(
          'bot',
          greetingText(meta.name, locale),
          { kind: 'greeting' },
          {
            id: newId(),
            conversationId: conversation.id,
            createdAt: now,
          },
        ),
      );
      return { conversation, greeting: message };
    });
    await publishAfterWrite(ctx, conversation, [greeting], false);
    return { conversation, token };
  }

  /** The token is the customer's only key: 401 without one, 403 for a wrong one. */
  async function authorize(conversationId: string, token: string | undefined): Promise<ConversationRecord> {
    if (!token) throw new AppError('UNAUTHORIZED', 'missing conversation token');
    const conversation = await storage.conversations.get(conversationId);
    if (!conversation) throw new AppError('NOT_FOUND', 'conversation not found');
    const given = Buffer.from(hashToken(token), 'hex');
    const expected = Buffer.from(conversation.tokenHash, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new AppError('FORBIDDEN', 'this token does not open this conversation');
    }
    return conversation;
  }

  async function handOff(
    tx: Repositories,
    conversation: ConversationRecord,
    reason: HandoffReason,
    requestedAt: number,
  ) {
    return handoffs.enqueue(tx, conversation, { reason, requestedAt });
  }

  /** Handoffs whose message is about the bot, not about a topic. */
  const TOPICLESS: ReadonlySet<string> = new Set(['customer-request', 'clarify-rejected']);

  /** The skill group of the topic being discussed: the category of the engine's best entry, when it is sure enough. */
  function topicGroup(
    entryId: string | null,
    confidence: number,
    threshold: number,
  ): string | null | undefined {
    if (!entryId || confidence < threshold) return undefined;
    const category = models.current().entries.get(entryId)?.category;
    return category ? (routing.skillGroups.get(category) ?? null) : undefined;
  }

  async function postMessage(
    conversationId: string,
    input: { text: string; clientMessageId: string },
  ): Promise<PostResult> {
    const now = clock();
    const active = models.current();
    const result = await storage.transaction(async (tx) => {
      let conversation = await tx.conversations.get(conversationId);
      if (!conversation) throw new AppError('NOT_FOUND', 'conversation not found');
      const appended = await tx.messages.append({
        id: newId(),
        conversationId,
        sender: 'customer',
        authorId: null,
        text: input.text,
        clientMessageId: input.clientMessageId,
        inReplyTo: null,
        meta: null,
        createdAt: now,
      });
      if (!appended.created) {
        // The same clientMessageId again: nothing new is stored; the first answer is returned.
        const replies = await tx.messages.listReplies(conversationId, appended.message.id);
        return { message: appended.message, replies, conversation, fresh: false, statusChanged: false };
      }
      const before = conversation.status;
      if (conversation.status === 'resolved' || conversation.status === 'closed') {
        conversation = (await changeStatus(tx, conversation, { type: 'reopen' }, now)).conversation;
      }
      const replies: MessageRecord[] = [];
      if (botMaySpeak(conversation.status)) {
        const turn = decideBotTurn(
          active.model,
          input.text,
          conversation,
          ctx.policy,
          (id) => active.entries.get(id)?.title,
        );
        const meta = {
          decision: turn.decision,
          entryId: turn.entryId,
          candidates: turn.candidates,
          handoffReason: turn.handoffReason,
          confidence: turn.engine.confidence,
          engineReason: turn.engine.reason,
          ranked: turn.engine.ranked.slice(0, 3),
          ...(turn.engine.mustNotAnswer ? { mustNotAnswer: turn.engine.mustNotAnswer } : {}),
          kbVersion: active.kbVersion,
        };
        const text = botReplyText(turn, active.entries, conversation.locale);
        replies.push(
          (
            await tx.messages.append(
              newMessage('bot', text, meta, {
                id: newId(),
                conversationId,
                createdAt: now,
                inReplyTo: appended.message.id,
              }),
            )
          ).message,
        );
        // "转人工" or "都不是" says nothing about the topic: the one discussed before still routes the chat.
        const group = TOPICLESS.has(turn.handoffReason ?? '')
          ? undefined
          : topicGroup(
              turn.entryId ?? turn.engine.top,
              turn.entryId ? 1 : turn.engine.confidence,
              active.model.thresholds.clarify,
            );
        if (group !== undefined && group !== conversation.skillGroup) {
          conversation =
            (await tx.conversations.update(conversationId, { skillGroup: group }, now)) ?? conversation;
        }
        if (turn.decision === 'handoff') {
          conversation = await handOff(tx, conversation, turn.handoffReason ?? 'low-confidence', now);
        } else {
          const misses = turn.decision === 'answer' ? 0 : conversation.botMisses + 1;
          const pending = turn.decision === 'clarify' && turn.candidates.length > 0 ? turn.candidates : null;
          conversation =
            (await tx.conversations.update(
              conversationId,
              { botMisses: misses, pendingClarify: pending },
              now,
            )) ?? conversation;
        }
      }
      return {
        message: appended.message,
        replies,
        conversation,
        fresh: true,
        statusChanged: conversation.status !== before,
      };
    });
    if (result.fresh)
      await publishAfterWrite(
        ctx,
        result.conversation,
        [result.message, ...result.replies],
        result.statusChanged,
      );
    return result;
  }

  /** The one-click button (or an integration) asks for a person: one step from any open state. */
  async function requestHandoff(conversationId: string): Promise<ConversationRecord> {
    const now = clock();
    const result = await storage.transaction(async (tx) => {
      let conversation = await tx.conversations.get(conversationId);
      if (!conversation) throw new AppError('NOT_FOUND', 'conversation not found');
      if (conversation.status === 'closed')
        conversation = (await changeStatus(tx, conversation, { type: 'reopen' }, now)).conversation;
      if (conversation.status === 'queued' || conversation.status === 'assigned')
        return { conversation, messages: [], changed: false };
      const moved = await handOff(tx, conversation, 'button', now);
      const { message } = await tx.messages.append(
        newMessage(
          'bot',
          handoffText('button', conversation.locale),
          { decision: 'handoff', handoffReason: 'button' },
          { id: newId(), conversationId, createdAt: now },
        ),
      );
      return { conversation: moved, messages: [message], changed: true };
    });
    if (result.changed) await publishAfterWrite(ctx, result.conversation, result.messages, true);
    return result.conversation;
  }

  /** The customer stops waiting: back to the bot, and the handoff is recorded as abandoned. */
  async function leaveQueue(conversationId: string): Promise<ConversationRecord> {
    const now = clock();
    const result = await storage.transaction(async (tx) => {
      const conversation = await tx.conversations.get(conversationId);
      if (!conversation) throw new AppError('NOT_FOUND', 'conversation not found');
      if (conversation.status !== 'queued') return { conversation, messages: [], changed: false };
      const back = await changeStatus(tx, conversation, { type: 'leave-queue' }, now, {
        frontOfQueue: false,
      });
      await handoffs.endOpen(tx, conversationId, 'abandoned', now);
      const text =
        langOf(conversation.locale) === 'en'
          ? 'You left the queue. The assistant is here if you need it.'
          : '您已退出排队，有问题可以继续问我。';
      const { message } = await tx.messages.append(
        newMessage('bot', text, { event: 'left-queue' }, { id: newId(), conversationId, createdAt: now }),
      );
      return { conversation: back.conversation, messages: [message], changed: true };
    });
    if (result.changed) await publishAfterWrite(ctx, result.conversation, result.messages, true);
    return result.conversation;
  }

  /** Nobody can answer now: leave a message (name, phone, question) for a callback instead of waiting. */
  async function requestCallback(
    conversationId: string,
    input: { name: string; phone: string; question: string },
  ) {
    const now = clock();
    const result = await storage.transaction(async (tx) => {
      let conversation = await tx.conversations.get(conversationId);
      if (!conversation) throw new AppError('NOT_FOUND', 'conversation not found');
      const ticket = await tx.callbackTickets.create({
        id: newId(),
        conversationId,
        ...input,
        status: 'open',
        createdAt: now,
        handledBy: null,
        handledAt: null,
        note: null,
      });
      if (conversation.status === 'queued') {
        conversation = (
          await changeStatus(tx, conversation, { type: 'leave-queue' }, now, { frontOfQueue: false })
        ).conversation;
        await handoffs.endOpen(tx, conversationId, 'ticket', now);
      }
      const text =
        langOf(conversation.locale) === 'en'
          ? `Thank you — we will call you back at ${input.phone}.`
          : `已收到您的留言，客服上班后会尽快致电 ${input.phone} 联系您。`;
      const { message } = await tx.messages.append(
        newMessage(
          'bot',
          text,
          { event: 'callback-ticket', ticketId: ticket.id },
          { id: newId(), conversationId, createdAt: now },
        ),
      );
      return { conversation, ticket, message };
    });
    await publishAfterWrite(ctx, result.conversation, [result.message], true);
    return result.ticket;
  }

  async function listMessages(conversationId: string, afterSeq: number, limit: number) {
    return storage.messages.listAfter(conversationId, afterSeq, limit);
  }

  return { start, authorize, postMessage, requestHandoff, leaveQueue, requestCallback, listMessages };
}

export type CustomerConversations = ReturnType<typeof createCustomerConversations>;
