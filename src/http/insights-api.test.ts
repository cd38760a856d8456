// In-process HTTP tests of the insights API: a few conversations made through the real API under a fake
// clock, then every metric checked for its exact value (definitions: docs/metrics.md).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import demoKb from '../demo/demo-kb.json' with { type: 'json' };
import { DASHBOARD_TOPIC_QUESTIONS } from '../services/learning-topics.js';
import { startTestServer, type TestServer } from './test-support.js';

const T0 = Date.UTC(2026, 0, 10, 2, 0, 0); // 10:00 on 2026-01-10 in +08:00
const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = '2026-01-10';
const category = (id: string) => demoKb.entries.find((e) => e.id === id)?.category;

let server: TestServer;
let now = T0;
let admin: string;
let agent: string;
const ids: Record<'answered' | 'handedOff' | 'abandoned' | 'silent' | 'clarified', string> = {
  answered: '',
  handedOff: '',
  abandoned: '',
  silent: '',
  clarified: '',
};
const tokens: Record<string, string> = {};
const decisions: string[] = [];
/** A question the bot answers with a clarification (found by asking, since the engine evolves). */
let vague = '';
let probed = 0;
const VAGUE_CANDIDATES = [
  '改地址还是取消订单',
  '想退货退款',
  '多久',
  '退款',
  '发票',
  '物流',
  '怎么改',
  '钱',
  '退',
];

/** Asks on a day ten days earlier, outside every range queried below. */
async function findVagueQuestion(): Promise<string> {
  now = T0 - 10 * 24 * HOUR;
  try {
    for (const text of VAGUE_CANDIDATES) {
      const id = await start({});
      probed += 1;
      const res = await server.say(customer(id), text);
      if ((res.json() as { replies: Array<{ decision: string }> }).replies[0]?.decision === 'clarify')
        return text;
    }
    throw new Error(
      `the demo KB clarifies none of ${VAGUE_CANDIDATES.join(' ')}: add a vague question that it does`,
    );
  } finally {
    for (const id of Object.keys(tokens)) delete tokens[id];
    now = T0;
  }
}

async function start(body: object): Promise<string> {
  const res = await server.json('POST', '/api/v1/conversations', body);
  expect(res.statusCode).toBe(201);
  const { conversationId, token } = res.json() as { conversationId: string; token: string };
  tokens[conversationId] = token;
  return conversationId;
}

const customer = (id: string) => ({ conversationId: id, token: tokens[id] });

async function say(id: string, text: string): Promise<{ decision: string; entryId?: string }> {
  const res = await server.say(customer(id), text);
  expect(res.statusCode).toBe(200);
  const reply = (res.json() as { replies: Array<{ decision: string; entryId?: string }> }).replies[0];
  decisions.push(reply.decision);
  return reply;
}

const insight = async (metric: string, query = `from=${DAY}&to=${DAY}`) => {
  const res = await server.json('GET', `/api/admin/insights/${metric}?${query}`, undefined, {
    cookie: admin,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    summary: Record<string, number | null>;
    rows: Array<Record<string, unknown>>;
    columns: string[];
  };
};

beforeAll(async () => {
  // Sessions outlive the fake day that passes below.
  server = await startTestServer({ sessionHours: 24 * 7 }, { clock: () => now });
  admin = await server.login('admin');
  agent = await server.login('agent');
  vague = await findVagueQuestion();

  // Answered by the bot alone (channel app, a known customer): two KB answers.
  ids.answered = await start({ channel: 'app', customer: { externalId: 'u-1', name: '王小明' } });
  expect(await say(ids.answered, '退款多久能到账')).toMatchObject({
    decision: 'answer',
    entryId: 'refund-arrival',
  });
  now += SECOND;
  expect(await say(ids.answered, '订单怎么取消')).toMatchObject({
    decision: 'answer',
    entryId: 'order-cancel',
  });

  // Asks for a person, waits 60 s, gets an answer 30 s after being taken, rates 4.
  now += SECOND;
  ids.handedOff = await start({ customer: { phone: '138 0013 8000' } });
  expect(await say(ids.handedOff, '转人工')).toMatchObject({ decision: 'handoff' });
  now += 60 * SECOND;
  expect(
    (await server.json('POST', `/api/agent/conversations/${ids.handedOff}/accept`, {}, { cookie: agent }))
      .statusCode,
  ).toBe(200);
  now += 30 * SECOND;
  const reply = await server.json(
    'POST',
    `/api/agent/conversations/${ids.handedOff}/messages`,
    { text: '您好，我来处理', clientMessageId: 'a1' },
    { cookie: agent },
  );
  expect(reply.statusCode).toBe(200);
  expect(
    (await server.json('POST', `/api/agent/conversations/${ids.handedOff}/resolve`, {}, { cookie: agent }))
      .statusCode,
  ).toBe(200);
  const rating = await server.json(
    'POST',
    `/api/v1/conversations/${ids.handedOff}/rating`,
    { score: 4 },
    { authorization: `Bearer ${tokens[ids.handedOff]}` },
  );
  expect(rating.statusCode).toBe(200);

  // Asks for a person, gives up after 20 s.
  ids.abandoned = await start({});
  expect(await say(ids.abandoned, '转人工')).toMatchObject({ decision: 'handoff' });
  now += 20 * SECOND;
  const left = await server.json(
    'POST',
    `/api/v1/conversations/${ids.abandoned}/leave-queue`,
    {},
    { authorization: `Bearer ${tokens[ids.abandoned]}` },
  );
  expect(left.statusCode).toBe(200);

  // Care mode, says nothing.
  ids.silent = await start({ care: true });

  // Left with a clarification question.
  ids.clarified = await start({});
  expect(await say(ids.clarified, vague)).toMatchObject({ decision: 'clarify' });

  // A day later every conversation has been quiet for 24 h.
  now += 25 * HOUR;
});

afterAll(async () => {
  await server.close();
});

describe('insights API', () => {
  it('volume: conversations and messages per local day, by sender', async () => {
    const senders = { customer: 0, bot: 0, agent: 0, system: 0 };
    for (const [conversationId, token] of Object.entries(tokens)) {
      const res = await server.history({ conversationId, token });
      for (const m of (res.json() as { messages: Array<{ sender: keyof typeof senders }> }).messages)
        senders[m.sender] += 1;
    }
    const volume = await insight('volume');
    expect(volume.summary).toEqual({
      conversations: 5,
      messages: senders.customer + senders.bot + senders.agent + senders.system,
      customerMessages: 5,
      botMessages: senders.bot,
      agentMessages: 1,
      systemMessages: senders.system,
    });
    expect(volume.rows).toEqual([{ day: DAY, conversations: 5, ...pick(volume.summary) }]);
    const app = await insight('volume', `from=${DAY}&to=${DAY}&channel=app`);
    expect(app.summary).toMatchObject({ conversations: 1, customerMessages: 2, botMessages: 3 });
    const dayAfter = await insight('volume', 'from=2026-01-11&to=2026-01-12');
    expect(dayAfter.summary.conversations).toBe(0);
    expect(dayAfter.rows.map((r) => r.day)).toEqual(['2026-01-11', '2026-01-12']);
  });

  it('questions by KB entry and by category, from bot answers', async () => {
    const entries = await insight('kb-entries');
    expect(entries.summary).toEqual({ answers: 2, entries: 2 });
    expect(entries.rows.map((r) => [r.entryId, r.category, r.hits, r.share])).toEqual([
      ['order-cancel', category('order-cancel'), 1, 0.5],
      ['refund-arrival', category('refund-arrival'), 1, 0.5],
    ]);
    const categories = await insight('kb-categories');
    expect(categories.summary.answers).toBe(2);
    expect(categories.rows.reduce((n, r) => n + Number(r.hits), 0)).toBe(2);
  });

  it('self-service: only the bot-answered conversation, once quiet for 24 h', async () => {
    const selfService = await insight('self-service');
    // Engaged: answered, handedOff, abandoned, clarified (silent never wrote).
    expect(selfService.summary).toEqual({ engaged: 4, settled: 4, pending: 0, selfServed: 1, rate: 0.25 });
  });

  it('handoff rate by reason, clarify rate', async () => {
    const handoffs = await insight('handoffs');
    expect(handoffs.summary).toEqual({ engaged: 4, handedOff: 2, rate: 0.5 });
    expect(handoffs.rows).toEqual([{ reason: 'customer-request', conversations: 2, rate: 0.5, share: 1 }]);
    const clarify = await insight('clarify');
    expect(decisions).toEqual(['answer', 'answer', 'handoff', 'handoff', 'clarify']);
    expect(clarify.summary).toEqual({
      decisions: 5,
      answers: 2,
      clarifies: 1,
      handoffs: 2,
      clarifyRate: 0.2,
      answerRate: 0.4,
      handoffDecisionRate: 0.4,
    });
  });

  it('first response, queue wait p50/p90 and abandonment', async () => {
    const first = await insight('first-response');
    expect(first.summary).toMatchObject({
      firstCount: 4,
      firstP50Ms: 0,
      firstP90Ms: 0,
      agentCount: 1,
      agentP50Ms: 90_000,
      agentAverageMs: 90_000,
    });
    const wait = await insight('queue-wait');
    expect(wait.summary).toEqual({
      handoffs: 2,
      assigned: 1,
      waiting: 0,
      p50Ms: 60_000,
      p90Ms: 60_000,
      averageMs: 60_000,
      maxMs: 60_000,
    });
    expect(wait.rows.find((r) => r.bucket === '1-5m')?.handoffs).toBe(1);
    const abandonment = await insight('abandonment');
    expect(abandonment.summary).toEqual({
      handoffs: 2,
      decided: 2,
      abandoned: 1,
      rate: 0.5,
      abandonedAfterP50Ms: 20_000,
    });
  });

  it('CSAT and care-mode share', async () => {
    // The rating was given at T0 + 92 s, so it falls on the day too.
    const csat = await insight('csat');
    expect(csat.summary).toEqual({ count: 1, average: 4, satisfiedShare: 1 });
    expect(csat.rows.map((r) => r.count)).toEqual([0, 0, 0, 1, 0]);
    const care = await insight('care');
    expect(care.summary).toEqual({ conversations: 5, care: 1, share: 0.2 });
  });

  it('the KPI tiles and CSV downloads', async () => {
    const res = await server.json('GET', `/api/admin/insights/summary?from=${DAY}&to=${DAY}`, undefined, {
      cookie: admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      range: {
        from: '2026-01-09T16:00:00.000Z',
        to: '2026-01-10T16:00:00.000Z',
        utcOffset: 480,
        channel: null,
      },
      tiles: {
        conversations: 5,
        selfServiceRate: 0.25,
        handoffRate: 0.5,
        clarifyRate: 0.2,
        queueWaitP50Ms: 60_000,
        abandonmentRate: 0.5,
        csatAverage: 4,
        careShare: 0.2,
      },
    });
    const csv = await server.json(
      'GET',
      `/api/admin/insights/handoffs?from=${DAY}&to=${DAY}&format=csv`,
      undefined,
      { cookie: admin },
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('zhida-handoffs-');
    expect(csv.body).toBe('\uFEFFreason,conversations,rate,share\r\ncustomer-request,2,0.5,1\r\n');
  });

  it('gives the same figures after `zhida insights rebuild` (from scratch)', async () => {
    const before = await Promise.all(
      ['volume', 'self-service', 'handoffs', 'kb-entries'].map((m) => insight(m)),
    );
    expect(await server.services.insightProjector.rebuild()).toBe(Object.keys(tokens).length + probed);
    const after = await Promise.all(
      ['volume', 'self-service', 'handoffs', 'kb-entries'].map((m) => insight(m)),
    );
    expect(after).toEqual(before);
  });

  it('checks roles and input', async () => {
    expect((await server.json('GET', '/api/admin/insights/volume')).statusCode).toBe(401);
    expect(
      (await server.json('GET', '/api/admin/insights/volume', undefined, { cookie: agent })).statusCode,
    ).toBe(403);
    expect(
      (await server.json('GET', '/api/admin/insights/nonsense', undefined, { cookie: admin })).statusCode,
    ).toBe(400);
    expect(
      (
        await server.json('GET', '/api/admin/insights/volume?from=2026-02-01&to=2026-01-01', undefined, {
          cookie: admin,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await server.json('GET', '/api/admin/insights/volume?utcOffset=330', undefined, { cookie: admin }))
        .statusCode,
    ).toBe(400);
  });

  it('the unanswered-clusters chart counts only the questions asked in the range and channel', async () => {
    // Far outside the demo shop's KB: each is handed off and captured as unanswered.
    const ask = async (day: number, channel: string, text: string) => {
      now = Date.UTC(2026, 0, day, 2, 0, 0);
      expect(await say(await start({ channel }), text)).toMatchObject({ decision: 'handoff' });
    };
    await ask(12, 'web', '火星上能种土豆吗');
    await ask(12, 'app', '火星上有水吗');
    await ask(13, 'web', '火星上能住人吗');
    await server.services.learning.capture.settled();
    const clusters = async (query: string) => {
      const res = await server.json('GET', `/api/admin/insights/clusters?${query}`, undefined, {
        cookie: admin,
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { summary: { openQuestions: number }; rows: Array<{ size: number }> };
      return [body.summary.openQuestions, body.rows.reduce((n, r) => n + r.size, 0)];
    };
    expect(await clusters('from=2026-01-12&to=2026-01-13')).toEqual([3, 3]);
    expect(await clusters('from=2026-01-12&to=2026-01-12')).toEqual([2, 2]);
    expect(await clusters('from=2026-01-13&to=2026-01-13')).toEqual([1, 1]);
    expect(await clusters('from=2026-01-12&to=2026-01-13&channel=web')).toEqual([2, 2]);
    expect(await clusters('from=2026-01-12&to=2026-01-12&channel=app')).toEqual([1, 1]);
    expect(await clusters('from=2026-01-14&to=2026-01-16')).toEqual([0, 0]);
    const csv = await server.json(
      'GET',
      '/api/admin/insights/clusters?from=2026-01-12&to=2026-01-12&channel=app&format=csv',
      undefined,
      { cookie: admin },
    );
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('火星上有水吗');
    expect(csv.body).not.toContain('火星上能种土豆吗');
  });

  it('the unanswered-clusters chart clusters a sample: the newest DASHBOARD_TOPIC_QUESTIONS of the range', async () => {
    const topics = vi.spyOn(server.services.learning.topics, 'topics');
    try {
      const res = await server.json(
        'GET',
        '/api/admin/insights/clusters?from=2026-01-12&to=2026-01-13',
        undefined,
        {
          cookie: admin,
        },
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(topics).toHaveBeenCalledWith(expect.objectContaining({ sample: DASHBOARD_TOPIC_QUESTIONS }));
    } finally {
      topics.mockRestore();
    }
  });
});

function pick(summary: Record<string, number | null>) {
  const { conversations: _c, ...messages } = summary;
  return messages;
}
