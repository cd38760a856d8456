// After the chat: the customer rates the service, files a complaint and follows it, downloads the signed
// transcript, and the verify page tells an intact copy from a tampered one.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  eventually,
  newContext,
  resultsDir,
  screenshot,
  staffApi,
  useServerAndBrowser,
  widget,
  widgetSession,
} from './harness.js';

describe('after-care in the widget', () => {
  const suite = useServerAndBrowser();

  /** A customer served by an agent (accepted over the agent API); returns the agent API too. */
  async function servedCustomer(page: Page) {
    await widget.open(page, suite.server.url);
    await widget.ask(page, '退款多久能到账');
    await widget.humanButton(page).click();
    await eventually(async () =>
      expect(await widget.banner(page).getAttribute('data-status')).toBe('queued'),
    );
    const agent = await staffApi(suite.server.url, 'agent');
    const { conversationId } = await widgetSession(page);
    await agent.post(`/api/agent/conversations/${conversationId}/accept`);
    await agent.post(`/api/agent/conversations/${conversationId}/messages`, {
      text: '您好，退款已经原路退回，请注意查收。',
      clientMessageId: `agent-${conversationId}`,
    });
    await eventually(async () =>
      expect(await widget.banner(page).getAttribute('data-status')).toBe('assigned'),
    );
    return { agent, conversationId };
  }

  it('lets the customer rate a resolved conversation, and again later through its link', async () => {
    const page = await (await newContext(suite.browser)).newPage();
    const { agent, conversationId } = await servedCustomer(page);
    expect(await page.getByRole('group', { name: /请为本次服务打分/ }).count()).toBe(0);

    await agent.post(`/api/agent/conversations/${conversationId}/resolve`);
    const stars = page.getByRole('group', { name: /请为本次服务打分/ });
    await stars.waitFor();
    await stars.getByRole('radio', { name: /4 分/ }).check();
    await page.getByLabel('还想说点什么（可不填）').fill('回复很快，谢谢');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('感谢您的评价：4 分（满意）').waitFor();
    await screenshot(page, 'csat-rated');
    const { ratings } = await agent.get<{
      ratings: Array<{ conversationId: string; score: number; comment: string }>;
    }>('/api/agent/ratings');
    expect(ratings).toEqual([
      expect.objectContaining({ conversationId, score: 4, comment: '回复很快，谢谢' }),
    ]);

    // The conversation's own link, opened on another device, shows the rating and lets it be changed.
    await page.getByRole('button', { name: '下载聊天记录' }).click();
    const link = await page.getByRole('textbox', { name: '本次对话链接' }).inputValue();
    expect(link).toContain(conversationId);
    const later = await (await newContext(suite.browser)).newPage();
    await later.goto(link);
    await later.locator('.zw[data-phase="ready"]').waitFor();
    expect(new URL(later.url()).hash).toBe('');
    await later.getByText('感谢您的评价：4 分（满意）').waitFor();
    await later.getByRole('button', { name: '修改评价' }).click();
    await later.getByRole('radio', { name: /5 分/ }).check();
    await later.getByRole('button', { name: '提交评价' }).click();
    await later.getByText('感谢您的评价：5 分（非常满意）').waitFor();
    const rated = await agent.get<{ ratings: Array<{ score: number }> }>('/api/agent/ratings');
    expect(rated.ratings.map((r) => r.score)).toEqual([5]);
    await agent.dispose();
    await page.context().close();
    await later.context().close();
  });

  it('files a complaint, shows its status and history as an agent works on it, and the escalation routes', async () => {
    const page = await (await newContext(suite.browser)).newPage();
    const { agent, conversationId } = await servedCustomer(page);
    await agent.post(`/api/agent/conversations/${conversationId}/resolve`);

    await page.getByRole('button', { name: '投诉/反馈' }).click();
    await page.getByText('您还没有投诉记录。').waitFor();
    await page.getByLabel('问题类型').selectOption({ label: '退款与售后' });
    await page.getByLabel('具体情况').fill('退款说三天到账，现在一周了还没到，希望尽快处理。');
    await page.getByRole('button', { name: '提交投诉' }).click();
    await page.getByText(/投诉已提交，编号 .+。/).waitFor();
    const item = page.locator('.zw-complaint');
    await eventually(async () => expect(await item.count()).toBe(1));
    expect(await item.getByTestId('complaint-status').textContent()).toBe('已提交，等待处理');
    expect(await item.textContent()).toContain('退款说三天到账');
    expect(await item.textContent()).toMatch(/我们承诺在 .+ 前首次答复/);
    expect(await item.locator('.zw-history li').first().textContent()).toContain('您 提交了投诉');

    // Escalation routes, plainly, in order, with the evidence to keep.
    const steps = await page.locator('.zw-steps > li h4').allTextContents();
    expect(steps).toEqual([
      '1. 与商家协商',
      '2. 请消费者协会调解',
      '3. 向市场监管部门投诉（12315）',
      '4. 申请仲裁',
      '5. 向人民法院起诉',
    ]);
    expect(await page.locator('.zw-escalation').textContent()).toContain('请保留这些证据');
    expect(await page.locator('.zw-evidence li').count()).toBeGreaterThan(3);
    await screenshot(page, 'complaint-filed');

    // An agent starts work on it: the customer sees the new status and the history entry.
    const complaintId = (await item.getAttribute('data-complaint-id'))!;
    await agent.post(`/api/agent/complaints/${complaintId}/transition`, { event: 'start' });
    await page.getByRole('button', { name: '刷新进度' }).click();
    await eventually(async () =>
      expect(await item.getByTestId('complaint-status').textContent()).toBe('处理中'),
    );
    expect(await item.locator('.zw-history').textContent()).toContain('客服小悦 状态改为“处理中”');

    // The customer adds information; it shows in the history.
    await item.getByLabel('补充说明').fill('订单号 20240501-8899');
    await item.getByRole('button', { name: '发送补充说明' }).click();
    await eventually(async () =>
      expect(await item.locator('.zw-history').textContent()).toContain('订单号 20240501-8899'),
    );

    // Without a click, the status follows too (the screen refreshes while it is open).
    await agent.post(`/api/agent/complaints/${complaintId}/transition`, { event: 'resolve' });
    await eventually(
      async () => expect(await item.getByTestId('complaint-status').textContent()).toBe('已解决'),
      15_000,
    );
    await screenshot(page, 'complaint-progress');
    await agent.dispose();
    await page.context().close();
  });

  it('downloads the signed transcript, and the verify page tells intact from tampered', async () => {
    const page = await (await newContext(suite.browser)).newPage();
    await widget.open(page, suite.server.url);
    await widget.ask(page, '怎么开发票');
    await widget.ask(page, '运费多少钱');
    await page.getByRole('button', { name: '下载聊天记录' }).click();
    await page.getByRole('heading', { name: '聊天记录与凭证' }).waitFor();
    const fingerprint = (await page.locator('.zw-fingerprint code').textContent())!;
    expect(fingerprint.length).toBeGreaterThan(10);

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 JSON（签名版）' }).click(),
    ]);
    const jsonFile = path.join(resultsDir, 'transcript.json');
    await json.saveAs(jsonFile);
    const doc = JSON.parse(readFileSync(jsonFile, 'utf8')) as { messages: Array<{ text: string }> };
    expect(doc.messages.map((m) => m.text)).toEqual(expect.arrayContaining(['怎么开发票', '运费多少钱']));

    const [html] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 HTML（可打印）' }).click(),
    ]);
    const htmlFile = path.join(resultsDir, 'transcript.html');
    await html.saveAs(htmlFile);
    expect(readFileSync(htmlFile, 'utf8')).toContain('怎么开发票');

    // A copy with one message changed.
    const tampered = structuredClone(doc);
    const index = tampered.messages.findIndex((m) => m.text === '运费多少钱');
    tampered.messages[index].text = '运费全免';
    const tamperedFile = path.join(resultsDir, 'transcript-tampered.json');
    writeFileSync(tamperedFile, JSON.stringify(tampered, null, 2));

    const verify = await (await newContext(suite.browser)).newPage();
    await verify.goto(`${suite.server.url}/verify/`);
    await verify.getByRole('heading', { name: '聊天记录检验' }).waitFor();
    await verify.getByLabel('选择聊天记录文件（JSON）').setInputFiles(jsonFile);
    const result = verify.locator('.vf-result');
    await eventually(async () => expect(await result.getAttribute('data-result')).toBe('intact'));
    expect(await result.textContent()).toContain('记录完整：签名有效，没有发现任何改动。');
    const [fileFp, publishedFp] = await Promise.all([
      verify.getByTestId('fingerprint-file').textContent(),
      verify.getByTestId('fingerprint-published').textContent(),
    ]);
    expect(fileFp).toBe(publishedFp);
    expect(fileFp).toBe(fingerprint);
    expect(await result.textContent()).toContain('一致：这份记录由本站签发。');
    await screenshot(verify, 'verify-intact');

    await verify.getByLabel('选择聊天记录文件（JSON）').setInputFiles(tamperedFile);
    await eventually(async () => expect(await result.getAttribute('data-result')).toBe('broken'));
    expect(await result.textContent()).toMatch(/记录不完整：发现 \d+ 处问题/);
    expect(await result.locator('.vf-problems li').count()).toBeGreaterThan(0);
    await screenshot(verify, 'verify-tampered');

    // Not JSON at all.
    await verify.getByLabel('选择聊天记录文件（JSON）').setInputFiles(htmlFile);
    await eventually(async () => expect(await result.getAttribute('data-result')).toBe('error'));
    await page.context().close();
    await verify.context().close();
  });
});
