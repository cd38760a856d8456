// Care mode (长辈版) in real Chromium, after MIIT's elderly-friendly rules: text ≥ 24 px (largest ≥ 40 px),
// line height ≥ 1.3, contrast checked by axe, every target ≥ 60×60 px, the 人工客服 button always on
// screen, a read-aloud button per bot/agent message; remembered, and sent to the server as care: true.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  newContext,
  repoRoot,
  screenshot,
  staffApi,
  useServerAndBrowser,
  widget,
  widgetSession,
} from './harness.js';

describe('care mode (长辈版)', () => {
  const suite = useServerAndBrowser();

  async function openCare(page: Page, query = '?care=1'): Promise<void> {
    await page.goto(`${suite.server.url}/${query}`);
    await page.locator('.zw[data-phase="ready"][data-care="on"]').waitFor({ timeout: 15_000 });
    await page.locator('.zw-log li[data-seq="1"]').waitFor();
  }

  it('meets the size, target, contrast and read-aloud rules, with 人工客服 always on screen', async () => {
    const page = await (await newContext(suite.browser)).newPage();
    const created: unknown[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().endsWith('/api/v1/conversations'))
        created.push(req.postDataJSON());
    });
    await openCare(page);
    expect(created).toEqual([expect.objectContaining({ care: true })]);
    await widget.ask(page, '退款多久能到账');

    // Text sizes and line height.
    const sizes = await page.evaluate(() => {
      const px = (el: Element | null) => (el ? Number.parseFloat(getComputedStyle(el).fontSize) : 0);
      const line = (el: Element | null) => {
        if (!el) return 0;
        const style = getComputedStyle(el);
        return Number.parseFloat(style.lineHeight) / Number.parseFloat(style.fontSize);
      };
      const texts = [...document.querySelectorAll('.zw-panel *')].filter(
        (el) =>
          [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()) &&
          (el as HTMLElement).offsetParent !== null &&
          !el.closest('.visually-hidden'),
      );
      return {
        bubble: px(document.querySelector('.zw-log li[data-sender="bot"] .zw-bubble')),
        bubbleLine: line(document.querySelector('.zw-log li[data-sender="bot"] .zw-bubble')),
        title: px(document.querySelector('#zw-title')),
        smallest: Math.min(...texts.map(px)),
        smallestText: texts.sort((a, b) => px(a) - px(b))[0]?.textContent,
        largest: Math.max(...texts.map(px)),
        minLine: Math.min(...texts.map(line)),
      };
    });
    expect(sizes.bubble).toBeGreaterThanOrEqual(24);
    expect(sizes.bubbleLine).toBeGreaterThanOrEqual(1.3);
    expect(sizes.title).toBeGreaterThanOrEqual(40);
    expect(sizes.largest).toBeGreaterThanOrEqual(40);
    expect(sizes.smallest, `smallest text: ${sizes.smallestText}`).toBeGreaterThanOrEqual(24);
    expect(sizes.minLine).toBeGreaterThanOrEqual(1.3);

    // Every control (the launcher included) is at least 60×60 px.
    const controls = page.locator(
      '.zw button:visible, .zw input:visible, .zw select:visible, .zw textarea:visible, .zw a:visible, .zw label.zw-star:visible',
    );
    const boxes = await controls.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return {
          what: el.textContent?.trim() || el.getAttribute('aria-label') || el.tagName,
          w: r.width,
          h: r.height,
        };
      }),
    );
    expect(boxes.length).toBeGreaterThan(8);
    for (const box of boxes) {
      expect(box.w, `${box.what} width`).toBeGreaterThanOrEqual(60);
      expect(box.h, `${box.what} height`).toBeGreaterThanOrEqual(60);
    }

    // The one-click 人工客服 button: large and inside the viewport.
    const human = widget.humanButton(page);
    expect(await human.isVisible()).toBe(true);
    const humanBox = (await human.boundingBox())!;
    expect(humanBox.height).toBeGreaterThanOrEqual(60);
    expect(humanBox.y + humanBox.height).toBeLessThanOrEqual(800);
    expect(
      Number.parseFloat(await human.evaluate((el) => getComputedStyle(el).fontSize)),
    ).toBeGreaterThanOrEqual(24);

    // Read-aloud: a ▶ 朗读 button on every bot message (none on the customer's own).
    const botCount = await widget.bot(page).count();
    expect(await page.locator('.zw-log li[data-sender="bot"] .zw-read').count()).toBe(botCount);
    expect(await page.locator('.zw-log li[data-sender="customer"] .zw-read').count()).toBe(0);
    // Headless Chromium has no voices: record what would be spoken instead.
    await page.evaluate(() => {
      const spoken: Array<{ text: string; lang: string }> = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) =>
        void spoken.push({ text: u.text, lang: u.lang });
    });
    const lastBot = widget.bot(page).last();
    const read = lastBot.getByRole('button', { name: '朗读智能助手的消息' });
    expect(await read.textContent()).toContain('▶ 朗读');
    await read.click();
    const spoken = await page.evaluate(() => (window as unknown as { spoken: unknown[] }).spoken);
    expect(spoken).toEqual([{ text: await lastBot.locator('.zw-bubble').textContent(), lang: 'zh-CN' }]);
    const stop = lastBot.getByRole('button', { name: '停止朗读' });
    expect(await stop.getAttribute('aria-pressed')).toBe('true');
    await stop.click();
    await read.waitFor();

    // Contrast (and every other WCAG 2.1 AA rule axe checks).
    expect(await axeViolations(page)).toEqual([]);

    // No pop-ups: the complaint screen opens in place, the 人工客服 button stays on screen.
    await page.getByRole('button', { name: '投诉/反馈' }).click();
    await page.getByRole('heading', { name: '投诉与反馈' }).waitFor();
    expect(await human.isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '返回对话' }).click();

    // The agent sees the care flag on the conversation.
    const agent = await staffApi(suite.server.url, 'agent');
    const { conversationId } = await widgetSession(page);
    const detail = await agent.get<{ conversation: { care: boolean } }>(
      `/api/agent/conversations/${conversationId}`,
    );
    expect(detail.conversation.care).toBe(true);
    await agent.dispose();

    const shot = await screenshot(page, 'care-mode');
    mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
    copyFileSync(shot, path.join(repoRoot, 'docs/screenshot-care.png'));
    await page.context().close();
  });

  it('is switched on the first screen and remembered without the URL parameter', async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await widget.open(page, suite.server.url);
    const toggle = page.getByRole('switch', { name: '长辈版' });
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    expect(await page.locator('.zw').getAttribute('data-care')).toBe('off');
    // Keyboard-operable.
    await toggle.focus();
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await page.reload();
    await page.locator('.zw[data-phase="ready"][data-care="on"]').waitFor();
    expect(await page.getByRole('switch', { name: '长辈版' }).getAttribute('aria-checked')).toBe('true');
    // ?care=0 turns it off again.
    await page.goto(`${suite.server.url}/?care=0`);
    await page.locator('.zw[data-phase="ready"][data-care="off"]').waitFor();
    await context.close();
  });

  it('hides the read-aloud button where the browser has no speech synthesis', async () => {
    const context = await newContext(suite.browser);
    await context.addInitScript(() => {
      delete (window as { speechSynthesis?: unknown }).speechSynthesis;
    });
    const page = await context.newPage();
    await openCare(page);
    expect(await page.evaluate(() => 'speechSynthesis' in window)).toBe(false);
    expect(await widget.bot(page).count()).toBeGreaterThan(0);
    expect(await page.locator('.zw-read').count()).toBe(0);
    await context.close();
  });
});
