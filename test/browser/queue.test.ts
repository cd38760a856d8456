// The widget side of the queue: position and estimated wait updated live, leaving the queue, and — when
// nobody can answer — an honest offer of a call back that ends the wait with a ticket.
import { describe, expect, it } from 'vitest';
import {
  eventually,
  newContext,
  screenshot,
  staffApi,
  useServerAndBrowser,
  widget,
  widgetSession,
} from './harness.js';

describe('queue in the widget', () => {
  const suite = useServerAndBrowser();

  it('offers a call back when no agent is online, and files the ticket', async () => {
    const page = await (await newContext(suite.browser)).newPage();
    await widget.open(page, suite.server.url);
    await widget.ask(page, '我的快递三天没动了');
    await widget.humanButton(page).click();
    await eventually(async () => {
      expect(await widget.banner(page).getAttribute('data-status')).toBe('queued');
      expect(await page.locator('.zw-queue').textContent()).toContain('现在暂无客服在线 — 留言，我们回电');
    });
    await page.getByRole('button', { name: '留言回电' }).click();
    await page.getByLabel('您的称呼').fill('王阿姨');
    await page.getByLabel('电话号码').fill('abc');
    expect(await page.getByLabel('电话号码').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('电话号码').fill('138 0013 8000');
    // The question is prefilled with the customer's last message.
    expect(await page.getByLabel('想咨询的问题').inputValue()).toBe('我的快递三天没动了');
    await screenshot(page, 'queue-callback-form');
    await page.getByRole('button', { name: '提交留言' }).click();
    await page.getByText(/已收到您的留言（编号 .+），客服会尽快给您回电。/).waitFor();
    // The wait has ended: no longer queued, and the bot confirms in the chat.
    await eventually(async () =>
      expect(await widget.banner(page).getAttribute('data-status')).not.toBe('queued'),
    );
    await eventually(async () =>
      expect(await widget.bot(page).last().locator('.zw-bubble').textContent()).toContain('138 0013 8000'),
    );

    // Agents see the ticket.
    const agent = await staffApi(suite.server.url, 'agent');
    const { conversationId } = await widgetSession(page);
    const { tickets } = await agent.get<{
      tickets: Array<{ conversationId: string; phone: string; name: string }>;
    }>('/api/agent/tickets');
    expect(tickets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ conversationId, phone: '138 0013 8000', name: '王阿姨' }),
      ]),
    );
    await agent.dispose();
    await page.context().close();
  });

  it('shows position and estimated wait live, and lets the customer leave the queue', async () => {
    const admin = await staffApi(suite.server.url, 'admin');
    const agent = await staffApi(suite.server.url, 'agent');
    const { agents } = await agent.get<{ agents: Array<{ id: string; displayName: string }> }>(
      '/api/agent/agents',
    );
    const xiaoyue = agents.find((a) => a.displayName === '客服小悦')!;
    await admin.put(`/api/admin/agents/${xiaoyue.id}`, { capacity: 1 });
    await agent.post('/api/agent/presence', { presence: 'online' });

    // The first customer takes the agent's only slot.
    const first = await (await newContext(suite.browser)).newPage();
    await widget.open(first, suite.server.url);
    await widget.humanButton(first).click();
    await eventually(async () =>
      expect(await widget.banner(first).getAttribute('data-status')).toBe('assigned'),
    );

    // The second waits, first in line, with an estimate from the handle time.
    const second = await (await newContext(suite.browser)).newPage();
    await widget.open(second, suite.server.url);
    await widget.humanButton(second).click();
    await eventually(async () => {
      const text = (await widget.banner(second).textContent()) ?? '';
      expect(text).toContain('您前面还有 0 人');
      expect(text).toMatch(/预计等待约 \d+ 分钟/);
    });
    expect(await second.locator('.zw-queue').textContent()).not.toContain('留言，我们回电');

    // A third queues behind; when the second leaves, the third moves up — live.
    const third = await (await newContext(suite.browser)).newPage();
    await widget.open(third, suite.server.url);
    await widget.humanButton(third).click();
    await eventually(async () =>
      expect(await widget.banner(third).textContent()).toContain('您前面还有 1 人'),
    );
    await screenshot(third, 'queue-position');
    await second.getByRole('button', { name: '退出排队' }).click();
    await eventually(async () => expect(await widget.banner(second).getAttribute('data-status')).toBe('bot'));
    await eventually(async () =>
      expect(await widget.bot(second).last().locator('.zw-bubble').textContent()).toContain('您已退出排队'),
    );
    await eventually(async () =>
      expect(await widget.banner(third).textContent()).toContain('您前面还有 0 人'),
    );

    // The agent finishes with the first: the third is served at once.
    const { conversationId } = await widgetSession(first);
    await agent.post(`/api/agent/conversations/${conversationId}/resolve`);
    await eventually(async () =>
      expect(await widget.banner(third).getAttribute('data-status')).toBe('assigned'),
    );
    await agent.post('/api/agent/presence', { presence: 'offline' });
    await agent.dispose();
    await admin.dispose();
    for (const page of [first, second, third]) await page.context().close();
  });
});
