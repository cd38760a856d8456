// WCAG 2.1 AA for the whole widget (not only care mode): axe-core finds nothing on the demo page with the
// widget open — chat, complaint and records screens — nor on the verify page; and it works by keyboard.
import { describe, expect, it } from 'vitest';
import { axeViolations, newContext, useServerAndBrowser, widget } from './harness.js';

describe('widget accessibility', () => {
  const suite = useServerAndBrowser();

  it('has no axe violations on the demo page with the widget open, on every screen', async () => {
    const page = await (await newContext(suite.browser)).newPage();
    await widget.open(page, suite.server.url);
    await widget.ask(page, '退款多久能到账');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '投诉/反馈' }).click();
    await page.getByRole('heading', { name: '投诉与反馈' }).waitFor();
    await page.locator('.zw-escalation').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '下载聊天记录' }).click();
    await page.getByRole('heading', { name: '聊天记录与凭证' }).waitFor();
    await page.locator('.zw-fingerprint').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Queued, with the queue actions shown.
    await page.getByRole('button', { name: '返回对话' }).click();
    await widget.humanButton(page).click();
    await page.getByRole('button', { name: '退出排队' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // English too.
    await page.locator('.zw-footer').getByRole('button', { name: 'EN' }).click();
    await page.getByRole('button', { name: 'Leave the queue' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${suite.server.url}/verify/`);
    await page.getByRole('heading', { name: 'Check a chat record' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('is operable by keyboard, with new messages in a live region', async () => {
    const page = await (await newContext(suite.browser)).newPage();
    await widget.open(page, suite.server.url);
    // A polite live log announces new messages.
    const log = page.getByRole('log', { name: '对话消息' });
    expect(await log.getAttribute('aria-live')).toBe('polite');

    // Type and send with the keyboard only.
    await widget.input(page).focus();
    await page.keyboard.type('运费多少钱');
    await page.keyboard.press('Enter');
    await expect.poll(() => widget.bot(page).count()).toBeGreaterThan(1);
    expect(await log.locator('li[data-sender="customer"]').count()).toBe(1);

    // Tab reaches the care switch, the services and the 人工客服 button; each has a name.
    const names: string[] = [];
    await page.locator('.zw-header .zw-human').focus();
    for (let i = 0; i < 6; i += 1) {
      names.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el?.getAttribute('aria-label') || el?.textContent?.trim() || '';
        }),
      );
      await page.keyboard.press('Tab');
    }
    expect(names).toEqual(
      expect.arrayContaining(['人工客服', '收起', '长辈版', '投诉/反馈', '下载聊天记录']),
    );

    // Enter on a service opens it in place and moves focus to its title; back returns to the chat.
    await page.getByRole('button', { name: '投诉/反馈' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('投诉与反馈');
    await page.getByRole('button', { name: '返回对话' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('zw-input');

    // Escape closes the panel and gives focus back to the launcher (on the next frame, after the render).
    await page.keyboard.press('Escape');
    expect(await page.locator('#zhida-chat').isHidden()).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('打开在线客服');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('zw-input');
    await page.context().close();
  });
});
