// Complaint tickets: opened by a customer (also after the chat ended) or by an agent, moved only through
// the complaint status machine, every change written to the ticket's history in the same transaction,
// and SLA clocks computed from the injected clock.
import {
  initialComplaintState,
  OPEN_COMPLAINT_STATUSES,
  transition,
  type ComplaintEvent,
  type ComplaintState,
  type ComplaintStatus,
  type ComplaintTransitionName,
} from '../domain/complaint-status.js';
import { slaClocks, type ComplaintPriority, type SlaClocks, type SlaPolicy } from '../domain/sla.js';
import { AppError } from '../errors.js';
import type {
  ComplaintActor,
  ComplaintEventRecord,
  ComplaintPatch,
  ComplaintRecord,
  ConversationRecord,
  Repositories,
  UserRecord,
} from '../storage/ports.js';
import type { ServiceContext } from './context.js';

export type Actor = { kind: 'customer' } | { kind: 'agent'; user: UserRecord };

type EventDraft = Pick<ComplaintEventRecord, 'kind'> &
  Partial<Pick<ComplaintEventRecord, 'text' | 'internal' | 'data'>>;

interface Change {
  event?: ComplaintEvent;
  patch?: ComplaintPatch;
  record: EventDraft;
}

const MAX_ATTEMPTS = 3;
const SCAN_LIMIT = 1000;
/** Per conversation: enough for any real dispute, not enough to flood the console. */
const MAX_PER_CONVERSATION = 20;

const stateOf = (c: ComplaintRecord): ComplaintState => ({
  status: c.status,
  assigneeId: c.assigneeId,
  firstResponseAt: c.firstResponseAt,
  resolvedAt: c.resolvedAt,
  pausedMs: c.pausedMs,
  pausedSince: c.pausedSince,
});

export interface Breach {
  clock: 'first_response' | 'resolution';
  dueAt: number;
  overdueMs: number;
  /** false once the clock stopped (answered / resolved late). */
  running: boolean;
}

export function createComplaints(
  ctx: Pick<ServiceContext, 'storage' | 'clock' | 'newId'>,
  policy: SlaPolicy,
) {
  const { storage, clock, newId } = ctx;
  const actorFields = (actor: Actor) =>
    ({
      actor: actor.kind as ComplaintActor,
      actorId: actor.kind === 'agent' ? actor.user.id : null,
    }) as const;

  async function load(repos: Repositories, id: string): Promise<ComplaintRecord> {
    const complaint = await repos.complaints.get(id);
    if (!complaint) throw new AppError('NOT_FOUND', 'complaint not found');
    return complaint;
  }

  async function open(
    actor: Actor,
    conversation: ConversationRecord,
    input: {
      category: string;
      description: string;
      priority?: ComplaintPriority;
      assigneeId?: string | null;
    },
  ): Promise<ComplaintRecord> {
    const now = clock();
    if (input.assigneeId) await requireAssignee(input.assigneeId);
    const existing = await storage.complaints.list({
      conversationId: conversation.id,
      limit: MAX_PER_CONVERSATION,
    });
    if (existing.length >= MAX_PER_CONVERSATION) {
      throw new AppError('CONFLICT', `this conversation already has ${MAX_PER_CONVERSATION} complaints`);
    }
    return storage.transaction(async (tx) => {
      const created = await tx.complaints.create({
        ...initialComplaintState(input.assigneeId ?? null),
        id: newId(),
        conversationId: conversation.id,
        category: input.category.trim(),
        description: input.description.trim(),
        priority: input.priority ?? 'normal',
        openedBy: actor.kind,
        openedById: actor.kind === 'agent' ? actor.user.id : null,
        createdAt: now,
      });
      await tx.complaints.addEvent({
        complaintId: created.id,
        seq: created.version,
        at: now,
        kind: 'opened',
        ...actorFields(actor),
        fromStatus: null,
        toStatus: created.status,
        text: created.description,
        internal: false,
        data: { category: created.category, priority: created.priority, assigneeId: created.assigneeId },
      });
      return created;
    });
  }

  /**
   * Applies one change: the domain transition (if any) plus a patch, as a compare-and-set on the version,
   * with its history event. A concurrent change makes it read again and retry (each attempt re-checks).
   */
  async function apply(
    actor: Actor,
    id: string,
    decide: (c: ComplaintRecord) => Change,
  ): Promise<ComplaintRecord> {
    for (let attempt = 1; ; attempt++) {
      const now = clock();
      const result = await storage.transaction(async (tx) => {
        const current = await load(tx, id);
        const change = decide(current);
        let patch: ComplaintPatch = { ...change.patch };
        if (change.event) {
          const moved = transition(stateOf(current), change.event, now);
          if (!moved.ok) throw new AppError('INVALID_STATE', moved.reason);
          patch = { ...moved.state, ...patch };
        }
        const updated = await tx.complaints.update(id, patch, now, current.version);
        if (!updated) return null;
        await tx.complaints.addEvent({
          complaintId: id,
          seq: updated.version,
          at: now,
          ...actorFields(actor),
          fromStatus: current.status !== updated.status ? current.status : null,
          toStatus: current.status !== updated.status ? updated.status : null,
          text: change.record.text ?? null,
          internal: change.record.internal ?? false,
          data: change.record.data ?? null,
          kind: change.record.kind,
        });
        return updated;
      });
      if (result) return result;
      if (attempt >= MAX_ATTEMPTS)
        throw new AppError('CONFLICT', 'the complaint changed meanwhile; reload and try again');
    }
  }

  async function requireAssignee(userId: string): Promise<UserRecord> {
    const user = await storage.users.getById(userId);
    if (!user) throw new AppError('BAD_REQUEST', 'no such agent to assign');
    return user;
  }

  const transitionBy = (agent: UserRecord, id: string, event: ComplaintTransitionName, note?: string) =>
    apply({ kind: 'agent', user: agent }, id, () => ({
      event: { type: event },
      record: { kind: 'status', text: note?.trim() || null, data: { event } },
    }));

  async function assign(agent: UserRecord, id: string, assigneeId: string | null) {
    if (assigneeId) await requireAssignee(assigneeId);
    return apply({ kind: 'agent', user: agent }, id, () => ({
      event: { type: 'assign', assigneeId },
      record: { kind: 'assigned', data: { assigneeId } },
    }));
  }

  /** Agents' public comments count as a response to the customer; internal notes do not. */
  function comment(actor: Actor, id: string, text: string, internal = false) {
    if (actor.kind === 'customer' && internal)
      throw new AppError('BAD_REQUEST', 'customers cannot write internal notes');
    const event: ComplaintEvent | undefined = internal
      ? undefined
      : { type: actor.kind === 'agent' ? 'agent_reply' : 'customer_reply' };
    return apply(actor, id, (c) => {
      if (c.status === 'closed')
        throw new AppError('INVALID_STATE', 'the complaint is closed; reopen it first');
      return { event, record: { kind: 'comment', text: text.trim(), internal } };
    });
  }

  function setPriority(agent: UserRecord, id: string, priority: ComplaintPriority) {
    return apply({ kind: 'agent', user: agent }, id, (c) => ({
      patch: { priority },
      record: { kind: 'priority', internal: true, data: { from: c.priority, to: priority } },
    }));
  }

  const clocksOf = (c: ComplaintRecord, now = clock()): SlaClocks => slaClocks(c, policy, now);

  function breachesOf(c: ComplaintRecord, now = clock()): Breach[] {
    const clocks = clocksOf(c, now);
    const found: Breach[] = [];
    for (const [name, k] of [
      ['first_response', clocks.firstResponse],
      ['resolution', clocks.resolution],
    ] as const) {
      if (k.breached)
        found.push({ clock: name, dueAt: k.dueAt, overdueMs: -k.remainingMs, running: k.stoppedAt === null });
    }
    return found;
  }

  async function list(filter: {
    statuses?: ComplaintStatus[];
    assigneeId?: string;
    breached?: boolean;
    limit: number;
    offset?: number;
  }) {
    if (!filter.breached) return storage.complaints.list(filter);
    const now = clock();
    const scanned = await storage.complaints.list({
      statuses: filter.statuses,
      assigneeId: filter.assigneeId,
      limit: SCAN_LIMIT,
    });
    const offset = filter.offset ?? 0;
    return scanned.filter((c) => breachesOf(c, now).length > 0).slice(offset, offset + filter.limit);
  }

  /** Tickets with a breached clock, the most overdue first (open ones only unless `all`). */
  async function breaches(options: { all?: boolean } = {}) {
    const now = clock();
    const statuses = options.all ? undefined : OPEN_COMPLAINT_STATUSES;
    const scanned = await storage.complaints.list({ statuses, limit: SCAN_LIMIT });
    return scanned
      .map((complaint) => ({ complaint, breaches: breachesOf(complaint, now) }))
      .filter((b) => b.breaches.length > 0)
      .sort(
        (a, b) =>
          Math.max(...b.breaches.map((x) => x.overdueMs)) - Math.max(...a.breaches.map((x) => x.overdueMs)),
      );
  }

  return {
    openByCustomer: (conversation: ConversationRecord, input: { category: string; description: string }) =>
      open({ kind: 'customer' }, conversation, input),
    openByAgent: (agent: UserRecord, conversation: ConversationRecord, input: Parameters<typeof open>[2]) =>
      open({ kind: 'agent', user: agent }, conversation, input),
    get: (id: string) => load(storage, id),
    events: (id: string) => storage.complaints.events(id),
    forConversation: (conversationId: string) =>
      storage.complaints.list({ conversationId, limit: MAX_PER_CONVERSATION }),
    list,
    breaches,
    transition: transitionBy,
    assign,
    comment,
    setPriority,
    clocks: clocksOf,
  };
}

export type Complaints = ReturnType<typeof createComplaints>;
