// Customer → human agent, live, across two browser contexts: queue position, accept, both-way messages.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  consolePage,
  eventually,
  newContext,
  repoRoot,
  screenshot,
  useServerAndBrowser,
  widget,
} from './harness.js';

describe('handoff to a human agent', () => {
  const suite = useServerAndBrowser();

  it('queues the customer, lets an agent accept, and carries messages both ways live', async () => {
    const customer = await (await newContext(suite.browser)).newPage();
    const other = await (await newContext(suite.browser)).newPage();
    const agent = await (await newContext(suite.browser)).newPage();

    // The agent is signed in but away (no automatic assignment), so the chats wait for a manual accept.
    await consolePage.login(agent, suite.server.url, 'agent');
    await agent.getByLabel('接待状态').selectOption('away');

    // The customer asks something first, then presses the always-visible 人工客服 button.
    await widget.open(customer, suite.server.url);
    await widget.ask(customer, '退款多久能到账');
    await widget.humanButton(customer).click();
    await eventually(async () => {
      expect(await widget.banner(customer).getAttribute('data-status')).toBe('queued');
      expect(await widget.banner(customer).textContent()).toContain('正在为您转接人工客服，您前面还有 0 人');
    });
    // A second customer queues behind the first and sees one person ahead.
    await widget.open(other, suite.server.url);
    await widget.humanButton(other).click();
    await eventually(async () =>
      expect(await widget.banner(other).textContent()).toContain('您前面还有 1 人'),
    );

    // The console shows both waiting, live, in order, with the reason in Chinese.
    await eventually(async () => expect(await consolePage.queueItems(agent).count()).toBe(2));
    const first = consolePage.queueItems(agent).first();
    expect(await first.textContent()).toContain('客户点击“人工客服”');
    await first.click();
    const transcript = consolePage.transcript(agent);
    await eventually(async () => expect(await transcript.textContent()).toContain('退款多久能到账'));
    // The bot's decision on the customer's question is shown (subtly) under its reply.
    const decision = transcript.locator('[data-sender="bot"] .tr-decision').first();
    expect(await decision.textContent()).toMatch(/^决策：(直接回答|追问澄清|转人工)/);

    await agent.getByRole('button', { name: '接入' }).click();
    await eventually(async () =>
      expect(await agent.locator('[data-testid="conversation-status"]').textContent()).toBe('服务中'),
    );
    await eventually(async () => expect(await consolePage.queueItems(agent).count()).toBe(1));
    // The customer learns who is serving them; the one behind moves up.
    await eventually(async () => {
      expect(await widget.banner(customer).getAttribute('data-status')).toBe('assigned');
      expect(await widget.banner(customer).textContent()).toContain('客服 客服小悦 为您服务');
    });
    await eventually(async () =>
      expect(await widget.banner(other).textContent()).toContain('您前面还有 0 人'),
    );

    // Customer → agent, live.
    await widget.input(customer).fill('你好，我的退款三天了还没到');
    await widget.input(customer).press('Enter');
    await eventually(async () =>
      expect(await transcript.locator('[data-sender="customer"]').last().textContent()).toContain(
        '你好，我的退款三天了还没到',
      ),
    );
    // Agent → customer, live, shown on the left with the agent's name.
    await consolePage.replyBox(agent).fill('您好，我是客服小悦，这就帮您查询退款进度。');
    await consolePage.replyBox(agent).press('Enter');
    const agentMessage = customer.locator('.zw-log li[data-sender="agent"]').last();
    await eventually(async () =>
      expect(await agentMessage.locator('.zw-bubble').textContent()).toBe(
        '您好，我是客服小悦，这就帮您查询退款进度。',
      ),
    );
    expect(await agentMessage.locator('.zw-name').textContent()).toBe('客服小悦');
    await widget.input(customer).fill('好的，谢谢');
    await widget.input(customer).press('Enter');
    await eventually(async () =>
      expect(await transcript.locator('[data-sender="customer"]').last().textContent()).toContain(
        '好的，谢谢',
      ),
    );
    // Each message once on both sides.
    const agentTexts = await transcript.locator('[data-sender="agent"] .tr-bubble').allTextContents();
    expect(agentTexts.filter((t) => t.includes('这就帮您查询退款进度'))).toHaveLength(1);
    const customerTexts = await customer
      .locator('.zw-log li[data-sender="customer"] .zw-bubble')
      .allTextContents();
    expect(customerTexts).toEqual(['退款多久能到账', '你好，我的退款三天了还没到', '好的，谢谢']);

    const widgetShot = await screenshot(customer, 'handoff-widget');
    const consoleShot = await screenshot(agent, 'handoff-console');
    if (process.env.ZHIDA_UPDATE_SCREENSHOTS) {
      mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
      copyFileSync(widgetShot, path.join(repoRoot, 'docs/screenshot-widget.png'));
      copyFileSync(consoleShot, path.join(repoRoot, 'docs/screenshot-console.png'));
    }

    // The agent ends the conversation; the customer is told.
    await agent.getByRole('button', { name: '结束会话' }).click();
    await eventually(async () => {
      expect(await widget.banner(customer).getAttribute('data-status')).toBe('resolved');
      expect(await widget.banner(customer).textContent()).toContain('本次服务已结束');
    });
    await screenshot(agent, 'handoff-console-resolved');
  });
});
