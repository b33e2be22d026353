import { existsSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { ManualClock } from '@one-window/shared';
import type { Page } from 'playwright-core';
import { seedGeneratedCases } from '../../../../libs/read-models/src/testing/index.js';
import { ApiWorld } from '../support/api-world.js';
import { CHROMIUM } from '../support/browser.js';
import { chineseProblems } from '../support/chinese-text.js';
import { type ConsoleWorld, startConsoleWorld } from '../support/console-world.js';
import { axeViolations, rawValues } from '../support/screen-checks.js';
import type { TestServer } from '../support/test-server.js';

const describeWithBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn(`skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

const CAP = 40;

/**
 * 办件查询's 导出 CSV and 导出 Excel in headless Chromium, in Chinese at 1024×768 and in English at
 * 1366×768: the files hold the list's cases, their column headers in the console's language.
 */
describeWithBrowser('the register export in the console', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  let session: ConsoleWorld;
  let server: TestServer;
  let page: Page;
  let api: ApiWorld;

  beforeAll(async () => {
    session = await startConsoleWorld(clock, { registerExportMaxRows: CAP });
    ({ server, page } = session);
    await seedGeneratedCases(server.store, 45, { seed: 11 });
    api = await ApiWorld.signIn(server.base);
    await api.read('admin', '/api/cases', { position: (await server.store.headPosition()) ?? 0 });
    await page.setViewportSize({ width: 1024, height: 768 });
  }, 90_000);
  afterAll(async () => session?.close());

  const axe = () => axeViolations(page);
  /** The sheet's XML and its shared strings: where a cell's text is, inline or shared. */
  const sheetText = (bytes: Buffer): string => {
    const files = unzipSync(new Uint8Array(bytes));
    return ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']
      .map((name) => strFromU8(files[name] ?? new Uint8Array()))
      .join('\n');
  };

  async function download(button: string): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const path = await file.path();
    return { name: file.suggestedFilename(), bytes: readFileSync(path) };
  }

  it('downloads the filtered list as CSV and Excel with the same cases, and asks in Chinese to narrow a filter too wide', async () => {
    await session.signInAs('admin');
    await page.goto(`${server.base}/#/cases`);
    await page.locator('#case-list-count').waitFor();
    await expect(page.locator('#export-csv').textContent()).resolves.toBe('导出 CSV');
    await expect(page.locator('#export-xlsx').textContent()).resolves.toBe('导出 Excel');

    await page.fill('#receivedTo', '2025-12-31');
    await page.click('#case-search button[type=submit]');
    const listed = await api.read('admin', '/api/cases?receivedTo=2025-12-31&pageSize=200');
    expect(listed.total).toBeLessThanOrEqual(CAP);
    const numbers = (listed.items as { caseNumber: string }[]).map((c) => c.caseNumber);

    const csv = await download('#export-csv');
    expect(csv.name).toBe('办件台账-20260302.csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^办件编号,事项,申请人,/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(numbers);
    await page.locator('#export-status').filter({ hasText: '已导出' }).waitFor();

    const xlsx = await download('#export-xlsx');
    expect(xlsx.name).toBe('办件台账-20260302.xlsx');
    const cells = sheetText(xlsx.bytes);
    for (const n of numbers) expect(cells).toContain(n);
    await expect(axe()).resolves.toEqual([]);

    // Every case: more than the cap — no file, a Chinese word that says to narrow the filter.
    await page.fill('#receivedTo', '');
    await page.click('#case-search button[type=submit]');
    await page.click('#export-csv');
    const problem = page.locator('#export-status .problem');
    await problem.waitFor();
    const text = (await problem.innerText()).trim();
    expect(text).toContain('请缩小查询条件');
    expect(text).toContain(String(CAP));
    expect(chineseProblems(text)).toEqual([]);
    await expect(axe()).resolves.toEqual([]);
  });

  it('in English: the buttons, the file name and the column headers are English, the same cases in both files', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await session.signInAs('clerk1');
    await page.evaluate(() => localStorage.setItem('one-window.lang', 'en'));
    try {
      await page.reload();
      await page.goto(`${server.base}/#/cases`);
      await page.locator('#case-list-count').waitFor();
      await expect(page.locator('#export-csv').textContent()).resolves.toBe('Export CSV');
      await expect(page.locator('#export-xlsx').textContent()).resolves.toBe('Export Excel');
      await page.fill('#receivedTo', '2025-12-31');
      await page.click('#case-search button[type=submit]');
      const listed = await api.read('clerk1', '/api/cases?receivedTo=2025-12-31&pageSize=200');
      const numbers = (listed.items as { caseNumber: string }[]).map((c) => c.caseNumber);
      expect(numbers.length).toBeGreaterThan(0);

      const csv = await download('#export-csv');
      expect(csv.name).toBe('Case register-20260302.csv');
      const lines = csv.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toMatch(/^Case number,Item,Applicant,ID number \(masked\),Received at,/);
      expect(/\p{Script=Han}/u.test(lines[0] ?? '')).toBe(false);
      expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(numbers);
      await page.locator('#export-status').filter({ hasText: 'Exported' }).waitFor();

      const xlsx = await download('#export-xlsx');
      expect(xlsx.name).toBe('Case register-20260302.xlsx');
      const cells = sheetText(xlsx.bytes);
      for (const text of ['Case number', ...numbers]) expect(cells).toContain(text);
      await expect(axe()).resolves.toEqual([]);
      await expect(rawValues(page, 'en')).resolves.toEqual([]);
    } finally {
      await page.evaluate(() => localStorage.setItem('one-window.lang', 'zh'));
    }
  });
});
