// Outside business hours the customer is not left in an endless queue: they leave a callback request
// (留言工单), and the agent finds it in the console, calls back and marks it done.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { consolePage, eventually, newContext, screenshot, useServerAndBrowser, widget } from './harness.js';

/** A one-hour opening window (UTC) that is at least eight hours away from now. */
function closedNow(): string {
  return new Date().getUTCHours() < 12 ? '20:00-21:00' : '03:00-04:00';
}

describe('callback tickets outside business hours', () => {
  const suite = useServerAndBrowser({
    routing: { ...loadConfig().routing, businessHours: closedNow(), utcOffsetMinutes: 0 },
  });

  it('turns a handoff at night into a ticket the agent sees and closes in 留言工单', async () => {
    const customer = await (await newContext(suite.browser)).newPage();
    await widget.open(customer, suite.server.url);
    await widget.ask(customer, '我的快递三天没动了');
    await widget.humanButton(customer).click();
    await eventually(async () =>
      expect(await widget.banner(customer).getAttribute('data-status')).toBe('queued'),
    );
    await customer.getByRole('button', { name: '留言回电' }).click();
    await customer.getByLabel('您的称呼').fill('王阿姨');
    await customer.getByLabel('电话号码').fill('138 0013 8000');
    await customer.getByRole('button', { name: '提交留言' }).click();
    await customer.getByText(/已收到您的留言（编号/).waitFor();

    // The next morning: the agent signs in and finds the ticket.
    const agent = await consolePage.open(suite.browser, suite.server.url, 'agent');
    const tab = agent.getByRole('tab', { name: /留言工单/ });
    await eventually(async () => expect(await tab.textContent()).toContain('1'));
    await tab.click();
    const ticket = agent.locator('.ticket').first();
    await ticket.waitFor();
    expect(await ticket.getByRole('heading').textContent()).toBe('王阿姨');
    expect(await ticket.locator('.ticket-phone').textContent()).toBe('138 0013 8000');
    expect(await ticket.locator('.ticket-question').textContent()).toBe('我的快递三天没动了');
    await screenshot(agent, 'console-tickets');

    // The conversation behind it is one click away, then back to mark it done with a note.
    await ticket.getByRole('button', { name: '查看会话' }).click();
    await agent.getByRole('tab', { name: /^会话/ }).waitFor();
    await consolePage.transcript(agent).getByText('我的快递三天没动了').waitFor();
    await tab.click();
    await agent.locator('.ticket').first().getByLabel('处理备注（可选）').fill('已回电，快递已催促');
    await agent.locator('.ticket').first().getByRole('button', { name: '标记已处理' }).click();
    await agent.getByText('没有待处理的留言').waitFor();
    await eventually(async () => expect(await tab.textContent()).toBe('留言工单'));
    await agent.getByRole('button', { name: '已处理' }).click();
    const done = agent.locator('.ticket[data-status="done"]').first();
    await done.waitFor();
    expect(await done.locator('.ticket-done').textContent()).toContain('备注：已回电，快递已催促');
  }, 150_000);
});
