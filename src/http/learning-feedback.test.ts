// 👍/👎 on bot answers with per-entry rates, and agents' save-to-KB proposals reviewed by an admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestCustomer, type TestServer } from './test-support.js';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('admin');
});
afterAll(async () => server?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function ask(c: TestCustomer, text: string) {
  return (await server.say(c, text)).json() as {
    message: { id: string };
    replies: { id: string; decision: string; entryId?: string }[];
  };
}

const feedbackUrl = (c: { conversationId: string }, messageId: string) =>
  `/api/v1/conversations/${c.conversationId}/messages/${messageId}/feedback`;
const rating = async (entryId: string) =>
  (await server.json('GET', '/api/admin/learning/entry-ratings', undefined, { cookie: admin }))
    .json()
    .ratings.find((r: { entryId: string }) => r.entryId === entryId);

describe('👍/👎 on bot answers', () => {
  it('records a vote on an answer (the last one wins), captures the 👎 and rates the entry', async () => {
    const c = await server.startConversation();
    const answer = (await ask(c, '怎么开发票')).replies[0];
    expect(answer).toMatchObject({ decision: 'answer', entryId: 'invoice-request' });
    await server.services.learning.capture.settled();
    expect(await rating('invoice-request')).toMatchObject({
      shown: 1,
      helpful: 0,
      unhelpful: 0,
      helpfulRate: null,
      inKb: true,
    });

    const down = await server.json(
      'POST',
      feedbackUrl(c, answer.id),
      { helpful: false, comment: '没说电子发票在哪下载' },
      bearer(c.token),
    );
    expect(down.statusCode).toBe(200);
    expect(down.json().feedback).toMatchObject({
      messageId: answer.id,
      entryId: 'invoice-request',
      helpful: false,
      comment: '没说电子发票在哪下载',
    });
    await server.services.learning.capture.settled();
    const questions = (
      await server.json('GET', '/api/admin/learning/questions?reason=thumbs-down', undefined, {
        cookie: admin,
      })
    ).json().questions;
    expect(
      questions.find((q: { conversationId: string }) => q.conversationId === c.conversationId),
    ).toMatchObject({
      text: '怎么开发票',
      answeredEntryId: 'invoice-request',
      detail: { comment: '没说电子发票在哪下载' },
    });
    expect(await rating('invoice-request')).toMatchObject({
      shown: 1,
      helpful: 0,
      unhelpful: 1,
      helpfulRate: 0,
      voteRate: 1,
    });

    const up = await server.json('POST', feedbackUrl(c, answer.id), { helpful: true }, bearer(c.token));
    expect(up.json().feedback).toMatchObject({ helpful: true, comment: null });
    expect(await rating('invoice-request')).toMatchObject({
      shown: 1,
      helpful: 1,
      unhelpful: 0,
      helpfulRate: 1,
    });
  });

  it('sorts the entries most in need of rewriting first', async () => {
    for (let i = 0; i < 3; i++) {
      const c = await server.startConversation();
      const answer = (await ask(c, '运费多少钱')).replies[0];
      expect(answer.entryId).toBe('shipping-fee');
      await server.json('POST', feedbackUrl(c, answer.id), { helpful: false }, bearer(c.token));
    }
    const { ratings } = (
      await server.json('GET', '/api/admin/learning/entry-ratings', undefined, { cookie: admin })
    ).json();
    expect(ratings[0]).toMatchObject({ entryId: 'shipping-fee', unhelpful: 3, helpfulRate: 0 });
    expect(ratings[0].needsRewrite).toBeGreaterThan(0);
    expect(ratings.at(-1).needsRewrite).toBe(0);
  });

  it("accepts votes only on the bot's answers of the caller's own conversation", async () => {
    const c = await server.startConversation();
    const other = await server.startConversation();
    const sent = await ask(c, '运费多少钱');
    const answerId = sent.replies[0].id;
    const greeting = (await server.history(c)).json().messages[0];
    expect(
      (await server.json('POST', feedbackUrl(c, greeting.id), { helpful: true }, bearer(c.token))).statusCode,
    ).toBe(400);
    expect(
      (await server.json('POST', feedbackUrl(c, sent.message.id), { helpful: true }, bearer(c.token)))
        .statusCode,
    ).toBe(400);
    expect(
      (await server.json('POST', feedbackUrl(other, answerId), { helpful: true }, bearer(other.token)))
        .statusCode,
    ).toBe(404);
    expect(
      (await server.json('POST', feedbackUrl(c, answerId), { helpful: true }, bearer(other.token)))
        .statusCode,
    ).toBe(403);
    expect((await server.json('POST', feedbackUrl(c, answerId), { helpful: true })).statusCode).toBe(401);
    expect(
      (await server.json('POST', feedbackUrl(c, answerId), { helpful: 'yes' }, bearer(c.token))).statusCode,
    ).toBe(400);
  });
});

describe('save to KB', () => {
  async function agentReply(text: string) {
    const agent = await server.login('agent');
    const c = await server.startConversation();
    await ask(c, '转人工');
    expect(
      (
        await server.json('POST', `/api/agent/conversations/${c.conversationId}/accept`, undefined, {
          cookie: agent,
        })
      ).statusCode,
    ).toBe(200);
    const reply = await server.json(
      'POST',
      `/api/agent/conversations/${c.conversationId}/messages`,
      { text, clientMessageId: `a-${Math.random()}` },
      { cookie: agent },
    );
    return { agent, c, replyId: reply.json().message.id as string };
  }

  it('proposes an agent reply as a new entry; the admin accepts it into the KB draft, once', async () => {
    const { agent, c, replyId } = await agentReply('以旧换新在商品页点“以旧换新”，估价后直接抵扣货款。');
    const saved = await server.json(
      'POST',
      `/api/agent/conversations/${c.conversationId}/save-to-kb`,
      { messageId: replyId, question: '以旧换新怎么参加', mode: 'new-entry' },
      { cookie: agent },
    );
    expect(saved.statusCode).toBe(201);
    const proposal = saved.json().proposal;
    expect(proposal).toMatchObject({
      kind: 'new-entry',
      status: 'pending',
      question: '以旧换新怎么参加',
      title: '以旧换新怎么参加',
      proposedBy: 'agent',
      answer: '以旧换新在商品页点“以旧换新”，估价后直接抵扣货款。',
    });

    const pending = (
      await server.json('GET', '/api/admin/learning/proposals?status=pending', undefined, { cookie: admin })
    ).json().proposals;
    expect(pending.map((p: { id: string }) => p.id)).toContain(proposal.id);
    expect(
      (await server.json('GET', '/api/admin/learning/proposals', undefined, { cookie: agent })).statusCode,
    ).toBe(403);

    const accepted = await server.json(
      'POST',
      `/api/admin/learning/proposals/${proposal.id}/accept`,
      { title: '以旧换新活动', category: '活动' },
      { cookie: admin },
    );
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().proposal).toMatchObject({ status: 'accepted', decidedBy: 'admin' });
    expect(accepted.json().entry).toMatchObject({
      title: '以旧换新活动',
      questions: ['以旧换新怎么参加'],
      category: '活动',
    });
    const kb = (await server.json('GET', '/api/admin/kb', undefined, { cookie: admin })).json();
    expect(kb.entries.some((e: { id: string }) => e.id === accepted.json().entry.id)).toBe(true);
    expect(
      (
        await server.json(
          'POST',
          `/api/admin/learning/proposals/${proposal.id}/accept`,
          {},
          { cookie: admin },
        )
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await server.json(
          'POST',
          `/api/admin/learning/proposals/${proposal.id}/reject`,
          {},
          { cookie: admin },
        )
      ).statusCode,
    ).toBe(409);
  });

  it('proposes a phrasing of an existing entry, and lets the admin reject a proposal', async () => {
    const { agent, c, replyId } = await agentReply('退款审核通过后 1–3 个工作日原路退回。');
    const url = `/api/agent/conversations/${c.conversationId}/save-to-kb`;
    const phrasing = await server.json(
      'POST',
      url,
      { messageId: replyId, question: '退的钱几天能回到卡上', mode: 'phrasing', entryId: 'refund-arrival' },
      { cookie: agent },
    );
    expect(phrasing.statusCode).toBe(201);
    const accepted = await server.json(
      'POST',
      `/api/admin/learning/proposals/${phrasing.json().proposal.id}/accept`,
      undefined,
      { cookie: admin },
    );
    expect(accepted.json().entry.questions).toContain('退的钱几天能回到卡上');

    const other = await server.json(
      'POST',
      url,
      { messageId: replyId, question: '好的谢谢', mode: 'new-entry' },
      { cookie: agent },
    );
    const rejected = await server.json(
      'POST',
      `/api/admin/learning/proposals/${other.json().proposal.id}/reject`,
      { note: '不是问题' },
      { cookie: admin },
    );
    expect(rejected.json().proposal).toMatchObject({ status: 'rejected', note: '不是问题' });

    // Only an agent's own reply of this conversation can be saved, and a phrasing needs an existing entry.
    const customerMessage = (await ask(c, '还在吗')).message.id;
    expect(
      (
        await server.json(
          'POST',
          url,
          { messageId: customerMessage, question: 'q', mode: 'new-entry' },
          { cookie: agent },
        )
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await server.json(
          'POST',
          url,
          { messageId: replyId, question: 'q', mode: 'phrasing' },
          { cookie: agent },
        )
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await server.json(
          'POST',
          url,
          { messageId: replyId, question: 'q', mode: 'phrasing', entryId: 'nope' },
          { cookie: agent },
        )
      ).statusCode,
    ).toBe(404);
    const elsewhere = await server.startConversation();
    expect(
      (
        await server.json(
          'POST',
          `/api/agent/conversations/${elsewhere.conversationId}/save-to-kb`,
          { messageId: replyId, question: 'q', mode: 'new-entry' },
          { cookie: agent },
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (await server.json('POST', url, { messageId: replyId, question: 'q', mode: 'new-entry' })).statusCode,
    ).toBe(401);
  });
});
