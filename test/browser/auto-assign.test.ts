// With an agent online, a customer asking for a person is assigned automatically; signing out hands the
// chat back to the front of the queue.
import { describe, expect, it } from 'vitest';
import { consolePage, eventually, newContext, screenshot, useServerAndBrowser, widget } from './harness.js';

describe('automatic assignment', () => {
  const suite = useServerAndBrowser();

  it('gives the chat to the online agent at once and shows typing both ways', async () => {
    const agent = await consolePage.open(suite.browser, suite.server.url, 'agent');
    const customer = await (await newContext(suite.browser)).newPage();
    expect(await agent.getByLabel('接待状态').inputValue()).toBe('online');

    await widget.open(customer, suite.server.url);
    await widget.humanButton(customer).click();
    await eventually(async () =>
      expect(await widget.banner(customer).textContent()).toContain('客服 客服小悦 为您服务'),
    );
    const mine = agent.locator('[data-list="mine"] .cl-item');
    await eventually(async () => expect(await mine.count()).toBe(1));
    expect(await consolePage.queueItems(agent).count()).toBe(0);
    await mine.first().click();

    // The customer types: the agent sees it; the agent types: the customer sees it.
    await widget.input(customer).pressSequentially('请问');
    await agent.getByText('客户正在输入…').waitFor();
    await consolePage.replyBox(agent).pressSequentially('您好');
    await customer.getByText('客服小悦 正在输入…').waitFor();
    await consolePage.replyBox(agent).press('Enter');
    await eventually(async () =>
      expect(await customer.locator('.zw-log li[data-sender="agent"] .zw-bubble').last().textContent()).toBe(
        '您好',
      ),
    );
    // A message ends the typing hint.
    expect(await customer.getByText('客服小悦 正在输入…').count()).toBe(0);
    await screenshot(customer, 'auto-assign-widget');

    // Signing out is going offline: the customer goes back to the front of the queue.
    await agent.getByRole('button', { name: '退出登录' }).click();
    await agent.getByRole('button', { name: '登录' }).waitFor();
    await eventually(async () => {
      expect(await widget.banner(customer).getAttribute('data-status')).toBe('queued');
      expect(await widget.banner(customer).textContent()).toContain('您前面还有 0 人');
    });
  });
});
