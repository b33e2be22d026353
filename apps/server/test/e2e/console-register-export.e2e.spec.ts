import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { strFromU8, unzipSync } from 'fflate';
import { ManualClock } from '@one-window/shared';
import type { Page } from 'playwright-core';
import { seedGeneratedCases } from '../../../../libs/read-models/src/testing/index.js';
import { ApiWorld } from '../support/api-world.js';
import { CHROMIUM } from '../support/browser.js';
import { chineseProblems } from '../support/chinese-text.js';
import { type ConsoleWorld, startConsoleWorld } from '../support/console-world.js';
import type { TestServer } from '../support/test-server.js';

const describeWithBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn(`skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CAP = 40;

/** 办件查询's 导出 CSV and 导出 Excel in headless Chromium, in Chinese at 1024×768: the files hold the list's cases. */
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

  async function axe(): Promise<string[]> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
    return page.evaluate(async () => {
      type Run = (o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
      const { axe: run } = window as unknown as { axe: { run: Run } };
      const result = await run.run({ resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
  }

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
    const files = unzipSync(new Uint8Array(xlsx.bytes));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    const shared = strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array());
    for (const n of numbers) expect(sheet.includes(n) || shared.includes(n)).toBe(true);
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
});
