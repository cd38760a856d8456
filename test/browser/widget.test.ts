// The customer widget in real Chromium: right answers, honest handoff, and no message lost or doubled.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoEntry, eventually, newContext, screenshot, useServerAndBrowser, widget } from './harness.js';

describe('customer widget', () => {
  const suite = useServerAndBrowser();

  async function freshPage(): Promise<Page> {
    const context = await newContext(suite.browser);
    return context.newPage();
  }

  it('answers a question the knowledge base covers with that entry’s answer', async () => {
    const page = await freshPage();
    await widget.open(page, suite.server.url);
    const reply = await widget.ask(page, '退款多久能到账');

    expect(await reply.getAttribute('data-decision')).toBe('answer');
    expect(await reply.locator('.zw-bubble').textContent()).toBe(demoEntry('refund-arrival').answer);
    // The customer's own message is on the right, the bot's on the left with its label.
    const customer = page.locator('.zw-log li[data-sender="customer"]').last();
    expect(await customer.locator('.zw-bubble').textContent()).toBe('退款多久能到账');
    expect(await reply.locator('.zw-name').textContent()).toBe('智能助手');
    const [customerBox, replyBox] = await Promise.all([
      customer.locator('.zw-bubble').boundingBox(),
      reply.locator('.zw-bubble').boundingBox(),
    ]);
    expect(customerBox!.x).toBeGreaterThan(replyBox!.x);
    await screenshot(page, 'widget-answer');
    await page.context().close();
  });

  it('offers a human instead of a wrong answer when the question is out of scope', async () => {
    const page = await freshPage();
    await widget.open(page, suite.server.url);
    const reply = await widget.ask(page, '今天北京天气怎么样');

    expect(await reply.getAttribute('data-decision')).toBe('handoff');
    const text = (await reply.locator('.zw-bubble').textContent()) ?? '';
    expect(text).toContain('人工');
    expect(text).not.toContain(demoEntry('refund-arrival').answer);
    // The conversation is now waiting for a person, and the customer is told where they stand.
    await eventually(async () => {
      expect(await widget.banner(page).getAttribute('data-status')).toBe('queued');
      expect(await widget.banner(page).textContent()).toContain('正在为您转接人工客服，您前面还有 0 人');
    });
    await screenshot(page, 'widget-handoff');
    await page.context().close();
  });

  it('asks back with choices for an ambiguous question and answers the chosen one', async () => {
    // Each one-word question fits several entries; a careful bot asks back rather than guessing.
    let page: Page | null = null;
    for (const word of ['退款', '发票', '优惠券']) {
      page = await freshPage();
      await widget.open(page, suite.server.url);
      const reply = await widget.ask(page, word);
      if ((await reply.getAttribute('data-decision')) === 'clarify') break;
      await page.context().close();
      page = null;
    }
    expect(page, 'no one-word question was answered with a clarification').not.toBeNull();
    const reply = widget.bot(page!).last();
    const choices = reply.locator('.zw-choice');
    expect(await choices.count()).toBeGreaterThanOrEqual(3); // 2–3 candidates + 都不是
    expect(await choices.last().textContent()).toBe('都不是');
    await screenshot(page!, 'widget-clarify');
    const title = (await choices.first().textContent()) ?? '';
    const before = await widget.bot(page!).count();
    await choices.first().click();
    await expect.poll(() => widget.bot(page!).count()).toBeGreaterThan(before);
    expect(await page!.locator('.zw-log li[data-sender="customer"] .zw-bubble').last().textContent()).toBe(
      title,
    );
    expect(await widget.bot(page!).last().getAttribute('data-decision')).toBe('answer');
    // The choices of an answered clarification are gone.
    expect(await page!.locator('.zw-choice').count()).toBe(0);
    await page!.context().close();
  });

  it('shows every message exactly once after a reload mid-conversation', async () => {
    const page = await freshPage();
    await widget.open(page, suite.server.url);
    await widget.ask(page, '怎么开发票');
    await widget.ask(page, '运费多少钱');
    const before = await widget.transcript(page);

    // Send one more and reload at once, before (or while) it is delivered: the outbox must finish the job.
    await widget.input(page).fill('发什么快递');
    await widget.input(page).press('Enter');
    await page.reload();
    await page.locator('.zw[data-phase="ready"]').waitFor();
    await eventually(async () => {
      const texts = await page.locator('.zw-log li[data-sender="customer"] .zw-bubble').allTextContents();
      expect(texts.filter((t) => t === '发什么快递')).toHaveLength(1);
      expect(await page.locator('.zw-log li[data-pending]').count()).toBe(0);
      expect(await widget.bot(page).last().getAttribute('data-decision')).not.toBeNull();
    }, 15_000);

    const after = await widget.transcript(page);
    expect(after.slice(0, before.length)).toEqual(before);
    const seqs = after.map((line) => Number(line.split('|')[0]));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1)); // 1..N: in order, none missing, none twice
    const customerTexts = after
      .filter((line) => line.split('|')[1] === 'customer')
      .map((line) => line.split('|')[2]);
    expect(customerTexts).toEqual(['怎么开发票', '运费多少钱', '发什么快递']);

    // The server agrees: it stored the reloaded message once.
    const stored = await page.evaluate(async () => {
      const session = JSON.parse(localStorage.getItem('zhida.widget.session') ?? '{}');
      const res = await fetch(`/api/v1/conversations/${session.conversationId}/messages?after=0`, {
        headers: { authorization: `Bearer ${session.token}` },
      });
      return ((await res.json()) as { messages: Array<{ sender: string; text: string }> }).messages;
    });
    expect(stored.filter((m) => m.sender === 'customer').map((m) => m.text)).toEqual(customerTexts);
    expect(stored).toHaveLength(after.length);
    await page.context().close();
  });

  it('retries a failed send with the same clientMessageId and shows it once', async () => {
    const page = await freshPage();
    await widget.open(page, suite.server.url);
    const sentIds: string[] = [];
    let failNext = true;
    await page.route('**/api/v1/conversations/*/messages', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      sentIds.push((route.request().postDataJSON() as { clientMessageId: string }).clientMessageId);
      if (failNext) {
        failNext = false;
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await widget.input(page).fill('积分怎么用');
    await widget.input(page).press('Enter');
    await page.locator('.zw-log li[data-pending="failed"]').waitFor();
    await eventually(async () => {
      expect(await page.locator('.zw-log li[data-pending]').count()).toBe(0);
      // Delivered at last: the bot has replied to it.
      expect(await widget.bot(page).count()).toBe(2);
    }, 15_000);
    expect(sentIds.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sentIds).size).toBe(1);
    const texts = await page.locator('.zw-log li[data-sender="customer"] .zw-bubble').allTextContents();
    expect(texts).toEqual(['积分怎么用']);
    await page.context().close();
  });
});
