// The mechanics shared by every path to a person (bot decision, button, transfer, an agent going
// offline): status change, queue priority, and the handoff record behind the wait and abandonment figures.
import { priorityClassOf } from '../domain/queue-order.js';
import { customerKeyOf } from '../insights/customer-key.js';
import type { ConversationRecord, Repositories, UserRecord } from '../storage/ports.js';
import type { HandoffOutcome } from '../storage/routing-ports.js';
import { systemText } from './bot-replies.js';
import type { ServiceContext } from './context.js';
import { newMessage } from './new-message.js';
import { changeStatus } from './status-change.js';

export interface EnqueueOptions {
  reason: string;
  /** When the customer asked (defaults to now). */
  requestedAt?: number;
  /** Serve before everyone else (chat put back by an agent who went offline). */
  front?: boolean;
  /** Route to this skill group instead of the topic's. */
  skillGroup?: string | null;
}

/** The tag agents put on a customer's profile to serve them in the VIP class (any letter case). */
const VIP_TAG = 'vip';

export function createHandoffs(ctx: ServiceContext) {
  const { clock, newId, routing } = ctx;

  /** Whether agents tagged this conversation's customer (known by external id or phone) as VIP. */
  async function isVip(tx: Repositories, conversation: ConversationRecord): Promise<boolean> {
    const key = customerKeyOf(conversation.customer);
    if (!key) return false;
    return (await tx.customers.tags(key)).some((t) => t.tag.toLowerCase() === VIP_TAG);
  }

  async function endOpen(
    tx: Repositories,
    conversationId: string,
    outcome: HandoffOutcome,
    now: number,
  ): Promise<void> {
    const open = await tx.handoffs.open(conversationId);
    if (open) await tx.handoffs.update(open.id, { endedAt: now, outcome });
  }

  /** Puts the conversation in the queue (from bot, resolved, or assigned when re-queued/transferred). */
  async function enqueue(
    tx: Repositories,
    conversation: ConversationRecord,
    options: EnqueueOptions,
  ): Promise<ConversationRecord> {
    const now = clock();
    const priority = priorityClassOf(
      { care: conversation.care, handoffReason: options.reason, vip: await isVip(tx, conversation) },
      routing.carePriority,
    );
    const skillGroup = options.skillGroup !== undefined ? options.skillGroup : conversation.skillGroup;
    const extra = {
      handoffReason: options.reason,
      pendingClarify: null,
      botMisses: 0,
      priority,
      skillGroup,
      frontOfQueue: options.front ?? false,
      assignedAt: null,
    };
    const event =
      conversation.status === 'assigned' ? ({ type: 'requeue' } as const) : ({ type: 'handoff' } as const);
    const { conversation: queued } = await changeStatus(tx, conversation, event, now, extra);
    if (conversation.status === 'assigned')
      await endOpen(tx, conversation.id, options.reason === 'transfer' ? 'transferred' : 'requeued', now);
    await tx.handoffs.create({
      id: newId(),
      conversationId: conversation.id,
      reason: options.reason,
      priority,
      skillGroup,
      requestedAt: options.requestedAt ?? now,
      queuedAt: queued.queuedAt ?? now,
      assignedAt: null,
      agentId: null,
      endedAt: null,
      outcome: null,
    });
    return queued;
  }

  /** Gives a queued (or, for a transfer, assigned) conversation to an agent and tells the customer. */
  async function assign(tx: Repositories, conversation: ConversationRecord, agent: UserRecord) {
    const now = clock();
    const moved = await changeStatus(tx, conversation, { type: 'assign', agentId: agent.id }, now, {
      pendingClarify: null,
      botMisses: 0,
      frontOfQueue: false,
      assignedAt: now,
    });
    const open = await tx.handoffs.open(conversation.id);
    if (open) await tx.handoffs.update(open.id, { assignedAt: now, agentId: agent.id, outcome: 'assigned' });
    const { message } = await tx.messages.append(
      newMessage(
        'system',
        systemText.assigned(agent.displayName, conversation.locale),
        { event: 'assigned', agentId: agent.id },
        { id: newId(), conversationId: conversation.id, createdAt: now },
      ),
    );
    return { conversation: moved.conversation, message };
  }

  return { enqueue, assign, endOpen };
}

export type Handoffs = ReturnType<typeof createHandoffs>;
