import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { ManualClock } from '@one-window/shared';
import { seedGeneratedCases } from '../../../../libs/read-models/src/testing/index.js';
import { describeWithBrowser } from '../support/browser.js';
import { chineseProblems } from '../support/chinese-text.js';
import { serveConsole } from '../support/suites.js';
import { axeViolations, rawValues } from '../support/screen-checks.js';

const CAP = 40;

/**
 * 办件查询's 导出 CSV and 导出 Excel in headless Chromium, in Chinese at 1024×768 and in English at
 * 1366×768: the files hold the list's cases, their column headers in the console's language.
 */
describeWithBrowser('the register export in the console', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const {
    session,
    server,
    page,
    w: api,
  } = serveConsole({
    clock,
    config: { registerExportMaxRows: CAP },
    api: true,
  });

  beforeAll(async () => {
    await seedGeneratedCases(server.store, 45, { seed: 11 });
    await api.caughtUp(server.store);
    await page.setViewportSize({ width: 1024, height: 768 });
  }, 90_000);

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

  /**
   * 办件查询 with its two export buttons (their words checked), filtered to the cases received by
   * 31 December 2025; the numbers of those cases as the API lists them to `user`, and their count.
   */
  async function listedTo2025(user: 'admin' | 'clerk1', csvButton: string, xlsxButton: string) {
    await page.goto(`${server.base}/#/cases`);
    await page.locator('#case-list-count').waitFor();
    await expect(page.locator('#export-csv').textContent()).resolves.toBe(csvButton);
    await expect(page.locator('#export-xlsx').textContent()).resolves.toBe(xlsxButton);
    await page.fill('#receivedTo', '2025-12-31');
    await page.click('#case-search button[type=submit]');
    const listed = await api.read(user, '/api/cases?receivedTo=2025-12-31&pageSize=200');
    return {
      total: listed.total as number,
      numbers: (listed.items as { caseNumber: string }[]).map((c) => c.caseNumber),
    };
  }

  it('downloads the filtered list as CSV and Excel with the same cases, and asks in Chinese to narrow a filter too wide', async () => {
    await session.signInAs('admin');
    const { total, numbers } = await listedTo2025('admin', '导出 CSV', '导出 Excel');
    expect(total).toBeLessThanOrEqual(CAP);

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
      const { numbers } = await listedTo2025('clerk1', 'Export CSV', 'Export Excel');
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
