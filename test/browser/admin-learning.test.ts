// The learning loop end to end in real Chromium: customers ask something the KB does not cover, the
// admin sees the questions as one topic and turns it into an entry (published), and the bot then answers
// that question in the widget.
import { describe, expect, it } from 'vitest';
import { adminPage, askBot, newContext, screenshot, useServerAndBrowser, widget } from './harness.js';

const ANSWER = '门店欢迎小型宠物入内，请全程牵绳或放在宠物包里。';

describe('admin: learning loop', () => {
  const suite = useServerAndBrowser();

  const ask = (text: string) => askBot(suite.server.url, text);

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

  it("adds a cluster that is not the shop's business to the must-not-answer examples", async () => {
    const stocks = ['明天股市会不会大涨', '明天股市会不会大跌'];
    for (const text of stocks) expect((await ask(text)).decision).toBe('handoff');

    const page = await (await newContext(suite.browser)).newPage();
    await adminPage.login(page, suite.server.url, '#/learning');
    const card = page.locator('.cluster', { hasText: '股市' }).first();
    await card.waitFor();
    const { draft } = await adminPage.versions(page);
    await card.getByRole('button', { name: '不属于服务范围' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `个问题加为“不应回答”的示例（草稿 v${draft + 1}）` })
      .waitFor();
    await card.waitFor({ state: 'detached' });

    await page.getByRole('link', { name: '知识库' }).click();
    await page.getByRole('link', { name: '不应回答' }).click();
    const examples = (await page.getByLabel('示例（每行一个）').inputValue()).split('\n');
    expect(examples).toEqual(expect.arrayContaining(stocks));
    await page.context().close();
  });
});
