import { seedGeneratedCases } from '../../../../libs/read-models/src/testing/index.js';
import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS } from '../support/api-world.js';
import { describeWithBrowser } from '../support/browser.js';
import { serveConsole } from '../support/suites.js';

/** The console's case list in headless Chromium: pages follow the server's cursors; 王伟 is found by name. */
describeWithBrowser('the console case list in a browser', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { session, server, page, w: api } = serveConsole({ clock, api: true });

  beforeAll(async () => {
    await seedGeneratedCases(server.store, 45, { seed: 11 });
    const received = await api.receive(DEMO_ITEMS.foodBusinessLicence, { applicant: { name: '王伟' } });
    await api.read('admin', '/api/cases', received);
  }, 90_000);

  const rows = async (): Promise<string[]> =>
    page.locator('#case-list tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));

  it('pages through 46 cases with next and previous, then finds 王伟 by two characters', async () => {
    await session.signIn('admin', 'demo-admin');
    await page.goto(`${server.base}/#/cases`);
    await page.locator('#case-list-next').waitFor();
    await expect(page.locator('#case-list-count').textContent()).resolves.toBe('共 46 件');
    const first = await rows();
    expect(first).toHaveLength(20);
    expect(first[0]).toContain('王伟'); // newest first: the receipt sent last

    await page.click('#case-list-next');
    await page.waitForFunction(() => document.querySelector('#case-list-page')?.textContent === '第 2 页');
    const second = await rows();
    expect(second).toHaveLength(20);
    expect(second.some((r) => first.includes(r))).toBe(false);
    await page.click('#case-list-next');
    await page.waitForFunction(() => document.querySelector('#case-list-page')?.textContent === '第 3 页');
    await expect(rows()).resolves.toHaveLength(6);
    await expect(page.locator('#case-list-next').isDisabled()).resolves.toBe(true);
    await page.click('#case-list-prev');
    await page.waitForFunction(() => document.querySelector('#case-list-page')?.textContent === '第 2 页');
    await expect(rows()).resolves.toEqual(second);

    await page.fill('#q', '王伟');
    await page.click('#case-search button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#case-list-page')?.textContent === '第 1 页');
    const found = await rows();
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found.every((r) => r.includes('王伟'))).toBe(true);
    await expect(page.locator('#case-list-count').textContent()).resolves.toBe(`共 ${found.length} 件`);

    // Rows are real links: the keyboard reaches the first one from the search button, Enter opens it.
    await page.focus('#case-search button[type=submit]');
    let focused = '';
    for (let i = 0; i < 5 && !focused.startsWith('#/case/'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
    }
    expect(focused).toMatch(/^#\/case\/[0-9a-f-]{36}$/);
    await page.keyboard.press('Enter');
    await page.waitForFunction((href) => location.hash === href, focused);
    await page.locator('h1').filter({ hasText: '王伟' }).or(page.locator('text=王伟')).first().waitFor();
  });

  it('narrows the list by the received range and the department, as the API counts them', async () => {
    await page.goto(`${server.base}/#/cases`);
    await page.locator('#case-list-count').waitFor();
    // 王伟's case was received today (the clock's day); the seed's cases before it.
    await page.fill('#receivedFrom', '2026-03-02');
    await page.click('#case-search button[type=submit]');
    const today = await api.read('admin', '/api/cases?receivedFrom=2026-03-02');
    await page.waitForFunction(
      (n) => document.querySelector('#case-list-count')?.textContent === `共 ${n} 件`,
      today.total as number,
    );
    await expect(rows()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('王伟')]));
    await page.fill('#receivedFrom', '');
    await page.fill('#receivedTo', '2025-12-31');
    const market = '150102-market-regulation';
    await page.selectOption('#department', market);
    await page.click('#case-search button[type=submit]');
    const older = await api.read('admin', `/api/cases?receivedTo=2025-12-31&department=${market}`);
    await page.waitForFunction(
      (n) => document.querySelector('#case-list-count')?.textContent === `共 ${n} 件`,
      older.total as number,
    );
    await expect(rows()).resolves.not.toEqual(expect.arrayContaining([expect.stringContaining('王伟')]));
  });
});
