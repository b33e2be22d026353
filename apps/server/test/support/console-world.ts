import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '@one-window/shared';
import type { ServerConfig } from '../../src/config/server-config.js';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { buildConsole } from './build-console.js';
import { type TestServer, type TestServerOptions, startTestServer } from './test-server.js';

/** The built console on a real server, and one page of Debian's Chromium on it. */
export interface ConsoleWorld {
  readonly server: TestServer;
  readonly page: Page;
  /** Signs out whoever is signed in, then signs `username` in through the login form. */
  signIn(username: string, password: string): Promise<void>;
  /** signIn with the demo user's password. */
  signInAs(username: string): Promise<void>;
  close(): Promise<void>;
}

export async function startConsoleWorld(
  clock?: Clock,
  overrides: Partial<ServerConfig> = {},
  options: Pick<TestServerOptions, 'wrapStore'> = {},
): Promise<ConsoleWorld> {
  const consoleDir = await buildConsole(mkdtempSync(join(tmpdir(), 'one-window-console-')));
  const server = await startTestServer({ ...overrides, consoleDir }, { ...options, clock });
  const browser = await launchBrowser();
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  const signIn = async (username: string, password: string): Promise<void> => {
    if (await page.locator('#sign-out').count()) await page.click('#sign-out');
    await page.goto(`${server.base}/#/login`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('#login-form button[type=submit]');
    await page.locator('#sign-out').waitFor();
  };
  return {
    server,
    page,
    signIn,
    signInAs: (username) => signIn(username, `demo-${username}`),
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(consoleDir, { recursive: true, force: true });
    },
  };
}
