// Shapes of the agent API the console uses beyond conversations (see the server's /docs).

export type Presence = 'online' | 'away' | 'offline';

export interface AgentInfo {
  id: string;
  displayName: string;
  role: string;
  presence: Presence;
  active: number;
  capacity: number;
  groups: string[];
}

export interface AgentDirectory {
  agents: AgentInfo[];
  groups: string[];
}

export interface Note {
  id: string;
  authorId: string;
  text: string;
  createdAt: string;
}

export interface Suggestion {
  entryId: string;
  title: string;
  answer: string;
  confidence: number;
}

export interface CannedReply {
  id: string;
  shortcut: string;
  text: string;
}

export interface CallbackTicket {
  id: string;
  conversationId: string;
  name: string;
  phone: string;
  question: string;
  status: 'open' | 'done';
  createdAt: string;
  handledAt: string | null;
  note: string | null;
}

export type SlaState = 'running' | 'at_risk' | 'paused' | 'met' | 'breached';

export interface SlaClock {
  state: SlaState;
  dueAt: string;
  stoppedAt: string | null;
  remainingMs: number;
  targetMs: number;
  breached: boolean;
  atRisk: boolean;
  paused: boolean;
}

export type ComplaintStatus = 'new' | 'in_progress' | 'waiting_customer' | 'resolved' | 'closed';
export type ComplaintPriority = 'low' | 'normal' | 'high' | 'urgent';
export type ComplaintEventName = 'start' | 'wait_customer' | 'resume' | 'resolve' | 'close' | 'reopen';

export interface ComplaintHistoryItem {
  seq: number;
  at: string;
  kind: 'opened' | 'status' | 'assigned' | 'comment' | 'priority';
  actor: 'customer' | 'agent' | 'system';
  actorName: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  text: string | null;
  internal?: boolean;
}

export interface Complaint {
  id: string;
  conversationId: string;
  category: string;
  description: string;
  priority: ComplaintPriority;
  status: ComplaintStatus;
  openedBy: 'customer' | 'agent';
  createdAt: string;
  updatedAt: string;
  assignee: { id: string; displayName: string | null } | null;
  sla: { firstResponse: SlaClock; resolution: SlaClock };
  history?: ComplaintHistoryItem[];
}

export interface BreachItem {
  complaint: Complaint;
  breaches: Array<{
    clock: 'first_response' | 'resolution';
    dueAt: string;
    overdueMs: number;
    running?: boolean;
  }>;
}
