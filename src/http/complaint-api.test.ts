// The complaint flow under a fake clock: filing after the chat ended, SLA clocks running into a breach,
// the first agent response stopping the first-response clock, transitions, assignment and history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support.js';

const HOUR = 3_600_000;
let now = Date.UTC(2026, 2, 2, 1, 0, 0); // a fixed Monday morning in Beijing
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, { clock: () => now });
});
afterAll(async () => server?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
type Complaint = {
  id: string;
  status: string;
  sla: Record<string, { state: string; dueAt: string; breached: boolean }>;
  history: Array<Record<string, unknown>>;
};

describe('complaints', () => {
  it('runs a customer complaint from filing to closing, with SLA clocks on the fake clock', async () => {
    const agent = await server.login('agent');
    const { conversationId, token } = await server.startConversation();
    await server.say({ conversationId, token }, '我要投诉，退款一直没到');
    await server.json('POST', `/api/agent/conversations/${conversationId}/resolve`, undefined, {
      cookie: agent,
    }); // the chat ended

    const filed = await server.json(
      'POST',
      `/api/v1/conversations/${conversationId}/complaints`,
      { category: '退款', description: '退款 10 天未到账' },
      bearer(token),
    );
    expect(filed.statusCode).toBe(201);
    const ticket: Complaint = filed.json().complaint;
    expect(ticket).toMatchObject({
      status: 'new',
      priority: 'normal',
      openedBy: 'customer',
      category: '退款',
    });
    expect(ticket.sla.firstResponse).toMatchObject({
      state: 'running',
      dueAt: new Date(now + 8 * HOUR).toISOString(),
    });
    expect(ticket.sla.resolution.dueAt).toBe(new Date(now + 7 * 24 * HOUR).toISOString());
    expect(ticket.history).toEqual([
      expect.objectContaining({
        kind: 'opened',
        actor: 'customer',
        toStatus: 'new',
        text: '退款 10 天未到账',
      }),
    ]);

    // Seven hours on: at risk, not yet breached.
    now += 7 * HOUR;
    const listed = (
      await server.json('GET', '/api/agent/complaints?status=new', undefined, { cookie: agent })
    ).json().complaints;
    expect(listed.find((c: Complaint) => c.id === ticket.id).sla.firstResponse.state).toBe('at_risk');
    expect(
      (await server.json('GET', '/api/agent/complaints?breached=1', undefined, { cookie: agent }))
        .json()
        .complaints.map((c: Complaint) => c.id),
    ).not.toContain(ticket.id);

    // Nine hours on: the first response is overdue and listed as a breach.
    now += 2 * HOUR;
    const breachedList = (
      await server.json('GET', '/api/agent/complaints?breached=1', undefined, { cookie: agent })
    ).json().complaints;
    expect(breachedList.map((c: Complaint) => c.id)).toContain(ticket.id);
    const breaches = (
      await server.json('GET', '/api/agent/complaints/breaches', undefined, { cookie: agent })
    ).json().breaches;
    const mine = breaches.find((b: { complaint: Complaint }) => b.complaint.id === ticket.id);
    expect(mine.breaches).toEqual([
      { clock: 'first_response', dueAt: ticket.sla.firstResponse.dueAt, overdueMs: HOUR, running: true },
    ]);

    // An internal note is no response, and the customer never sees it.
    const note = await server.json(
      'POST',
      `/api/agent/complaints/${ticket.id}/comments`,
      { text: '联系财务核查', internal: true },
      { cookie: agent },
    );
    expect(note.json().complaint).toMatchObject({ status: 'new', firstResponseAt: null });
    now += 1000;
    const reply = await server.json(
      'POST',
      `/api/agent/complaints/${ticket.id}/comments`,
      { text: '您好，正在为您核查' },
      { cookie: agent },
    );
    expect(reply.json().complaint).toMatchObject({
      status: 'in_progress',
      firstResponseAt: new Date(now).toISOString(),
    });
    expect(reply.json().complaint.sla.firstResponse).toMatchObject({
      state: 'breached',
      stoppedAt: new Date(now).toISOString(),
    });

    const assigned = await server.json(
      'POST',
      `/api/agent/complaints/${ticket.id}/assign`,
      { assigneeId: 'me' },
      { cookie: agent },
    );
    expect(assigned.json().complaint.assignee).toMatchObject({ displayName: '客服小悦' });

    // Waiting on the customer pauses the resolution clock; their reply resumes it.
    await server.json(
      'POST',
      `/api/agent/complaints/${ticket.id}/transition`,
      { event: 'wait_customer', note: '请提供退款单号' },
      { cookie: agent },
    );
    now += 2 * HOUR;
    const waiting = (
      await server.json('GET', `/api/v1/conversations/${conversationId}/complaints`, undefined, bearer(token))
    ).json();
    expect(waiting.complaints[0]).toMatchObject({
      status: 'waiting_customer',
      sla: { resolution: { state: 'paused' } },
    });
    expect(waiting.complaints[0].history.map((h: { text: string | null }) => h.text)).not.toContain(
      '联系财务核查',
    );
    expect(
      waiting.complaints[0].history.find((h: { text: string | null }) => h.text === '请提供退款单号'),
    ).toMatchObject({
      actor: 'agent',
      actorName: '客服小悦',
      fromStatus: 'in_progress',
      toStatus: 'waiting_customer',
    });
    expect(waiting.escalation.steps.map((s: { id: string }) => s.id)).toEqual([
      'negotiate',
      'consumer-association',
      'regulator-12315',
      'arbitration',
      'court',
    ]);
    expect(waiting.escalation.evidence.length).toBeGreaterThan(3);

    const answered = await server.json(
      'POST',
      `/api/v1/conversations/${conversationId}/complaints/${ticket.id}/comments`,
      { text: '退款单号 R123' },
      bearer(token),
    );
    expect(answered.statusCode).toBe(200);
    expect(answered.json().complaint.status).toBe('in_progress');
    expect(answered.json().complaint.sla.resolution.dueAt).toBe(
      new Date(Date.parse(ticket.sla.resolution.dueAt) + 2 * HOUR).toISOString(),
    );

    // Impossible moves are refused; resolve → close → reopen works.
    const early = await server.json(
      'POST',
      `/api/agent/complaints/${ticket.id}/transition`,
      { event: 'close' },
      { cookie: agent },
    );
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('INVALID_STATE');
    for (const event of ['resolve', 'close', 'reopen']) {
      const res = await server.json(
        'POST',
        `/api/agent/complaints/${ticket.id}/transition`,
        { event },
        { cookie: agent },
      );
      expect(res.statusCode, event).toBe(200);
    }
    const detail = (
      await server.json('GET', `/api/agent/complaints/${ticket.id}`, undefined, { cookie: agent })
    ).json().complaint;
    expect(detail.status).toBe('in_progress');
    expect(detail.history.map((h: { seq: number }) => h.seq)).toEqual(
      detail.history.map((_: unknown, i: number) => i + 1),
    );
    expect(detail.history.map((h: { kind: string }) => h.kind)).toEqual([
      'opened',
      'comment',
      'comment',
      'assigned',
      'status',
      'comment',
      'status',
      'status',
      'status',
    ]);
    expect(detail.history[1]).toMatchObject({ internal: true, text: '联系财务核查' });

    const admin = await server.login('admin');
    const audit = (
      await server.json(
        'GET',
        `/api/admin/audit?objectType=complaint&objectId=${ticket.id}&limit=100`,
        undefined,
        { cookie: admin },
      )
    ).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['complaint.comment', 'complaint.assign', 'complaint.transition']),
    );
  });

  it('lets an agent open an urgent ticket for a conversation and change its priority', async () => {
    const agent = await server.login('agent');
    const { conversationId, token } = await server.startConversation();
    const missing = await server.json(
      'POST',
      '/api/agent/complaints',
      { conversationId: 'nope', category: '质量', description: '破损' },
      { cookie: agent },
    );
    expect(missing.statusCode).toBe(404);
    const res = await server.json(
      'POST',
      '/api/agent/complaints',
      { conversationId, category: '质量', description: '商品破损', priority: 'urgent' },
      { cookie: agent },
    );
    expect(res.statusCode).toBe(201);
    const ticket = res.json().complaint;
    expect(ticket).toMatchObject({ openedBy: 'agent', priority: 'urgent' });
    expect(ticket.sla.firstResponse.dueAt).toBe(new Date(now + 30 * 60_000).toISOString());
    const lowered = await server.json(
      'POST',
      `/api/agent/complaints/${ticket.id}/priority`,
      { priority: 'low' },
      { cookie: agent },
    );
    expect(lowered.json().complaint.sla.firstResponse.dueAt).toBe(new Date(now + 24 * HOUR).toISOString());
    // The customer sees it, but not the internal priority change.
    const seen = (
      await server.json('GET', `/api/v1/conversations/${conversationId}/complaints`, undefined, bearer(token))
    ).json().complaints;
    expect(seen.map((c: Complaint) => c.history.map((h) => h.kind))).toEqual([['opened']]);
    const mine = (
      await server.json('GET', '/api/agent/complaints?assignee=me', undefined, { cookie: agent })
    ).json().complaints;
    expect(mine.map((c: Complaint) => c.id)).not.toContain(ticket.id);
    expect(
      (await server.json('GET', '/api/agent/complaints?status=bogus', undefined, { cookie: agent }))
        .statusCode,
    ).toBe(400);
  });

  it('keeps customers to their own conversation’s complaints, and agents need to sign in', async () => {
    const a = await server.startConversation();
    const b = await server.startConversation();
    const filed = (
      await server.json(
        'POST',
        `/api/v1/conversations/${a.conversationId}/complaints`,
        { category: '服务', description: '态度差' },
        bearer(a.token),
      )
    ).json().complaint;
    const foreign = await server.json(
      'POST',
      `/api/v1/conversations/${b.conversationId}/complaints/${filed.id}/comments`,
      { text: '插一句' },
      bearer(b.token),
    );
    expect(foreign.statusCode).toBe(404);
    expect(
      (
        await server.json('POST', `/api/v1/conversations/${a.conversationId}/complaints`, {
          category: '服务',
          description: 'x',
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await server.json(
          'POST',
          `/api/v1/conversations/${a.conversationId}/complaints`,
          { category: ' ', description: 'x' },
          bearer(a.token),
        )
      ).statusCode,
    ).toBe(400);
    expect((await server.json('GET', '/api/agent/complaints')).statusCode).toBe(401);
    expect((await server.json('GET', '/api/v1/escalation-routes?locale=en')).json().locale).toBe('en');
  });
});
