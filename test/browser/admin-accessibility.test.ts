// WCAG 2.1 A/AA in the admin console: axe-core finds nothing on the main page (the knowledge base with an
// entry open), nor on the other sections (publish report, learning, a customer's profile, insights).
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminPage, axeViolations, newContext, useServerAndBrowser } from './harness.js';

describe('admin accessibility', () => {
  let page: Page;

  const suite = useServerAndBrowser();

  beforeAll(async () => {
    // An unanswered question, so that the learning section shows a cluster card.
    const started = await fetch(`${suite.server.url}/api/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customer: { externalId: 'a11y-1', name: '无障碍测试' } }),
    });
    const { conversationId, token } = (await started.json()) as { conversationId: string; token: string };
    await fetch(`${suite.server.url}/api/v1/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ text: '宠物可以带进店吗', clientMessageId: 'a11y-1' }),
    });
    page = await (await newContext(suite.browser)).newPage();
    await adminPage.login(page, suite.server.url);
  });

  it('has no axe violations on the admin main page, with an entry open, in Chinese and in English', async () => {
    await page.locator('.al-item').first().click();
    await page.locator('.ae').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'EN' }).first().click();
    await page.getByRole('link', { name: 'Knowledge base' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '中文' }).first().click();
    await page.getByRole('link', { name: '知识库', exact: true }).waitFor();
  });

  it('has no axe violations on the other sections', async () => {
    const sections: Array<[string, string]> = [
      ['#/kb/negatives', 'textarea[name="negatives"]'],
      ['#/kb/versions', '[data-testid="versions"] tbody tr'],
      ['#/kb/cases', '[data-testid="cases"]'],
      ['#/kb/files', 'input[type="file"]'],
      ['#/learning/clusters', '.cluster'],
      ['#/learning/ratings', '.page-head'],
      ['#/customers', '.al-item'],
      ['#/insights', 'section[data-metric] .chart'],
    ];
    for (const [hash, ready] of sections) {
      await page.goto(`${suite.server.url}/admin${hash}`);
      await page.locator(ready).first().waitFor();
      expect({ hash, violations: await axeViolations(page) }).toEqual({ hash, violations: [] });
    }
    // A customer's profile.
    await page.goto(`${suite.server.url}/admin#/customers`);
    await page.locator('.al-item[data-customer-key="ext:a11y-1"]').click();
    const profile = page.getByTestId('customer-profile');
    await profile.getByRole('heading', { name: '无障碍测试' }).waitFor();
    expect(await profile.getByRole('link', { name: '导出数据' }).getAttribute('href')).toBe(
      '/api/admin/customers/ext%3Aa11y-1/export',
    );
    expect(await axeViolations(page)).toEqual([]);
    // The publish page with its regression report.
    await page.goto(`${suite.server.url}/admin#/kb/publish`);
    await page.getByRole('button', { name: '运行回归测试' }).click();
    await page.getByTestId('publish-report').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
