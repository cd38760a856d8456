// Shared helpers of the browser tests: a fresh Zhida server per test file and Debian's Chromium driven
// by playwright-core (each launch gets its own fresh temporary profile).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startServer } from '../../src/server.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const resultsDir = path.join(repoRoot, 'test-results');
export const DEMO_PASSWORD = 'test-pass';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhida-browser-'));
  const server = await startServer({ port: 0, dataDir, demoPassword: DEMO_PASSWORD, logLevel: 'silent' });
  return {
    url: server.url,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    deviceScaleFactor: 1,
  });
}

/** Saves a screenshot under test-results/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The demo knowledge base the server seeds. */
export function demoEntry(id: string): { id: string; title: string; answer: string; questions: string[] } {
  const kb = JSON.parse(readFileSync(path.join(repoRoot, 'src/demo/demo-kb.json'), 'utf8')) as {
    entries: Array<{ id: string; title: string; answer: string; questions: string[] }>;
  };
  const entry = kb.entries.find((e) => e.id === id);
  if (!entry) throw new Error(`demo KB has no entry ${id}`);
  return entry;
}

/** Waits until `check` passes (polling), for assertions on live-updating pages. */
export async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

// --- The customer widget -------------------------------------------------------------------------

export const widget = {
  log: (page: Page): Locator => page.locator('.zw-log'),
  messages: (page: Page): Locator => page.locator('.zw-log li[data-seq]'),
  bot: (page: Page): Locator => page.locator('.zw-log li[data-sender="bot"]'),
  banner: (page: Page): Locator => page.locator('.zw-banner'),
  input: (page: Page): Locator => page.getByLabel('输入您的问题'),
  humanButton: (page: Page): Locator => page.getByRole('button', { name: '人工客服' }),

  /** Opens the demo shop; the widget is open by default and starts (or resumes) its conversation. */
  async open(page: Page, url: string): Promise<void> {
    await page.goto(url);
    await page.locator('.zw[data-phase="ready"]').waitFor({ timeout: 15_000 });
    // The server greets every new conversation: history is loaded when the greeting is there.
    await page.locator('.zw-log li[data-seq="1"]').waitFor();
  },

  /** Sends a message and waits until it is confirmed and the bot has replied to it. */
  async ask(page: Page, text: string): Promise<Locator> {
    const before = await widget.bot(page).count();
    await widget.input(page).fill(text);
    await widget.input(page).press('Enter');
    await expect.poll(() => widget.bot(page).count(), { timeout: 15_000 }).toBeGreaterThan(before);
    await expect.poll(() => page.locator('.zw-log li[data-pending]').count()).toBe(0);
    return widget.bot(page).last();
  },

  /** Every rendered message as `seq|sender|text`, in order. */
  async transcript(page: Page): Promise<string[]> {
    return widget
      .messages(page)
      .evaluateAll((items) =>
        items.map(
          (li) =>
            `${li.getAttribute('data-seq')}|${li.getAttribute('data-sender')}|${li.querySelector('.zw-bubble, p')?.textContent ?? ''}`,
        ),
      );
  },
};

// --- The agent console ---------------------------------------------------------------------------

export const consolePage = {
  async login(page: Page, url: string, username: string): Promise<void> {
    await page.goto(`${url}/console`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('.console-conn--open').waitFor({ timeout: 15_000 });
  },
  queueItems: (page: Page): Locator => page.locator('[data-list="queue"] .cl-item'),
  transcript: (page: Page): Locator => page.locator('.cp-log'),
  replyBox: (page: Page): Locator => page.getByLabel('回复客户'),
};
