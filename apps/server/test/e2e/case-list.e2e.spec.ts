import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedGeneratedCases } from '../../../../libs/read-models/src/testing/index.js';
import { ManualClock } from '@one-window/shared';
import type { BrowserContext, Page } from 'playwright-core';
import { ApiWorld, APPLICANT, DEMO_ITEMS } from '../support/api-world.js';
import { CHROMIUM, launchBrowser } from '../support/browser.js';
import { buildConsole } from '../support/build-console.js';
import { type TestServer, startTestServer } from '../support/test-server.js';

const describeWithBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn(`skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

/** The console's case list in headless Chromium: pages follow the server's cursors; 王伟 is found by name. */
describeWithBrowser('the console case list in a browser', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  let server: TestServer;
  let consoleDir: string;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;

  beforeAll(async () => {
    consoleDir = await buildConsole(mkdtempSync(join(tmpdir(), 'one-window-console-')));
    server = await startTestServer({ consoleDir }, { clock });
    await seedGeneratedCases(server.store, 45, { seed: 11 });
    const api = await ApiWorld.signIn(server.base);
    const guide = (await api.guide(DEMO_ITEMS.foodBusinessLicence)) as {
      materials: { code: string; type: string; sourceChannel?: string }[];
    };
    const received = await api.ok('clerk1', '/api/cases', {
      itemCode: DEMO_ITEMS.foodBusinessLicence,
      applicant: { ...APPLICANT, name: '王伟' },
      channel: 'window',
      materials: guide.materials
        .filter((m) => m.sourceChannel !== 'shared' && m.sourceChannel !== 'electronic-certificate')
        .map((m) => ({ code: m.code, form: m.type })),
      sharingAuthorized: true,
    });
    await api.read('admin', '/api/cases', received);
    browser = await launchBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => console.log('pageerror:', e.message));
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  const rows = async (): Promise<string[]> =>
    page.locator('#case-results tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));

  it('pages through 46 cases with next and previous, then finds 王伟 by two characters', async () => {
    await page.goto(`${server.base}/#/login`);
    await page.fill('#username', 'admin');
    await page.fill('#password', 'demo-admin');
    await page.click('#login-form button[type=submit]');
    await page.locator('#sign-out').waitFor();
    await page.goto(`${server.base}/#/cases`);
    await page.locator('#case-pager').waitFor();
    await expect(page.locator('#case-count').textContent()).resolves.toBe('共 46 件');
    const first = await rows();
    expect(first).toHaveLength(20);
    expect(first[0]).toContain('王伟'); // newest first: the receipt sent last

    await page.click('#page-next');
    await page.waitForFunction(() => document.querySelector('#page-number')?.textContent === '第 2 页');
    const second = await rows();
    expect(second).toHaveLength(20);
    expect(second.some((r) => first.includes(r))).toBe(false);
    await page.click('#page-next');
    await page.waitForFunction(() => document.querySelector('#page-number')?.textContent === '第 3 页');
    await expect(rows()).resolves.toHaveLength(6);
    await expect(page.locator('#page-next').isDisabled()).resolves.toBe(true);
    await page.click('#page-prev');
    await page.waitForFunction(() => document.querySelector('#page-number')?.textContent === '第 2 页');
    await expect(rows()).resolves.toEqual(second);

    await page.fill('#q', '王伟');
    await page.click('#case-search button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#page-number')?.textContent === '第 1 页');
    const found = await rows();
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found.every((r) => r.includes('王伟'))).toBe(true);
    await expect(page.locator('#case-count').textContent()).resolves.toBe(`共 ${found.length} 件`);
  });
});
