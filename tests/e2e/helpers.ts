import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/server';
import { createLogger } from '../../src/server/kernel/log';
import { SCREENSHOT_DIR, WEB_DIR } from './paths';

export const DEMO_PASSWORD = 'shopfloor';

/** A real server in this process: in-memory database, demo data, serving the built web app. */
export function startTestServer(): Promise<RunningServer> {
  return startServer({
    port: 0,
    db: { dataDir: 'memory' },
    log: createLogger('silent'),
    seed: true,
    config: { webDir: WEB_DIR },
  });
}

/**
 * A demo server and Chromium for one test file, started before its tests and closed after them.
 * Read `env.server` and `env.browser` inside tests and hooks (they exist once `beforeAll` ran).
 */
export function e2eEnvironment(): { server: RunningServer; browser: Browser } {
  const env = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    [env.server, env.browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** The path of a page URL, for waiting on navigation. */
export const pathOf = (url: string) => new URL(url).pathname;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
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

/** A fresh context (no cookies), tablet-landscape sized unless told otherwise. */
export async function openPage(browser: Browser, baseURL: string, viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.locator('input[name="username"]').fill(username);
  await form.locator('input[name="password"]').fill(password);
  await page.getByTestId('login-submit').click();
}

/** A fresh page signed in as `username`, on the home page. */
export async function openSignedIn(browser: Browser, baseURL: string, username: string): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openPage(browser, baseURL);
  await opened.page.goto('/login');
  await signIn(opened.page, username);
  await opened.page.waitForURL((u) => new URL(u.href).pathname === '/');
  return opened;
}

/** Opens a Mantine select by its label and picks the first option whose name matches. */
export async function choose(page: Page, scope: Locator | Page, label: string, option: RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** A displayed figure ("1,234" or "−3") as a number, for a test's own expectations only. */
export const figure = (text: string | null): number => Number((text ?? '').replaceAll(',', '').replace('−', '-'));

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * A second, API-only session (as another device would have), for changes the browser did not
 * make itself: the browser must learn of them through the live stream.
 */
export async function apiSession(baseURL: string, username: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`API sign-in as ${username} failed: ${res.status}`);
  const me = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return {
    async get<T>(path: string): Promise<T> {
      const r = await fetch(`${baseURL}${path}`, { headers: { cookie } });
      if (!r.ok) throw new Error(`GET ${path} failed: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
    post: <T>(path: string, body: unknown) => send<T>('POST', path, body),
    patch: <T>(path: string, body: unknown) => send<T>('PATCH', path, body),
  };

  async function send<T>(method: string, path: string, body: unknown): Promise<T> {
    const r = await fetch(`${baseURL}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': me.csrfToken, 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${path} failed: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  }
}
