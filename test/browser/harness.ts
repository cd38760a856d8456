// Shared helpers of the browser tests: a fresh Zhida server per test file and Debian's Chromium driven
// by playwright-core (each launch gets its own fresh temporary profile).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  request,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Config } from '../../src/config.js';
import { startServer } from '../../src/server.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const resultsDir = path.join(repoRoot, 'test-results');
export const DEMO_PASSWORD = 'test-pass';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** A fresh server; `overrides` replace config keys (a `routing` override replaces the whole section, so
 * spread `loadConfig().routing` into it), `adapters.clock` is a fake clock for SLA tests. */
export async function startTestServer(
  overrides: Partial<Config> = {},
  adapters: { clock?: () => number } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhida-browser-'));
  const server = await startServer(
    { port: 0, dataDir, demoPassword: DEMO_PASSWORD, logLevel: 'silent', ...overrides },
    adapters,
  );
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

/** One server and one Chromium shared by the tests of a `describe` block: started before them and closed
 * after them (browser first), the set-up and teardown every browser test file needs. Call it in the
 * `describe` body; read `server` and `browser` only inside hooks and tests (they exist from `beforeAll` on).
 * A file's own `beforeAll` registered after this call runs after it, its own `afterAll` before it. */
export function useServerAndBrowser(
  ...args: Parameters<typeof startTestServer>
): Readonly<{ server: TestServer; browser: Browser }> {
  const suite = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    suite.server = await startTestServer(...args);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
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
  // Exact: bot replies also carry a “转人工客服” button.
  humanButton: (page: Page): Locator => page.getByRole('button', { name: '人工客服', exact: true }),

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
  /** A new page in its own browser context, signed in to the console as `username`: an agent at work. */
  async open(browser: Browser, url: string, username: string): Promise<Page> {
    const page = await (await newContext(browser)).newPage();
    await consolePage.login(page, url, username);
    return page;
  },
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

// --- Staff over HTTP (cookie session), for tests that need an agent or admin without a console page ---

export interface StaffApi {
  post<T = unknown>(path: string, body?: unknown): Promise<T>;
  get<T = unknown>(path: string): Promise<T>;
  put<T = unknown>(path: string, body?: unknown): Promise<T>;
  dispose(): Promise<void>;
}

export async function staffApi(url: string, username: string): Promise<StaffApi> {
  const context: APIRequestContext = await request.newContext({ baseURL: url });
  const login = await context.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  if (!login.ok()) throw new Error(`login ${username}: HTTP ${login.status()}`);
  const check = async <T>(
    response: Awaited<ReturnType<APIRequestContext['get']>>,
    what: string,
  ): Promise<T> => {
    if (!response.ok()) throw new Error(`${what}: HTTP ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    post: async (path, body = {}) => check(await context.post(path, { data: body }), `POST ${path}`),
    put: async (path, body = {}) => check(await context.put(path, { data: body }), `PUT ${path}`),
    get: async (path) => check(await context.get(path), `GET ${path}`),
    dispose: () => context.dispose(),
  };
}

/** The widget's conversation id and token, as it stored them. */
/** A new customer's first message over the customer API (no browser): the bot's reply. */
export async function askBot(url: string, text: string): Promise<{ decision?: string; text: string }> {
  const started = await fetch(`${url}/api/v1/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const { conversationId, token } = (await started.json()) as { conversationId: string; token: string };
  const sent = await fetch(`${url}/api/v1/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ text, clientMessageId: 'first' }),
  });
  return ((await sent.json()) as { replies: Array<{ decision?: string; text: string }> }).replies[0];
}

export function widgetSession(page: Page): Promise<{ conversationId: string; token: string }> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('zhida.widget.session') ?? '{}'));
}

let axeScript: string | undefined;
const axeSource = (): string =>
  (axeScript ??= readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8'));

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page and returns the violations, summarised. */
export async function axeViolations(page: Page): Promise<string[]> {
  // A message still fading in has a blended, paler colour: let finite animations end first.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  // Evaluated, not added as a <script>: the staff consoles' Content-Security-Policy refuses inline scripts,
  // and the tests run under the same policy as real agents and admins.
  await page.evaluate(axeSource());
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: Array<{
        id: string;
        help: string;
        nodes: Array<{ target: unknown[]; failureSummary?: string }>;
      }>;
    }
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return results.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`),
    );
  });
}

// --- The admin console ---------------------------------------------------------------------------

export const adminPage = {
  /** Signs in as the demo admin and waits for the knowledge base to load. */
  async login(page: Page, url: string, hash = ''): Promise<void> {
    await page.goto(`${url}/admin${hash}`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('kb-version').waitFor({ timeout: 15_000 });
  },
  /** The draft (latest) and live KB versions shown in the header. */
  async versions(page: Page): Promise<{ draft: number; live: number }> {
    const number = async (id: string) =>
      Number(/v(\d+)/.exec((await page.getByTestId(id).textContent()) ?? '')?.[1] ?? 0);
    return { draft: await number('kb-version'), live: await number('kb-live') };
  },
};
