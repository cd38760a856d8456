// The one conversation status machine (DESIGN convention 2): every status change goes through
// transition(); nothing else writes a status.

export type ConversationStatus = 'bot' | 'queued' | 'assigned' | 'resolved' | 'closed';

export type ConversationEvent =
  | { type: 'handoff' }
  | { type: 'assign'; agentId: string }
  | { type: 'requeue' }
  | { type: 'leave-queue' }
  | { type: 'resolve' }
  | { type: 'close' }
  | { type: 'reopen' };

export interface StatusState {
  status: ConversationStatus;
  assignedAgentId: string | null;
}

export type TransitionResult =
  { ok: true; state: StatusState; changed: boolean } | { ok: false; reason: string };

const fail = (from: ConversationStatus, event: ConversationEvent['type']): TransitionResult => ({
  ok: false,
  reason: `cannot ${event} a conversation that is ${from}`,
});

export function transition(state: StatusState, event: ConversationEvent): TransitionResult {
  const { status } = state;
  const to = (next: StatusState): TransitionResult => ({
    ok: true,
    state: next,
    changed: next.status !== status || next.assignedAgentId !== state.assignedAgentId,
  });
  switch (event.type) {
    case 'handoff':
      // A human is always one step away: from the bot, or after resolution (the customer is back).
      if (status === 'bot' || status === 'resolved') return to({ status: 'queued', assignedAgentId: null });
      // Already waiting or with a person: asking again changes nothing, and is not an error.
      if (status === 'queued' || status === 'assigned') return to(state);
      return fail(status, event.type);
    case 'assign':
      if (status === 'queued') return to({ status: 'assigned', assignedAgentId: event.agentId });
      if (status === 'assigned') return to({ status: 'assigned', assignedAgentId: event.agentId }); // transfer
      return fail(status, event.type);
    case 'requeue':
      if (status === 'assigned') return to({ status: 'queued', assignedAgentId: null });
      return fail(status, event.type);
    case 'leave-queue':
      // The customer stops waiting; the bot is there again.
      if (status === 'queued') return to({ status: 'bot', assignedAgentId: null });
      return fail(status, event.type);
    case 'resolve':
      if (status === 'assigned' || status === 'queued' || status === 'bot')
        return to({ status: 'resolved', assignedAgentId: state.assignedAgentId });
      return fail(status, event.type);
    case 'close':
      if (status === 'resolved' || status === 'bot')
        return to({ status: 'closed', assignedAgentId: state.assignedAgentId });
      return fail(status, event.type);
    case 'reopen':
      if (status === 'resolved' || status === 'closed') return to({ status: 'bot', assignedAgentId: null });
      return fail(status, event.type);
  }
}

/** The bot speaks only while the conversation is with the bot (DESIGN convention 3). */
export const botMaySpeak = (status: ConversationStatus): boolean => status === 'bot';
