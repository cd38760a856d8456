// The insights dashboard with data, in real Chromium: ten days of conversations made through the real API
// under a fake clock (answers, clarifications, handoffs taken by an agent and rated, abandoned queues, care
// mode, two channels), then every chart renders, the channel filter changes the figures, each chart's CSV
// downloads, and the page is saved as docs/screenshot-dashboard.png.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPage, demoEntry, repoRoot, staffApi, useServerAndBrowser, type StaffApi } from './harness.js';

const SECOND = 1000;
const DAY = 86_400_000;
const DAYS = 10;
const ANSWERED = ['refund-arrival', 'order-cancel', 'invoice-request', 'order-status'].map(
  (id) => demoEntry(id).questions[0],
);
const UNANSWERED = ['宠物可以带进店吗', '可以带宠物进店吗', '门店停车免费吗', '停车场收费吗'];

describe('admin: insights dashboard', () => {
  let agent: StaffApi;
  let fake: number | null = Date.now() - DAYS * DAY;
  const conversations = { web: 0, app: 0 };
  /** Questions the bot handed off unanswered (captured for the clusters chart), per channel. */
  const unanswered = { web: 0, app: 0 };

  async function customer(path: string, token: string | null, body: unknown): Promise<unknown> {
    const response = await fetch(`${suite.server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  }

  async function conversation(channel: 'web' | 'app', care = false) {
    const { conversationId, token } = (await customer('/api/v1/conversations', null, {
      channel,
      care,
      customer: { externalId: `c-${conversations.web + conversations.app}`, name: '测试客户' },
    })) as { conversationId: string; token: string };
    conversations[channel] += 1;
    let n = 0;
    const say = (text: string) =>
      customer(`/api/v1/conversations/${conversationId}/messages`, token, {
        text,
        clientMessageId: `${conversationId}-${(n += 1)}`,
      });
    const base = `/api/v1/conversations/${conversationId}`;
    return { id: conversationId, token, say, base };
  }

  const advance = (ms: number) => {
    fake = (fake ?? Date.now()) + ms;
  };

  const suite = useServerAndBrowser({ sessionHours: 24 * 30 }, { clock: () => fake ?? Date.now() });

  beforeAll(async () => {
    agent = await staffApi(suite.server.url, 'agent');
    for (let day = 0; day < DAYS; day++) {
      fake = Date.now() - (DAYS - day) * DAY;
      const channel = (i: number) => ((day + i) % 3 === 0 ? 'app' : 'web');
      // Questions the bot answers (more on later days), one it asks back about, and unanswered ones.
      for (let i = 0; i < 3 + (day % 4); i++) {
        const c = await conversation(channel(i), i === 0 && day % 2 === 0);
        await c.say(ANSWERED[(day + i) % ANSWERED.length]);
        advance(40 * SECOND);
      }
      await (await conversation('web')).say('退款');
      if (day >= DAYS - 4) {
        const reply = (await (await conversation(channel(1))).say(UNANSWERED[day % UNANSWERED.length])) as {
          replies: Array<{ decision: string }>;
        };
        if (reply.replies[0]?.decision === 'handoff') unanswered[channel(1)] += 1;
      }
      // A customer asks for a person: taken after a wait that grows, answered, resolved, rated.
      for (let i = 0; i < 1 + (day % 2); i++) {
        const c = await conversation(channel(i), day % 3 === 0);
        await c.say('转人工');
        advance((20 + day * 15 + i * 40) * SECOND);
        await agent.post(`/api/agent/conversations/${c.id}/accept`);
        advance(12 * SECOND);
        await agent.post(`/api/agent/conversations/${c.id}/messages`, {
          text: '您好，我来帮您处理。',
          clientMessageId: `${c.id}-agent`,
        });
        advance(60 * SECOND);
        await agent.post(`/api/agent/conversations/${c.id}/resolve`);
        await customer(`${c.base}/rating`, c.token, { score: 3 + ((day + i) % 3) });
      }
      // Every third day someone gives up waiting.
      if (day % 3 === 1) {
        const c = await conversation('web');
        await c.say('我要人工客服');
        advance(90 * SECOND);
        await customer(`${c.base}/leave-queue`, c.token, {});
      }
    }
    fake = null;
  });

  afterAll(async () => {
    await agent?.dispose();
  });

  it('renders every chart with data, filters by channel and downloads each chart as CSV', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await adminPage.login(page, suite.server.url, '#/insights');
    const tiles = page.getByTestId('kpi-tiles');
    const conversationsTile = tiles.locator('.tile').first().locator('dd');
    await expect
      .poll(() => conversationsTile.textContent(), { timeout: 20_000 })
      .toBe(String(conversations.web + conversations.app));

    // Every card has a chart drawn on a canvas (none is empty), a definition and a CSV download.
    const cards = page.locator('section[data-metric]');
    expect(await cards.count()).toBe(12);
    await expect.poll(() => page.locator('section[data-metric] .chart canvas').count()).toBe(12);
    for (const metric of ['volume', 'kb-entries', 'handoffs', 'queue-wait', 'csat', 'care', 'clusters']) {
      const card = page.locator(`section[data-metric="${metric}"]`);
      expect(Number(await card.locator('.chart').getAttribute('data-chart-ready'))).toBeGreaterThan(0);
      expect((await card.locator('.insight-def').textContent())?.length).toBeGreaterThan(10);
    }
    expect(await page.locator('section[data-metric="queue-wait"] dd').first().textContent()).toMatch(/s|min/);
    expect(await page.locator('section[data-metric="csat"] dd').first().textContent()).toMatch(
      /^\d\.\d+$|^\d$/,
    );

    // CSV of a chart, with the same filters as the chart.
    const href = await page
      .locator('section[data-metric="volume"]')
      .getByRole('link', { name: '下载 CSV：咨询量趋势' })
      .getAttribute('href');
    expect(href).toContain('format=csv');
    const csv = await page.evaluate(async (url) => (await fetch(url ?? '')).text(), href);
    expect(csv.split(/\r?\n/)[0]).toBe(
      'day,conversations,messages,customerMessages,botMessages,agentMessages,systemMessages',
    );
    expect(csv.split(/\r?\n/).filter(Boolean).length).toBeGreaterThanOrEqual(DAYS + 1);

    // The date range: the last 12 days (the seeded ten and today), then the whole page as the screenshot.
    const day = (ms: number) => new Date(ms).toLocaleDateString('sv-SE');
    await page.getByLabel('开始日期').fill(day(Date.now() - 11 * DAY));
    await page.getByRole('button', { name: '应用' }).click();
    await expect
      .poll(() => page.locator('section[data-metric="volume"] .chart').getAttribute('data-chart-ready'))
      .toBe('12');
    const height = await page.locator('main.admin-page').evaluate((main) => main.scrollHeight);
    await page.setViewportSize({ width: 1440, height: height + 100 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(repoRoot, 'docs/screenshot-dashboard.png') });
    await page.setViewportSize({ width: 1440, height: 900 });

    // The unanswered-clusters chart counts the questions asked in the range, in every channel so far.
    const openQuestions = page.locator('section[data-metric="clusters"] .insight-figures dd').first();
    expect(unanswered.web).toBeGreaterThan(0);
    await expect.poll(() => openQuestions.textContent()).toBe(String(unanswered.web + unanswered.app));

    // The channel filter: only the app's conversations.
    await page.getByLabel('渠道').selectOption('app');
    await page.getByRole('button', { name: '应用' }).click();
    await expect.poll(() => conversationsTile.textContent()).toBe(String(conversations.app));
    expect(
      await page
        .locator('section[data-metric="volume"]')
        .getByRole('link', { name: /CSV/ })
        .getAttribute('href'),
    ).toContain('channel=app');

    // The clusters chart follows the filters too: the app's questions only, and none in days before any
    // was asked.
    await expect.poll(() => openQuestions.textContent()).toBe(String(unanswered.app));
    await page.getByLabel('开始日期').fill(day(Date.now() - DAYS * DAY));
    await page.getByLabel('结束日期').fill(day(Date.now() - (DAYS - 4) * DAY));
    await page.getByRole('button', { name: '应用' }).click();
    await expect.poll(() => openQuestions.textContent()).toBe('0');
    await page.close();
  });
});
