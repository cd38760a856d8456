// The agent console at work: a chat served with the engine's
// suggestions and a canned reply, then transferred with a note to a colleague who is alerted (sound and
// desktop notification) and reads the note. Also axe-core on the console with a chat open.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  consolePage,
  demoEntry,
  eventually,
  newContext,
  repoRoot,
  screenshot,
  staffApi,
  useServerAndBrowser,
  widget,
  widgetSession,
} from './harness.js';

/** Records desktop notifications and beeps, and lets the test hide the page (document.hidden). */
async function recordAlerts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as {
      zhidaTest: { notifications: string[]; beeps: number; hidden: boolean };
      Notification: unknown;
    };
    w.zhidaTest = { notifications: [], beeps: 0, hidden: false };
    class FakeNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options?: { body?: string }) {
        w.zhidaTest.notifications.push(`${title}|${options?.body ?? ''}`);
      }
      close(): void {}
    }
    w.Notification = FakeNotification;
    const createOscillator = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      w.zhidaTest.beeps += 1;
      return createOscillator.call(this);
    };
    Object.defineProperty(Document.prototype, 'hidden', { get: () => w.zhidaTest.hidden });
  });
}

const alertsOf = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { zhidaTest: { notifications: string[]; beeps: number } }).zhidaTest,
  );

describe('agent console workflow', () => {
  const suite = useServerAndBrowser();

  beforeAll(async () => {
    const admin = await staffApi(suite.server.url, 'admin');
    await admin.put('/api/agent/canned-replies/thanks', {
      shortcut: 'thanks',
      text: '感谢您的耐心等待，祝您生活愉快！',
    });
    await admin.dispose();
  });

  it('serves a chat with suggestions and a canned reply, then transfers it with a note', async () => {
    // The colleague signs in first and steps away, so routing gives the chat to 客服小悦.
    const colleagueContext = await newContext(suite.browser);
    await recordAlerts(colleagueContext);
    const colleague = await colleagueContext.newPage();
    await consolePage.login(colleague, suite.server.url, 'agent2');
    await colleague.getByLabel('接待状态').selectOption('away');
    const agent = await consolePage.open(suite.browser, suite.server.url, 'agent');
    await agent.getByLabel('接待状态').selectOption('online');

    const customer = await (await newContext(suite.browser)).newPage();
    await widget.open(customer, `${suite.server.url}/?care=1`);
    await widget.humanButton(customer).click();
    await eventually(async () =>
      expect(await widget.banner(customer).textContent()).toContain('客服 客服小悦 为您服务'),
    );
    const { conversationId } = await widgetSession(customer);
    const chat = agent.locator(`[data-list="mine"] [data-conversation-id="${conversationId}"]`);
    await chat.waitFor();
    // Care-mode customers carry the 长辈 flag.
    expect(await chat.locator('.badge--care').textContent()).toBe('长辈');

    // A question while the chat is not open counts as unread.
    await widget.input(customer).fill('退款多久能到账');
    await widget.input(customer).press('Enter');
    await eventually(async () => expect(await chat.locator('.cl-unread').textContent()).toBe('1 条新消息'));
    await chat.click();
    await eventually(async () => expect(await chat.locator('.cl-unread').count()).toBe(0));
    await expect.poll(() => agent.locator('.badge--care').first().textContent()).toBe('长辈');

    // The engine's best answer for that question is one click away.
    const refund = demoEntry('refund-arrival');
    const suggestion = agent.locator(`.suggest-item[data-entry-id="${refund.id}"]`);
    await suggestion.waitFor();
    expect(await agent.locator('.suggest-question').textContent()).toContain('退款多久能到账');
    await suggestion.getByRole('button', { name: /^一键发送：/ }).click();
    await eventually(async () =>
      expect(await customer.locator('.zw-log li[data-sender="agent"] .zw-bubble').last().textContent()).toBe(
        refund.answer,
      ),
    );

    // "/" + shortcut offers the canned reply; Enter puts it in the box, Enter again sends it.
    await consolePage.replyBox(agent).pressSequentially('/tha');
    const option = agent.getByRole('option', { name: /感谢您的耐心等待/ });
    await option.waitFor();
    await consolePage.replyBox(agent).press('Enter');
    expect(await consolePage.replyBox(agent).inputValue()).toBe('感谢您的耐心等待，祝您生活愉快！');
    await consolePage.replyBox(agent).press('Enter');
    await eventually(async () =>
      expect(await customer.locator('.zw-log li[data-sender="agent"] .zw-bubble').last().textContent()).toBe(
        '感谢您的耐心等待，祝您生活愉快！',
      ),
    );

    // An internal note, then the transfer to 客服小达 with a note; the colleague's console is in the background.
    await agent.getByLabel('添加备注').fill('客户是老年人，请耐心说明');
    await agent.getByRole('button', { name: '添加备注' }).click();
    await agent.locator('.note-text', { hasText: '客户是老年人' }).waitFor();
    await colleague.evaluate(() => {
      (window as unknown as { zhidaTest: { hidden: boolean } }).zhidaTest.hidden = true;
    });
    await agent.getByRole('button', { name: '转接' }).click();
    const dialog = agent.getByRole('dialog', { name: '转接会话' });
    const choice = dialog.getByLabel('客服', { exact: true });
    await choice.locator('option', { hasText: '客服小达（' }).waitFor({ state: 'attached' });
    await choice.selectOption({
      value: (await choice.locator('option', { hasText: '客服小达（' }).getAttribute('value')) ?? '',
    });
    await dialog.getByLabel('转接备注').fill('客户已提供订单号 A123，等待退款审核');
    await screenshot(agent, 'console-transfer-dialog');
    await dialog.getByRole('button', { name: '确认转接' }).click();
    await chat.waitFor({ state: 'detached' });

    // The customer is told; the colleague was alerted, has the chat, and reads both notes.
    await eventually(async () =>
      expect(await widget.banner(customer).textContent()).toContain('客服 客服小达 为您服务'),
    );
    const theirs = colleague.locator(`[data-list="mine"] [data-conversation-id="${conversationId}"]`);
    await theirs.waitFor();
    await eventually(async () => {
      const alerts = await alertsOf(colleague);
      expect(alerts.notifications.some((n) => n.startsWith('新会话已分配给您|'))).toBe(true);
      expect(alerts.beeps).toBeGreaterThan(0);
    });
    await colleague.evaluate(() => {
      (window as unknown as { zhidaTest: { hidden: boolean } }).zhidaTest.hidden = false;
    });
    await theirs.click();
    await colleague
      .locator('.note-text', { hasText: '转接备注：客户已提供订单号 A123，等待退款审核' })
      .waitFor();
    await colleague.locator('.note-text', { hasText: '客户是老年人，请耐心说明' }).waitFor();
    expect(await colleague.getByTestId('conversation-status').textContent()).toBe('服务中');
    // The transcript keeps the bot's decision with the matched entry.
    await colleague
      .getByRole('button', { name: /^一键发送：/ })
      .first()
      .waitFor();

    // The colleague's console with the chat open has no WCAG 2.1 A/AA violations.
    expect(await axeViolations(colleague)).toEqual([]);
    await customer.context().close();
    await agent.context().close();
    await colleagueContext.close();
  }, 150_000);

  it('has no axe violations with a chat open that shows the bot’s decisions, and in every view', async () => {
    const agent = await consolePage.open(suite.browser, suite.server.url, 'agent');
    await agent.getByLabel('接待状态').selectOption('away');
    const customer = await (await newContext(suite.browser)).newPage();
    await widget.open(customer, `${suite.server.url}/?care=1`);
    await widget.ask(customer, '运费多少钱');
    await widget.ask(customer, '今天北京天气怎么样');
    const { conversationId } = await widgetSession(customer);
    await agent.locator(`[data-list="queue"] [data-conversation-id="${conversationId}"]`).click();
    await agent.getByRole('button', { name: '接入', exact: true }).click();
    await eventually(async () =>
      expect(await agent.getByTestId('conversation-status').textContent()).toBe('服务中'),
    );
    await consolePage.transcript(agent).locator('.tr-decision[data-decision="handoff"]').waitFor();
    const decisions = await consolePage.transcript(agent).locator('.tr-decision').allTextContents();
    expect(decisions[0]).toContain('决策：直接回答');
    expect(decisions[0]).toMatch(/匹配：.+置信度：\d+%/);
    expect(decisions.at(-1)).toContain('转人工原因');
    // The demo KB's must-not-answer example that sent the weather question to a person is named.
    expect(decisions.at(-1)).toMatch(/接近“不应回答”示例「今天台北天氣怎麼樣」（相似度 \d+%）/);
    await consolePage.replyBox(agent).fill('您好，天气我这边查不到哦，还有什么可以帮您？');
    await consolePage.replyBox(agent).press('Enter');
    await widget.input(customer).fill('退款多久能到账');
    await widget.input(customer).press('Enter');
    await agent.locator(`.suggest-item[data-entry-id="refund-arrival"]`).waitFor();
    await agent.getByLabel('添加备注').fill('客户同时咨询了天气和退款');
    await agent.getByRole('button', { name: '添加备注' }).click();
    await agent.locator('.note-text').first().waitFor();
    await consolePage.replyBox(agent).pressSequentially('/');
    await agent.getByRole('listbox', { name: '快捷回复' }).waitFor();

    expect(await axeViolations(agent)).toEqual([]);
    await consolePage.replyBox(agent).fill('');
    await agent.locator('.cp-side').evaluate((el) => el.scrollTo(0, 0));
    const shot = await screenshot(agent, 'console-main');
    if (process.env.ZHIDA_UPDATE_SCREENSHOTS) {
      mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
      copyFileSync(shot, path.join(repoRoot, 'docs/screenshot-console.png'));
    }
    await agent.getByRole('button', { name: '转接' }).click();
    expect(await axeViolations(agent)).toEqual([]);
    await agent.keyboard.press('Escape');
    await agent.getByRole('tab', { name: /留言工单/ }).click();
    expect(await axeViolations(agent)).toEqual([]);
    await agent.getByRole('tab', { name: /投诉工单/ }).click();
    await agent.getByRole('heading', { name: 'SLA 超时清单' }).waitFor();
    expect(await axeViolations(agent)).toEqual([]);
    // English is one click away.
    await agent.getByRole('button', { name: 'EN' }).click();
    await agent.getByRole('tab', { name: /Complaints/ }).waitFor();
    await agent.getByRole('button', { name: '中文' }).click();
    await agent.context().close();
    await customer.context().close();
  }, 150_000);
});
