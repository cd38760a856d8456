// How stored records are shown through the API: customers see no internal scores or ids of staff;
// agents see the bot's decisions so nobody has to ask the customer again.
import type { KbEntry } from '../engine/types.js';
import type { QueueInfo } from '../services/queue-status.js';
import type { ConversationRecord, MessageRecord, RatingRecord, UserRecord } from '../storage/ports.js';

type Entries = ReadonlyMap<string, KbEntry>;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const strings = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function customerMessage(m: MessageRecord, entries: Entries) {
  const meta = m.meta ?? {};
  const view: Record<string, unknown> = {
    id: m.id,
    seq: m.seq,
    sender: m.sender,
    text: m.text,
    createdAt: iso(m.createdAt),
  };
  if (m.clientMessageId) view.clientMessageId = m.clientMessageId;
  const decision = str(meta.decision);
  if (m.sender === 'bot' && decision) {
    view.decision = decision;
    if (str(meta.entryId)) view.entryId = meta.entryId;
    // Every bot reply that is not itself a handoff carries the way to a person (never trapped).
    if (decision !== 'handoff')
      view.actions = [{ type: 'handoff', label: '转人工客服', labelEn: 'Talk to a person' }];
    const candidates = strings(meta.candidates);
    if (decision === 'clarify' && candidates.length > 0) {
      view.candidates = candidates;
      view.choices = candidates.map((id) => ({ entryId: id, title: entries.get(id)?.title ?? id }));
    }
  }
  if (m.sender === 'agent' && str(meta.agentName)) view.agentName = meta.agentName;
  return view;
}

export function agentMessage(m: MessageRecord, entries: Entries) {
  const view = customerMessage(m, entries);
  if (m.sender === 'bot' && m.meta) {
    const meta = m.meta;
    const ranked = Array.isArray(meta.ranked)
      ? (meta.ranked as Array<{ entryId: string; confidence: number }>)
      : [];
    view.meta = {
      decision: meta.decision,
      entryId: meta.entryId ?? null,
      entryTitle: str(meta.entryId) ? entries.get(meta.entryId as string)?.title : undefined,
      confidence: meta.confidence,
      handoffReason: meta.handoffReason ?? null,
      engineReason: meta.engineReason,
      ...(meta.mustNotAnswer ? { mustNotAnswer: meta.mustNotAnswer } : {}),
      kbVersion: meta.kbVersion,
      ranked: ranked.map((r) => ({
        entryId: r.entryId,
        title: entries.get(r.entryId)?.title,
        confidence: r.confidence,
      })),
    };
  }
  return view;
}

export function customerConversation(c: ConversationRecord, queue: QueueInfo, agent: UserRecord | null) {
  // updatedAt lets a client drop a view older than one it already has (HTTP reply vs stream frame).
  const view: Record<string, unknown> = { status: c.status, ...queue, updatedAt: iso(c.updatedAt) };
  if (agent && c.status === 'assigned') view.agent = { displayName: agent.displayName };
  return view;
}

export function agentSummary(
  c: ConversationRecord,
  extras: {
    queuePosition?: number;
    agent?: UserRecord | null;
    lastMessage?: MessageRecord | null;
    rating?: RatingRecord | null;
  },
) {
  return {
    id: c.id,
    status: c.status,
    customer: c.customer,
    care: c.care,
    locale: c.locale,
    handoffReason: c.handoffReason,
    priority: c.priority,
    skillGroup: c.skillGroup,
    queuedAt: iso(c.queuedAt),
    queuePosition: extras.queuePosition,
    assignedAgent: extras.agent ? { id: extras.agent.id, displayName: extras.agent.displayName } : undefined,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    lastMessage: extras.lastMessage
      ? {
          sender: extras.lastMessage.sender,
          text: extras.lastMessage.text,
          createdAt: iso(extras.lastMessage.createdAt),
        }
      : undefined,
    /** The customer's current satisfaction rating (resolved/closed conversations). */
    rating: extras.rating
      ? { score: extras.rating.score, comment: extras.rating.comment, ratedAt: iso(extras.rating.createdAt) }
      : undefined,
  };
}

export const userView = (u: UserRecord) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
});
