// Agents' "save to KB" proposals reviewed in real Chromium: the admin edits one and accepts it into the
// draft, rejects another with a note; each card leaves the queue and the page says what happened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPage, newContext, staffApi, useServerAndBrowser, type StaffApi } from './harness.js';

interface Proposal {
  id: string;
  status: string;
  note?: string | null;
}

describe('admin: save-to-KB proposals', () => {
  let agent: StaffApi;

  const suite = useServerAndBrowser();

  beforeAll(async () => {
    agent = await staffApi(suite.server.url, 'agent');
  });

  afterAll(async () => {
    await agent?.dispose();
  });

  /** A customer asks for a person, the agent answers, and proposes the answer as a new entry. */
  async function propose(question: string, answer: string): Promise<Proposal> {
    const started = await fetch(`${suite.server.url}/api/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const { conversationId, token } = (await started.json()) as { conversationId: string; token: string };
    await fetch(`${suite.server.url}/api/v1/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ text: '转人工', clientMessageId: 'h' }),
    });
    await agent.post(`/api/agent/conversations/${conversationId}/accept`);
    const reply = await agent.post<{ message: { id: string } }>(
      `/api/agent/conversations/${conversationId}/messages`,
      { text: answer, clientMessageId: 'a' },
    );
    const saved = await agent.post<{ proposal: Proposal }>(
      `/api/agent/conversations/${conversationId}/save-to-kb`,
      { messageId: reply.message.id, question, mode: 'new-entry' },
    );
    return saved.proposal;
  }

  it('accepts an edited proposal into the draft and rejects another with a note', async () => {
    const kept = await propose('以旧换新怎么参加', '在商品页点“以旧换新”，估价后直接抵扣货款。');
    const dropped = await propose('能不能帮我写作业', '这个我们帮不了您。');

    const page = await (await newContext(suite.browser)).newPage();
    await adminPage.login(page, suite.server.url, '#/learning/proposals');
    const keptCard = page.locator('article.proposal', { hasText: '以旧换新怎么参加' });
    const droppedCard = page.locator('article.proposal', { hasText: '能不能帮我写作业' });
    await keptCard.waitFor();
    await droppedCard.waitFor();
    const draftBefore = (await adminPage.versions(page)).draft;

    await keptCard.getByLabel('标题').fill('以旧换新活动');
    await keptCard.getByRole('button', { name: '接受' }).click();
    await page.getByRole('status').filter({ hasText: '已接受：“以旧换新活动”' }).waitFor();
    await keptCard.waitFor({ state: 'detached' });
    await expect.poll(async () => (await adminPage.versions(page)).draft).toBe(draftBefore + 1);

    await droppedCard.getByLabel('给客服的说明（拒绝时）').fill('不属于店铺服务范围');
    await droppedCard.getByRole('button', { name: '拒绝' }).click();
    await page.getByRole('status').filter({ hasText: '已拒绝提议。' }).waitFor();
    await droppedCard.waitFor({ state: 'detached' });
    await page.getByText('没有待审核的提议。').waitFor();
    await page.context().close();

    const all = await agent.get<{ proposals: Proposal[] }>('/api/admin/learning/proposals').catch(() => null);
    expect(all).toBeNull(); // agents may propose, not review
    const admin = await staffApi(suite.server.url, 'admin');
    try {
      const { proposals } = await admin.get<{ proposals: Proposal[] }>('/api/admin/learning/proposals');
      expect(proposals.find((p) => p.id === kept.id)?.status).toBe('accepted');
      expect(proposals.find((p) => p.id === dropped.id)).toMatchObject({
        status: 'rejected',
        note: '不属于店铺服务范围',
      });
      const kb = await admin.get<{ entries: Array<{ title: string; questions: string[] }> }>('/api/admin/kb');
      expect(kb.entries.find((e) => e.title === '以旧换新活动')?.questions).toEqual(['以旧换新怎么参加']);
    } finally {
      await admin.dispose();
    }
  });
});
