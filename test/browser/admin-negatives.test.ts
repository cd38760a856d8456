// The admin keeps the "must not answer" examples in real Chromium: the demo's list is shown, an added
// line saves as a draft version, the version history and diff show the change, and once published the
// bot leaves that message to a person.
import { expect, it } from 'vitest';
import { adminPage, askBot, newContext, staffApi, useServerAndBrowser } from './harness.js';

const suite = useServerAndBrowser();

/** A new customer's first message: the bot's decision. */
const ask = async (text: string) => (await askBot(suite.server.url, text)).decision;

it('edits the must-not-answer examples as a draft, shows the change in history, publishes it', async () => {
  const admin = await staffApi(suite.server.url, 'admin');
  try {
    const before = await admin.get<{ negatives: string[]; version: number }>('/api/admin/kb');
    expect(before.negatives.length).toBeGreaterThan(10);

    expect(await ask('狗狗币还会涨吗？')).toBe('answer');

    const page = await (await newContext(suite.browser)).newPage();
    await adminPage.login(page, suite.server.url, '#/kb/negatives');
    const box = page.getByLabel('示例（每行一个）');
    await expect.poll(() => box.inputValue()).toBe(before.negatives.join('\n'));
    await page.getByText(`${before.negatives.length} 条`).waitFor();

    // A new line, a repeat and a blank line: the repeat and the blank are dropped on save.
    await box.fill(`${before.negatives.join('\n')}\n\n  狗狗币还会涨吗  \n${before.negatives[0]}`);
    await page.getByRole('button', { name: '保存' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `知识库版本 v${before.version + 1}` })
      .waitFor();
    await expect.poll(() => box.inputValue()).toBe([...before.negatives, '狗狗币还会涨吗'].join('\n'));
    await expect.poll(async () => (await adminPage.versions(page)).draft).toBe(before.version + 1);

    // Saving the same list again makes no version.
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '没有变化，未生成新版本。' }).waitFor();

    await page.getByRole('link', { name: '版本历史' }).click();
    await page
      .locator(`tr[data-version="${before.version + 1}"]`)
      .getByText('不应回答 +1 −0')
      .waitFor();

    const stored = await admin.get<{ negatives: string[]; version: number; publishedVersion: number }>(
      '/api/admin/kb',
    );
    expect(stored.negatives).toEqual([...before.negatives, '狗狗币还会涨吗']);
    expect(stored.publishedVersion).toBe(before.version);
    const diff = await admin.get<{ negatives: { added: string[]; removed: string[] } }>(
      `/api/admin/kb/diff?from=${before.version}&to=${before.version + 1}`,
    );
    expect(diff.negatives).toEqual({ added: ['狗狗币还会涨吗'], removed: [] });

    const published = await admin.post<{ published: boolean; liveVersion: number }>(
      '/api/admin/kb/publish',
      {},
    );
    expect(published).toMatchObject({ published: true, liveVersion: before.version + 1 });
    // The live bot now leaves that message to a person (it took it for a restock question before).
    expect(await ask('狗狗币还会涨吗？')).toBe('handoff');
    await page.context().close();
  } finally {
    await admin.dispose();
  }
});

it('keeps the admin’s text when another admin saved the list meanwhile; saving again replaces theirs', async () => {
  const other = await staffApi(suite.server.url, 'admin');
  try {
    const page = await (await newContext(suite.browser)).newPage();
    await adminPage.login(page, suite.server.url, '#/kb/negatives');
    const box = page.getByLabel('示例（每行一个）');
    const start = (await other.get<{ negatives: string[] }>('/api/admin/kb')).negatives;
    await expect.poll(() => box.inputValue()).toBe(start.join('\n'));
    await box.fill([...start, '甲加的：帮我订张机票'].join('\n'));

    await other.put('/api/admin/kb/negatives', { negatives: [...start, '乙加的：今天限号吗'] });
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('alert').filter({ hasText: '在你打开后已被他人修改，你的修改未保存' }).waitFor();
    expect(await box.inputValue()).toBe([...start, '甲加的：帮我订张机票'].join('\n'));
    expect((await other.get<{ negatives: string[] }>('/api/admin/kb')).negatives).toContain(
      '乙加的：今天限号吗',
    );

    // Warned, the admin saves again: now their list replaces the other one.
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '已保存为草稿' }).waitFor();
    const stored = (await other.get<{ negatives: string[] }>('/api/admin/kb')).negatives;
    expect(stored).toContain('甲加的：帮我订张机票');
    expect(stored).not.toContain('乙加的：今天限号吗');

    // Refused once more, the admin takes the other list instead of their own.
    await other.put('/api/admin/kb/negatives', { negatives: [...stored, '乙又加的：查话费'] });
    await box.fill([...stored, '甲又加的：查快递单号归属地'].join('\n'));
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('button', { name: '载入最新内容（放弃我的修改）' }).click();
    await expect.poll(() => box.inputValue()).toBe([...stored, '乙又加的：查话费'].join('\n'));
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    await page.context().close();
  } finally {
    await other.dispose();
  }
});
