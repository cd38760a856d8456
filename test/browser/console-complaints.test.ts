// A complaint ticket opened by an agent, with its SLA clocks under a fake server clock: at risk (red),
// then breached — in the list, the breach list and the tab badge — then worked on and commented.
import { describe, expect, it } from 'vitest';
import { consolePage, eventually, newContext, screenshot, useServerAndBrowser, widget } from './harness.js';

const MINUTE = 60_000;

describe('complaint tickets with SLA clocks', () => {
  let offset = 0;

  const suite = useServerAndBrowser({}, { clock: () => Date.now() + offset });

  it('shows an urgent complaint at risk, then breached, and lets the agent act on it', async () => {
    const agent = await consolePage.open(suite.browser, suite.server.url, 'agent');
    await agent.getByLabel('接待状态').selectOption('away');
    const customer = await (await newContext(suite.browser)).newPage();
    await widget.open(customer, suite.server.url);
    await widget.ask(customer, '你们客服态度太差了，我要投诉');
    await eventually(async () => expect(await consolePage.queueItems(agent).count()).toBe(1));
    await consolePage.queueItems(agent).first().click();
    await agent.getByRole('button', { name: '接入', exact: true }).click();

    // The agent opens an urgent complaint for this chat (first response due in 30 minutes).
    await agent.getByRole('button', { name: '登记投诉' }).click();
    const dialog = agent.getByRole('dialog', { name: '登记投诉工单' });
    await dialog.getByLabel('投诉类型').selectOption('服务态度');
    await dialog.getByLabel('优先级').selectOption('urgent');
    await dialog.getByLabel('问题描述').fill('客户反映上次客服态度差，要求道歉并给出处理方案');
    await dialog.getByRole('button', { name: '创建工单' }).click();
    await agent.getByText(/已登记投诉工单 #/).waitFor();

    const tab = agent.getByRole('tab', { name: /投诉工单/ });
    await tab.click();
    const item = agent.locator('.complaint-item').first();
    await item.waitFor();
    expect(await item.textContent()).toContain('服务态度');
    expect(await item.locator('[data-clock="firstResponse"]').getAttribute('data-state')).toBe('running');
    expect(await item.locator('[data-clock="firstResponse"]').textContent()).toMatch(/剩余 (29|30) 分钟/);

    // 25 minutes later (server clock): at risk, in red.
    offset += 25 * MINUTE;
    await agent.getByRole('button', { name: '刷新' }).click();
    await eventually(async () =>
      expect(await item.locator('[data-clock="firstResponse"]').getAttribute('data-state')).toBe('at_risk'),
    );
    expect(await item.locator('[data-clock="firstResponse"]').textContent()).toContain('即将超时');
    const atRiskColor = await item
      .locator('[data-clock="firstResponse"] .sla-value')
      .evaluate((el) => getComputedStyle(el).color);
    expect(atRiskColor).toBe('rgb(200, 30, 30)');

    // 31 minutes in: breached — in the list, the breach list and the tab badge.
    offset += 6 * MINUTE;
    await agent.getByRole('button', { name: '刷新' }).click();
    await eventually(async () =>
      expect(await item.locator('[data-clock="firstResponse"]').getAttribute('data-state')).toBe('breached'),
    );
    expect(await item.locator('[data-clock="firstResponse"]').textContent()).toMatch(/已超时 \d+ 分钟/);
    const breaches = agent.locator('.breaches');
    await eventually(async () => expect(await breaches.locator('li').count()).toBe(1));
    expect(await breaches.textContent()).toMatch(/首次响应已超时 \d+ 分钟/);
    await eventually(async () => expect(await tab.textContent()).toContain('1'));
    const background = await item
      .locator('[data-clock="firstResponse"]')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(200, 30, 30)');

    // The detail: start work (stops the first-response clock, late), reply to the customer, add a note.
    await breaches.getByRole('button').first().click();
    const detail = agent.locator('.complaint');
    await detail.waitFor();
    expect(await detail.locator('[data-clock="firstResponse"]').getAttribute('data-state')).toBe('breached');
    await screenshot(agent, 'console-complaint-breached');
    await detail.getByRole('button', { name: '指派给我' }).click();
    await eventually(async () => expect(await detail.textContent()).toContain('负责人：客服小悦'));
    await detail.getByRole('button', { name: '开始处理' }).click();
    await eventually(async () =>
      expect(await detail.getByTestId('complaint-status').textContent()).toBe('处理中'),
    );
    expect(await detail.locator('[data-clock="firstResponse"]').textContent()).toMatch(
      /完成时已超时 \d+ 分钟/,
    );
    await detail
      .getByLabel('回复客户或写内部备注')
      .fill('非常抱歉给您带来不好的体验，我们会在今天内给出处理方案。');
    await detail.getByRole('button', { name: '回复客户' }).click();
    await detail.locator('.history-text', { hasText: '非常抱歉' }).waitFor();
    await detail.getByLabel('回复客户或写内部备注').fill('已联系当班主管');
    await detail.getByLabel('内部备注（客户不可见）').check();
    await detail.getByRole('button', { name: '添加内部备注' }).click();
    await detail.locator('.history-item.is-internal', { hasText: '已联系当班主管' }).waitFor();
    await detail.getByRole('button', { name: '标记已解决' }).click();
    await eventually(async () =>
      expect(await detail.getByTestId('complaint-status').textContent()).toBe('已解决'),
    );
    // Once it is no longer open, the breach list is empty again.
    await eventually(async () => expect(await breaches.locator('li').count()).toBe(0));
    await agent.context().close();
    await customer.context().close();
  }, 150_000);
});
