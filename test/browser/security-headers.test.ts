// The pages under their Content-Security-Policy in real Chromium: the widget and the staff consoles work
// with no violation reported, and a page (even of the same site) that frames a console gets nothing.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { adminPage, consolePage, newContext, useServerAndBrowser, widget } from './harness.js';

const suite = useServerAndBrowser();

/** Console messages of the page that report a Content-Security-Policy violation. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

it('runs the widget with no Content-Security-Policy violation: a chat, care mode, a handoff', async () => {
  const page = await (await newContext(suite.browser)).newPage();
  const violations = cspViolations(page);
  await widget.open(page, suite.server.url);
  await widget.ask(page, '退款多久到账');
  await page.getByRole('switch', { name: '长辈版' }).click();
  await widget.humanButton(page).click();
  await widget.banner(page).waitFor();
  expect(violations).toEqual([]);
  await page.context().close();
});

it('runs the admin and agent consoles with no Content-Security-Policy violation', async () => {
  const admin = await (await newContext(suite.browser)).newPage();
  const adminViolations = cspViolations(admin);
  await adminPage.login(admin, suite.server.url);
  await admin.locator('.al-item').first().click();
  for (const [hash, ready] of [
    ['#/kb/versions', '[data-testid="versions"] tbody tr'],
    ['#/insights', 'section[data-metric] .chart'],
    ['#/learning/clusters', '.page-head'],
  ]) {
    await admin.goto(`${suite.server.url}/admin${hash}`);
    await admin.locator(ready).first().waitFor();
  }
  expect(adminViolations).toEqual([]);
  await admin.context().close();

  const agent = await (await newContext(suite.browser)).newPage();
  const agentViolations = cspViolations(agent);
  // The console connects its WebSocket (connect-src) and shows the live connection.
  await consolePage.login(agent, suite.server.url, 'agent');
  expect(agentViolations).toEqual([]);
  await agent.context().close();
});

it('refuses to show the admin console inside a frame', async () => {
  const page = await (await newContext(suite.browser)).newPage();
  const violations = cspViolations(page);
  await page.goto(`${suite.server.url}/`);
  await page.evaluate(async () => {
    const frame = document.createElement('iframe');
    frame.src = '/admin';
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  });
  // Blocked by frame-ancestors: the frame holds no admin page.
  const framed = page.frames().find((f) => f !== page.mainFrame());
  expect(await framed?.locator('#root').count()).toBe(0);
  expect(violations.join('\n')).toContain('frame-ancestors');
  await page.context().close();
});
