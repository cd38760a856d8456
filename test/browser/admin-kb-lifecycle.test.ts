// The KB lifecycle in the admin console, in real Chromium: an entry created and edited as drafts (with a
// rich-answer preview), the diff and a rollback from the version history, publishing, a publish blocked by
// a regression case it would break (then confirmed), and an import refused with its per-row report.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminPage, newContext, screenshot, useServerAndBrowser } from './harness.js';

interface StoredKb {
  version: number;
  publishedVersion: number;
  entries: Array<{ id: string; title: string; answer: string; status: string }>;
}

describe('admin: KB versions, publish and files', () => {
  let page: Page;

  const suite = useServerAndBrowser();

  beforeAll(async () => {
    page = await (await newContext(suite.browser)).newPage();
    await adminPage.login(page, suite.server.url);
  });

  const storedKb = (): Promise<StoredKb> =>
    page.evaluate(async () => (await (await fetch('/api/admin/kb')).json()) as StoredKb);
  const entry = async (id: string) => (await storedKb()).entries.find((e) => e.id === id) ?? null;
  /** A tab of the KB section ("发布" also announces unpublished changes: its name only starts so). */
  const subnav = (name: string) =>
    page.locator('.subnav').getByRole('link', { name: new RegExp(`^${name}`) });

  it('creates and edits an entry as drafts, rolls back from the history, then publishes', async () => {
    const v0 = await adminPage.versions(page);
    expect(v0.draft).toBe(v0.live);

    // Create, with a link and an image in the answer: the preview renders them.
    await page.getByRole('button', { name: '新建条目' }).click();
    await page.getByLabel('条目 ID').fill('mascot-name');
    await page.getByLabel('标题').fill('吉祥物叫什么');
    await page.getByLabel('分类', { exact: true }).last().fill('品牌');
    await page.getByLabel('问法（每行一个）').fill('你们的吉祥物叫什么\n悦购的吉祥物是谁\n吉祥物有名字吗');
    const original =
      '悦购的吉祥物是小狐狸“悦悦”，详见[品牌故事](https://example.com/brand)。\n![悦悦](https://example.com/yueyue.png)';
    await page.getByLabel('答案').fill(original);
    const preview = page.locator('.ae-preview');
    await expect
      .poll(() => preview.getByRole('link', { name: '品牌故事' }).getAttribute('href'))
      .toBe('https://example.com/brand');
    expect(await preview.getByRole('img', { name: '悦悦' }).getAttribute('src')).toBe(
      'https://example.com/yueyue.png',
    );
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(/已保存为草稿，知识库版本 v\d+/).waitFor();
    await expect.poll(() => adminPage.versions(page)).toEqual({ draft: v0.draft + 1, live: v0.live });
    const item = page.locator('.al-item[data-entry-id="mascot-name"]');
    expect(await item.locator('[data-status]').getAttribute('data-status')).toBe('draft');
    expect(await item.locator('[data-status]').textContent()).toBe('草稿');

    // Edit the answer: another draft version.
    await page.getByLabel('答案').fill('吉祥物叫“阿狸”。');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(async () => (await adminPage.versions(page)).draft).toBe(v0.draft + 2);
    expect((await entry('mascot-name'))?.answer).toBe('吉祥物叫“阿狸”。');

    // History: the newest version's changes show the answer edit; roll back to the version that created it.
    await subnav('版本历史').click();
    const latest = page.locator(`tr[data-version="${v0.draft + 2}"]`);
    await latest.waitFor();
    expect(await latest.textContent()).toContain('草稿');
    expect(await page.locator(`tr[data-version="${v0.live}"]`).textContent()).toContain('线上');
    await latest.getByRole('button', { name: `查看变更（v${v0.draft + 2}）` }).click();
    const change = page.locator(
      '[data-testid="kb-diff"] [data-change="changed"][data-entry-id="mascot-name"]',
    );
    await change.waitFor();
    expect(await change.textContent()).toContain('答案');
    expect(await change.locator('.diff-old').textContent()).toContain('悦悦');
    expect(await change.locator('.diff-new').textContent()).toContain('阿狸');

    await page.getByRole('button', { name: `回滚到此版本（v${v0.draft + 1}）` }).click();
    await page.getByText(`回滚到 v${v0.draft + 1}：将生成新版本 v${v0.draft + 3}`).waitFor();
    await page.getByRole('button', { name: '确认回滚' }).click();
    await page.getByText(`已回滚到 v${v0.draft + 1}，生成草稿 v${v0.draft + 3}。`).waitFor();
    // The notice can come before the header has re-read the KB versions: wait for them.
    await expect.poll(() => adminPage.versions(page)).toEqual({ draft: v0.draft + 3, live: v0.live });
    expect((await entry('mascot-name'))?.answer).toBe(original);

    // Publish: what goes live is listed first, then the entry is published.
    await subnav('发布').click();
    await page
      .locator('[data-testid="kb-diff"] [data-change="added"][data-entry-id="mascot-name"]')
      .waitFor();
    await page.getByRole('button', { name: `发布 v${v0.draft + 3}` }).click();
    await page.getByText(`已发布 v${v0.draft + 3}，机器人现在使用新版本回答。`).waitFor();
    await expect.poll(() => adminPage.versions(page)).toEqual({ draft: v0.draft + 3, live: v0.draft + 3 });
    expect((await entry('mascot-name'))?.status).toBe('published');
    await screenshot(page, 'admin-published');
  });

  it('blocks a publish that breaks a regression case, shows the case, and publishes only when confirmed', async () => {
    // A regression case: "你们的吉祥物叫什么" must be answered by mascot-name (it is, live).
    await subnav('回归用例').click();
    await page.getByLabel('客户问题').fill('你们的吉祥物叫什么');
    await page.getByLabel('期望条目').selectOption('mascot-name');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page.getByText('已添加用例').waitFor();
    await page.locator('[data-testid="cases"] tbody tr', { hasText: '你们的吉祥物叫什么' }).waitFor();

    // Delete the entry that answers it (a draft).
    await subnav('条目').click();
    await page.locator('.al-item[data-entry-id="mascot-name"]').click();
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await page.getByRole('button', { name: '确认删除' }).click();
    await page.getByText(/已删除（草稿）/).waitFor();
    const before = await adminPage.versions(page);
    expect(before.draft).toBe(before.live + 1);

    // Publishing is refused: the broken case is shown with what each version does.
    await subnav('发布').click();
    await page.getByRole('button', { name: `发布 v${before.draft}` }).click();
    await page.getByText('发布被拦截：1 个在线上版本通过的回归用例会失败。').waitFor();
    const broken = page.locator('table[data-cases="broken"] tbody tr');
    expect(await broken.count()).toBe(1);
    const row = await broken.first().textContent();
    expect(row).toContain('你们的吉祥物叫什么');
    expect(row).toContain('mascot-name');
    expect(await page.getByTestId('candidate-accuracy').textContent()).toBe('0.0%');
    expect((await storedKb()).publishedVersion).toBe(before.live);
    await screenshot(page, 'admin-publish-blocked');

    // "Publish anyway" goes live.
    await page.getByRole('button', { name: '仍然发布' }).click();
    await page.getByText(`已发布 v${before.draft}，机器人现在使用新版本回答。`).waitFor();
    await expect.poll(() => adminPage.versions(page)).toEqual({ draft: before.draft, live: before.draft });
  });

  it('refuses an import with bad rows, listing every row, and imports nothing', async () => {
    const before = await storedKb();
    await subnav('导入 / 导出').click();
    expect(await page.getByRole('link', { name: '下载 Excel' }).getAttribute('href')).toBe(
      '/api/admin/kb/export?format=xlsx',
    );
    const csv = [
      'question,answer,category',
      '怎么开发票,在订单详情页申请电子发票,发票',
      ',这一行缺问题,发票',
      '这一行没有答案,,售后',
      '支持哪些付款方式,微信、支付宝、银行卡,支付',
    ].join('\n');
    await page.getByLabel('选择文件').setInputFiles({
      name: 'bad-rows.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: '导入为草稿' }).click();
    await page.getByTestId('import-refused').waitFor();
    expect(await page.getByTestId('import-refused').textContent()).toContain('未导入任何内容');
    const rows = page.locator('[data-testid="import-problems"] tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('第 3 行');
    expect(await rows.nth(1).textContent()).toContain('第 4 行');
    // The server's problems in Chinese (their reasons' texts), and in English once switched.
    expect(await page.getByTestId('import-refused').textContent()).toContain('文件中有 2 行有误');
    expect(await rows.nth(0).textContent()).toContain('question（问题）为空');
    expect(await rows.nth(1).textContent()).toContain('answer（答案）为空');
    await screenshot(page, 'admin-import-refused');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => rows.nth(0).textContent()).toContain('question is empty');
    expect(await page.getByTestId('import-refused').textContent()).toContain('the file has 2 bad row(s)');
    await page.getByRole('button', { name: '中文', exact: true }).click();

    const after = await storedKb();
    expect(after.version).toBe(before.version);
    expect(after.entries.map((e) => e.id)).toEqual(before.entries.map((e) => e.id));
  });
});
