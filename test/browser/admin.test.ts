// The admin console in real Chromium: sign-in, search and filter, edit, create and delete KB entries
// (each save makes a draft version; publishing is covered by admin-kb-lifecycle.test.ts).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  eventually,
  newContext,
  screenshot,
  staffApi,
  useServerAndBrowser,
} from './harness.js';

describe('admin console', () => {
  const suite = useServerAndBrowser();

  async function login(username: string): Promise<Page> {
    const page = await (await newContext(suite.browser)).newPage();
    await page.goto(`${suite.server.url}/admin`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    return page;
  }

  const version = async (page: Page): Promise<number> =>
    Number(/v(\d+)/.exec((await page.getByTestId('kb-version').textContent()) ?? '')?.[1]);

  const storedEntry = (page: Page, id: string) =>
    page.evaluate(async (entryId) => {
      const kb = (await (await fetch('/api/admin/kb')).json()) as {
        entries: Array<{ id: string; title: string; questions: string[]; answer: string; tags?: string[] }>;
      };
      return kb.entries.find((e) => e.id === entryId) ?? null;
    }, id);

  it('refuses an agent account', async () => {
    const page = await login('agent');
    await page.getByText('需要管理员权限').waitFor();
    expect(await page.locator('.al-item').count()).toBe(0);
    await page.context().close();
  });

  it('edits, creates and deletes entries, each making a new KB version', async () => {
    const page = await login('admin');
    await page.locator('.al-item').first().waitFor();
    const total = await page.locator('.al-item').count();
    expect(total).toBeGreaterThan(10);
    const v0 = await version(page);

    // Search and category filter.
    await page.getByLabel('搜索知识库').fill('退款多久');
    await eventually(async () => expect(await page.locator('.al-item').count()).toBeLessThan(total));
    await page.locator('.al-item[data-entry-id="refund-arrival"]').click();
    await page.getByLabel('搜索知识库').fill('');
    await page.getByLabel('分类', { exact: true }).first().selectOption('发票');
    const invoices = await page.locator('.al-item .badge').allTextContents();
    expect(invoices.length).toBeGreaterThan(0);
    expect(new Set(invoices)).toEqual(new Set(['发票']));
    await page.getByLabel('分类', { exact: true }).first().selectOption('');

    // Edit: add a phrasing and change the answer.
    const answer = page.getByLabel('答案');
    const newAnswer = '退款审核通过后 1–3 个工作日原路退回（测试修改）。';
    await answer.fill(newAnswer);
    const questions = page.getByLabel('问法（每行一个）');
    await questions.fill(`${await questions.inputValue()}\n钱退了没到账怎么回事`);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(/已保存为草稿，知识库版本 v\d+/).waitFor();
    expect(await version(page)).toBe(v0 + 1);
    const edited = await storedEntry(page, 'refund-arrival');
    expect(edited?.answer).toBe(newAnswer);
    expect(edited?.questions).toContain('钱退了没到账怎么回事');
    await screenshot(page, 'admin-edit');

    // Create.
    await page.getByRole('button', { name: '新建条目' }).click();
    await page.getByLabel('条目 ID').fill('mascot-name');
    await page.getByLabel('标题').fill('吉祥物叫什么');
    await page.getByLabel('分类', { exact: true }).last().fill('品牌');
    await page.getByLabel('问法（每行一个）').fill('你们的吉祥物叫什么\n悦购的吉祥物是谁');
    await page.getByLabel('答案').fill('悦购的吉祥物是小狐狸“悦悦”。');
    await page.getByLabel('标签').fill('品牌, 吉祥物');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(/已保存为草稿，知识库版本 v\d+/).waitFor();
    expect(await version(page)).toBe(v0 + 2);
    expect(await page.locator('.al-item').count()).toBe(total + 1);
    const created = await storedEntry(page, 'mascot-name');
    expect(created).toMatchObject({ title: '吉祥物叫什么', tags: ['品牌', '吉祥物'] });

    // Delete asks first; cancelling keeps it, confirming removes it.
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await page.getByRole('button', { name: '取消', exact: true }).click();
    expect(await storedEntry(page, 'mascot-name')).not.toBeNull();
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await page.getByRole('button', { name: '确认删除' }).click();
    await page.getByText(/已删除（草稿），知识库版本 v\d+/).waitFor();
    expect(await version(page)).toBe(v0 + 3);
    expect(await storedEntry(page, 'mascot-name')).toBeNull();
    expect(await page.locator('.al-item').count()).toBe(total);
    await page.context().close();
  });

  it('does not let a save overwrite, unseen, what another admin changed meanwhile', async () => {
    const page = await login('admin');
    await page.locator('.al-item[data-entry-id="invoice-request"]').click();
    const answer = page.getByLabel('答案');
    await answer.fill('管理员甲的答案。');

    // Meanwhile another admin saves the same entry.
    const other = await staffApi(suite.server.url, 'admin');
    const theirs = (await storedEntry(page, 'invoice-request'))!;
    await other.put('/api/admin/kb/entries/invoice-request', {
      title: theirs.title,
      questions: theirs.questions,
      answer: '管理员乙的答案。',
    });
    await other.dispose();

    // The first admin's save is refused and says why; their text stays in the editor.
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('在你打开后已被他人修改，你的修改未保存').waitFor();
    expect(await answer.inputValue()).toBe('管理员甲的答案。');
    expect((await storedEntry(page, 'invoice-request'))?.answer).toBe('管理员乙的答案。');

    // Loading the latest shows the other admin's answer; saving on it then goes through.
    await page.getByRole('button', { name: '载入最新内容（放弃我的修改）' }).click();
    await eventually(async () => expect(await answer.inputValue()).toBe('管理员乙的答案。'));
    await answer.fill('管理员乙的答案，甲补充了一句。');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(/已保存为草稿，知识库版本 v\d+/).waitFor();
    expect((await storedEntry(page, 'invoice-request'))?.answer).toBe('管理员乙的答案，甲补充了一句。');
    await page.context().close();
  });
});
