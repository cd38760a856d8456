// The widget's state as the UI sees it (kept by ConversationClient).
import type { SocketState } from '../shared/socket.js';
import type { ChatMessage, ConversationStatus, CustomerConversationState } from '../shared/types.js';
import type { OutboxItem } from './outbox.js';

export type WidgetNotice = 'start-failed' | 'send-retrying' | 'handoff-failed' | 'leave-failed' | null;

export interface WidgetState {
  phase: 'idle' | 'starting' | 'ready' | 'failed';
  messages: ChatMessage[];
  outbox: OutboxItem[];
  status: ConversationStatus | null;
  queuePosition: number | null;
  agentName: string | null;
  connection: SocketState;
  notice: WidgetNotice;
  handoffPending: boolean;
  /** Queue details while queued (estimate, whether anyone is on duty). */
  queueInfo: QueueInfo;
  /** Name of the agent who is typing and until when it is shown, or null. */
  agentTyping: { name: string | null; until: number } | null;
  /** Id of the callback ticket left in this page view, if any. */
  callbackTicket: string | null;
}

export interface QueueInfo {
  estimatedWaitSeconds: number | null;
  agentsAvailable: boolean | null;
  withinHours: boolean | null;
}

export const NO_QUEUE_INFO: QueueInfo = {
  estimatedWaitSeconds: null,
  agentsAvailable: null,
  withinHours: null,
};
export const TYPING_SHOWN_MS = 5_000;
export const TYPING_SENT_EVERY_MS = 3_000;

export interface StatusCache {
  status: ConversationStatus;
  queuePosition: number | null;
  agentName: string | null;
}

export const INITIAL_STATE: WidgetState = {
  phase: 'idle',
  messages: [],
  outbox: [],
  status: null,
  queuePosition: null,
  agentName: null,
  connection: 'closed',
  notice: null,
  handoffPending: false,
  queueInfo: NO_QUEUE_INFO,
  agentTyping: null,
  callbackTicket: null,
};

/** The status to show (and remember) for a conversation view; keeps a known agent name while assigned. */
export function statusOf(conversation: CustomerConversationState, knownAgent: string | null): StatusCache {
  return {
    status: conversation.status,
    queuePosition: conversation.status === 'queued' ? (conversation.queuePosition ?? null) : null,
    agentName: conversation.agent?.displayName ?? (conversation.status === 'assigned' ? knownAgent : null),
  };
}

export const queueInfoOf = (conversation: CustomerConversationState): QueueInfo =>
  conversation.status === 'queued'
    ? {
        estimatedWaitSeconds: conversation.estimatedWaitSeconds ?? null,
        agentsAvailable: conversation.agentsAvailable ?? null,
        withinHours: conversation.withinHours ?? null,
      }
    : NO_QUEUE_INFO;
