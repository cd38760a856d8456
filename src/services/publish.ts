// Events go out only after the transaction committed, so a socket never shows what was rolled back.
import type { ConversationRecord, MessageRecord } from '../storage/ports.js';
import type { ServiceContext } from './context.js';

export async function publishAfterWrite(
  ctx: Pick<ServiceContext, 'bus'>,
  conversation: ConversationRecord,
  messages: MessageRecord[],
  statusChanged: boolean,
): Promise<void> {
  for (const message of messages) await ctx.bus.publish({ type: 'message', conversation, message });
  if (statusChanged) {
    await ctx.bus.publish({ type: 'conversation', conversation });
    await ctx.bus.publish({ type: 'queue-changed' });
  }
}
