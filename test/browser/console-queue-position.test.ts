// The queue as customers and agents see it while nobody is free: positions in the widget and in the
// console, updated live when the agent takes the customer ahead.
import { describe, expect, it } from 'vitest';
import { consolePage, eventually, newContext, screenshot, useServerAndBrowser, widget } from './harness.js';

describe('queue positions while agents are away', () => {
  const suite = useServerAndBrowser();

  it('shows queue positions that update live in the widget and the console while agents are away', async () => {
    const agent = await consolePage.open(suite.browser, suite.server.url, 'agent');
    await agent.getByLabel('接待状态').selectOption('away');

    const first = await (await newContext(suite.browser)).newPage();
    const second = await (await newContext(suite.browser)).newPage();
    await widget.open(first, suite.server.url);
    await widget.humanButton(first).click();
    await eventually(async () =>
      expect(await widget.banner(first).textContent()).toContain('您前面还有 0 人'),
    );
    await widget.open(second, suite.server.url);
    await widget.humanButton(second).click();
    await eventually(async () =>
      expect(await widget.banner(second).textContent()).toContain('您前面还有 1 人'),
    );

    const queue = consolePage.queueItems(agent);
    await eventually(async () => {
      expect(await queue.count()).toBe(2);
      expect(await queue.locator('.cl-position').allTextContents()).toEqual(['第 1 位', '第 2 位']);
    });
    await screenshot(second, 'console-queue-widget-second');

    // The agent takes the first customer: the second moves up, in the widget and in the console.
    await queue.first().click();
    await agent.getByRole('button', { name: '接入', exact: true }).click();
    await eventually(async () =>
      expect(await agent.getByTestId('conversation-status').textContent()).toBe('服务中'),
    );
    await eventually(async () => {
      expect(await queue.count()).toBe(1);
      expect(await queue.locator('.cl-position').allTextContents()).toEqual(['第 1 位']);
    });
    await eventually(async () =>
      expect(await widget.banner(second).textContent()).toContain('您前面还有 0 人'),
    );
    // Clean up for the next test: serve the second too, then end both chats.
    await queue.first().click();
    await agent.getByRole('button', { name: '接入', exact: true }).click();
    const mine = agent.locator('[data-list="mine"] .cl-item');
    await eventually(async () => expect(await mine.count()).toBe(2));
    for (let i = 0; i < 2; i++) {
      await mine.first().click();
      await agent.getByRole('button', { name: '结束会话' }).click();
      await eventually(async () => expect(await mine.count()).toBe(1 - i));
    }
    await agent.context().close();
    await first.context().close();
    await second.context().close();
  }, 150_000);
});
