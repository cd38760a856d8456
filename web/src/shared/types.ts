// Shapes of the Zhida HTTP/WebSocket API as the web apps see them (see DESIGN.md, customer API v1).

export type Sender = 'customer' | 'bot' | 'agent' | 'system';
export type Decision = 'answer' | 'clarify' | 'handoff';
export type ConversationStatus = 'bot' | 'queued' | 'assigned' | 'resolved' | 'closed';

export interface Choice {
  entryId: string;
  title: string;
}

export interface RankedCandidate {
  entryId: string;
  title?: string;
  confidence: number;
}

/** Decision details the agent API adds to bot messages. */
export interface BotMeta {
  decision?: Decision;
  entryId?: string | null;
  entryTitle?: string;
  confidence?: number;
  handoffReason?: string | null;
  reason?: string;
  ranked?: RankedCandidate[];
  /** The KB's must-not-answer example that overruled the bot, and the message's similarity to it. */
  mustNotAnswer?: { example: string; similarity: number };
}

export interface ChatMessage {
  id: string;
  seq: number;
  sender: Sender;
  text: string;
  createdAt: string;
  clientMessageId?: string | null;
  decision?: Decision;
  entryId?: string | null;
  candidates?: string[];
  choices?: Choice[];
  agentName?: string;
  meta?: BotMeta | null;
  /** Ways out the server offers with a bot reply (every reply that is not itself a handoff). */
  actions?: MessageAction[];
}

export interface MessageAction {
  type: 'handoff' | string;
  label: string;
  labelEn?: string;
}

export interface CustomerConversationState {
  status: ConversationStatus;
  queuePosition?: number | null;
  estimatedWaitSeconds?: number | null;
  agentsAvailable?: boolean;
  withinHours?: boolean;
  agent?: { displayName: string } | null;
  /** When the conversation last changed (ISO): a view older than the one shown is stale. */
  updatedAt?: string;
}

export interface SendMessageResponse {
  message: ChatMessage;
  replies: ChatMessage[];
  conversation?: CustomerConversationState;
}

export type CustomerFrame =
  | { type: 'message'; message: ChatMessage }
  | { type: 'conversation'; conversation: CustomerConversationState }
  | { type: 'typing'; from: 'agent'; name?: string };

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: 'agent' | 'admin' | string;
}

export interface ConversationSummary {
  id: string;
  status: ConversationStatus;
  customer: { name?: string; phone?: string; externalId?: string };
  care: boolean;
  locale: string;
  handoffReason: string | null;
  /** Queue priority class (agent API). */
  priority?: 'care' | 'urgent' | 'vip' | 'normal' | string;
  skillGroup?: string | null;
  queuedAt: string | null;
  queuePosition?: number | null;
  assignedAgent?: { id: string; displayName: string } | null;
  createdAt: string;
  updatedAt: string;
  lastMessage?: { sender: Sender; text: string; createdAt: string } | null;
  /** The customer's satisfaction rating, once given (resolved conversations). */
  rating?: { score: number; comment: string | null; ratedAt: string } | null;
}

export type AgentFrame =
  | { type: 'queue'; conversations: ConversationSummary[] }
  | { type: 'conversation'; conversation: ConversationSummary }
  | { type: 'message'; conversationId: string; message: ChatMessage }
  | { type: 'typing'; conversationId: string; from: 'customer' };

export interface KbEntry {
  id: string;
  title: string;
  category?: string;
  questions: string[];
  answer: string;
  tags?: string[];
  updatedAt?: string;
}

export interface KbListing {
  name: string;
  locale: string;
  version: number;
  entries: KbEntry[];
}
