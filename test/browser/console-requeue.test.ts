// An agent who leaves — by choosing 离线 or by simply disconnecting — hands their chats back to the front
// of the queue, and the customer sees the queue again.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import {
  consolePage,
  eventually,
  newContext,
  screenshot,
  useServerAndBrowser,
  widget,
  widgetSession,
} from './harness.js';

// Longer than the console's 20 s heartbeat, so a connected agent is never taken for gone.
const HEARTBEAT_TIMEOUT_MS = 25_000;

describe('agent leaves, chat goes back to the queue', () => {
  const suite = useServerAndBrowser({
    routing: { ...loadConfig().routing, heartbeatTimeoutMs: HEARTBEAT_TIMEOUT_MS },
  });

  async function servedCustomer(agentName: string): Promise<Page> {
    const customer = await (await newContext(suite.browser)).newPage();
    await widget.open(customer, suite.server.url);
    await widget.ask(customer, '退款多久能到账');
    await widget.humanButton(customer).click();
    await eventually(async () =>
      expect(await widget.banner(customer).textContent()).toContain(`客服 ${agentName} 为您服务`),
    );
    return customer;
  }

  it('re-queues the chat at the front when the agent chooses 离线, and assigns it again on 在线', async () => {
    const agent = await consolePage.open(suite.browser, suite.server.url, 'agent');
    const customer = await servedCustomer('客服小悦');
    const mine = agent.locator('[data-list="mine"] .cl-item');
    await eventually(async () => expect(await mine.count()).toBe(1));

    await agent.getByLabel('接待状态').selectOption('offline');
    await eventually(async () => {
      expect(await widget.banner(customer).getAttribute('data-status')).toBe('queued');
      expect(await widget.banner(customer).textContent()).toContain('您前面还有 0 人');
    });
    await customer.getByText('客服连接中断，已为您优先重新排队，请稍候。').waitFor();
    await eventually(async () => {
      expect(await mine.count()).toBe(0);
      expect(await consolePage.queueItems(agent).count()).toBe(1);
    });
    expect(await consolePage.queueItems(agent).first().textContent()).toContain('第 1 位');

    // Back online: routing hands the waiting chat straight back.
    await agent.getByLabel('接待状态').selectOption('online');
    await eventually(async () => expect(await mine.count()).toBe(1));
    await eventually(async () =>
      expect(await widget.banner(customer).textContent()).toContain('客服 客服小悦 为您服务'),
    );
    await mine.first().click();
    await agent.getByRole('button', { name: '结束会话' }).click();
    await eventually(async () => expect(await mine.count()).toBe(0));
    await agent.getByRole('button', { name: '退出登录' }).click();
    await agent.getByRole('button', { name: '登录' }).waitFor();
    await agent.context().close();
    await customer.context().close();
  }, 150_000);

  it('re-queues the chat when the agent disconnects without signing out', async () => {
    const agent = await consolePage.open(suite.browser, suite.server.url, 'agent2');
    await agent.getByLabel('接待状态').selectOption('online');
    const customer = await servedCustomer('客服小达');
    await eventually(async () => expect(await agent.locator('[data-list="mine"] .cl-item').count()).toBe(1));

    // The console is gone (closed tab): its socket closed, and after the grace period (at most 10 s;
    // for a network that silently drops, the heartbeat timeout) the agent counts as offline.
    await agent.context().close();
    await eventually(async () => {
      expect(await widget.banner(customer).getAttribute('data-status')).toBe('queued');
      expect(await widget.banner(customer).textContent()).toContain('您前面还有 0 人');
    }, HEARTBEAT_TIMEOUT_MS + 40_000);
    await customer.getByText('客服连接中断，已为您优先重新排队，请稍候。').waitFor();
    await screenshot(customer, 'console-requeue-widget');

    // A colleague signs in (online): routing hands them the waiting chat at once.
    const colleague = await consolePage.open(suite.browser, suite.server.url, 'agent');
    await eventually(async () =>
      expect(await widget.banner(customer).textContent()).toContain('客服 客服小悦 为您服务'),
    );
    const { conversationId } = await widgetSession(customer);
    await colleague.locator(`[data-list="mine"] [data-conversation-id="${conversationId}"]`).waitFor();
    await colleague.context().close();
    await customer.context().close();
  }, 150_000);
});
