// How complaint tickets are shown: customers see the status, public history and SLA due times (never
// internal notes or staff ids); agents see everything. Also the JSON schemas of these views for /docs.
import type { SlaClock, SlaClocks } from '../domain/sla.js';
import type { Breach } from '../services/complaints.js';
import type { ComplaintEventRecord, ComplaintRecord, UserRecord } from '../storage/ports.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export type UserLookup = (id: string) => UserRecord | undefined;

function clockView(k: SlaClock) {
  return {
    state: k.state,
    dueAt: iso(k.dueAt),
    stoppedAt: iso(k.stoppedAt),
    remainingMs: k.remainingMs,
    targetMs: k.targetMs,
    breached: k.breached,
    atRisk: k.atRisk,
    paused: k.paused,
  };
}

const slaView = (clocks: SlaClocks) => ({
  firstResponse: clockView(clocks.firstResponse),
  resolution: clockView(clocks.resolution),
});

function eventView(e: ComplaintEventRecord, users: UserLookup, forAgent: boolean) {
  const actorName = e.actorId ? (users(e.actorId)?.displayName ?? null) : null;
  const view: Record<string, unknown> = {
    seq: e.seq,
    at: iso(e.at),
    kind: e.kind,
    actor: e.actor,
    actorName,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    text: e.text,
  };
  if (forAgent) {
    view.actorId = e.actorId;
    view.internal = e.internal;
    view.data = e.data;
  }
  return view;
}

function baseView(c: ComplaintRecord, clocks: SlaClocks) {
  return {
    id: c.id,
    conversationId: c.conversationId,
    category: c.category,
    description: c.description,
    priority: c.priority,
    status: c.status,
    openedBy: c.openedBy,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    firstResponseAt: iso(c.firstResponseAt),
    resolvedAt: iso(c.resolvedAt),
    sla: slaView(clocks),
  };
}

export function customerComplaint(
  c: ComplaintRecord,
  clocks: SlaClocks,
  events: ComplaintEventRecord[],
  users: UserLookup,
) {
  return {
    ...baseView(c, clocks),
    history: events.filter((e) => !e.internal).map((e) => eventView(e, users, false)),
  };
}

export function agentComplaint(
  c: ComplaintRecord,
  clocks: SlaClocks,
  users: UserLookup,
  events?: ComplaintEventRecord[],
) {
  const assignee = c.assigneeId ? users(c.assigneeId) : undefined;
  return {
    ...baseView(c, clocks),
    version: c.version,
    openedById: c.openedById,
    assignee: c.assigneeId ? { id: c.assigneeId, displayName: assignee?.displayName ?? null } : null,
    ...(events ? { history: events.map((e) => eventView(e, users, true)) } : {}),
  };
}

export const breachView = (b: Breach) => ({ ...b, dueAt: iso(b.dueAt) });

const open = { type: 'object', additionalProperties: true } as const;
const clockSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    state: { type: 'string', enum: ['running', 'at_risk', 'paused', 'met', 'breached'] },
    dueAt: { type: 'string', format: 'date-time' },
    stoppedAt: { type: ['string', 'null'] },
    remainingMs: { type: 'number' },
    targetMs: { type: 'number' },
    breached: { type: 'boolean' },
    atRisk: { type: 'boolean' },
    paused: { type: 'boolean' },
  },
} as const;

export const complaintSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'string' },
    conversationId: { type: 'string' },
    category: { type: 'string' },
    description: { type: 'string' },
    priority: { type: 'string', enum: ['low', 'normal', 'high', 'urgent'] },
    status: { type: 'string', enum: ['new', 'in_progress', 'waiting_customer', 'resolved', 'closed'] },
    openedBy: { type: 'string', enum: ['customer', 'agent'] },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    firstResponseAt: { type: ['string', 'null'] },
    resolvedAt: { type: ['string', 'null'] },
    sla: {
      type: 'object',
      additionalProperties: true,
      properties: { firstResponse: clockSchema, resolution: clockSchema },
    },
    assignee: { type: ['object', 'null'], additionalProperties: true },
    history: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: true,
        properties: {
          seq: { type: 'integer' },
          at: { type: 'string' },
          kind: { type: 'string', enum: ['opened', 'status', 'assigned', 'comment', 'priority'] },
          actor: { type: 'string', enum: ['customer', 'agent', 'system'] },
          actorName: { type: ['string', 'null'] },
          fromStatus: { type: ['string', 'null'] },
          toStatus: { type: ['string', 'null'] },
          text: { type: ['string', 'null'] },
          internal: { type: 'boolean' },
          data: {},
        },
      },
    },
  },
} as const;

export const escalationSchema = open;

export const breachesSchema = {
  type: 'object',
  properties: {
    breaches: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          complaint: complaintSchema,
          breaches: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                clock: { type: 'string', enum: ['first_response', 'resolution'] },
                dueAt: { type: 'string' },
                overdueMs: { type: 'number' },
                running: { type: 'boolean' },
              },
            },
          },
        },
      },
    },
  },
} as const;
