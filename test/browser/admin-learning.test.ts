// The learning loop end to end in real Chromium: customers ask something the KB does not cover, the
// admin sees the questions as one topic and turns it into an entry (published), and the bot then answers
// that question in the widget.
import { describe, expect, it } from 'vitest';
import { adminPage, newContext, screenshot, useServerAndBrowser, widget } from './harness.js';

const ANSWER = '门店欢迎小型宠物入内，请全程牵绳或放在宠物包里。';

describe('admin: learning loop', () => {
  const suite = useServerAndBrowser();

  async function ask(text: string): Promise<{ decision: string; text: string }> {
    const started = await fetch(`${suite.server.url}/api/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const { conversationId, token } = (await started.json()) as { conversationId: string; token: string };
    const sent = await fetch(`${suite.server.url}/api/v1/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ text, clientMessageId: `m-${text}` }),
    });
    return ((await sent.json()) as { replies: Array<{ decision: string; text: string }> }).replies[0];
  }

  it('turns a cluster of unanswered questions into an entry the bot then answers', async () => {
    // Three customers ask about pets: the bot has no entry for it.
    for (const text of ['宠物可以带进店吗', '可以带宠物进店吗', '宠物能不能带进门店']) {
      expect((await ask(text)).decision).not.toBe('answer');
    }

    const page = await (await newContext(suite.browser)).newPage();
    await adminPage.login(page, suite.server.url, '#/learning');
    const card = page.locator('.cluster', { hasText: '宠物' }).first();
    await card.waitFor();
    expect(await card.locator('.cluster-examples li').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'admin-learning-clusters');

    // Two clicks (and the answer typed in between): new entry, create — published at once.
    await card.getByRole('button', { name: '新建条目' }).click();
    await card.getByLabel('标题').fill('宠物能否进店');
    await card.getByLabel('答案').fill(ANSWER);
    expect(await card.getByLabel('立即发布（先运行回归用例）').isChecked()).toBe(true);
    await card.getByRole('button', { name: '创建条目' }).click();
    await page.getByText(/已创建条目“宠物能否进店”.*已发布/).waitFor({ timeout: 30_000 });
    const versions = await adminPage.versions(page);
    expect(versions.live).toBe(versions.draft);
    await page.context().close();

    // The customer asks again in the widget: the bot answers with the new entry.
    const shop = await (await newContext(suite.browser)).newPage();
    await widget.open(shop, suite.server.url);
    const reply = await widget.ask(shop, '宠物可以带进店吗');
    expect(await reply.textContent()).toContain(ANSWER);
    await screenshot(shop, 'admin-learning-widget-answer');
    await shop.context().close();
  });
});
