import { join } from 'node:path';
import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS, PICKUP_BY_APPLICANT } from '../support/api-world.js';
import { README_SCREENSHOTS, describeWithBrowser } from '../support/browser.js';
import { HOURLY_TIMERS, serveConsole } from '../support/suites.js';
import { axeViolations, rawValues } from '../support/screen-checks.js';

// The README's board screenshot is refreshed on request only: UPDATE_SCREENSHOTS=1 npm test -- console-acceptance-board.e2e
const SCREENSHOT = README_SCREENSHOTS && join(README_SCREENSHOTS, 'deadline-board.png');

/**
 * The deadline board's 受理决定时限 (Art. 32's 5 working days to decide on acceptance) and a
 * completed case's 办结 date in the case list, in headless Chromium: Chinese at a counter
 * terminal's 1024×768, English at 1366×768, axe clean, no internal code or ISO time on screen.
 */
describeWithBrowser('the acceptance board and completed cases in the console', () => {
  // Received Monday 2 March 2026: the acceptance decision is due Monday 9 March.
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const suite = serveConsole({ clock, config: HOURLY_TIMERS, api: true });
  const { session, server, page, w: api } = suite;
  let late: { caseNumber: string };
  let nearer: { caseNumber: string };
  let decisionLate: { caseNumber: string };
  let completed: { caseNumber: string };

  beforeAll(async () => {
    late = await api.receive(DEMO_ITEMS.foodBusinessLicence);
    // Accepted the same day: promised by Monday 9 March, its decision is late on the 10th too.
    const accepted = await api.receive(DEMO_ITEMS.foodBusinessLicence, { greenChannel: true });
    const acceptance = await api.ok('clerk1', `/api/cases/${accepted.caseId}/accept`);
    decisionLate = await api.read('clerk1', `/api/cases/${accepted.caseId}`, acceptance);
    const { caseId } = await api.atTheWindow();
    completed = await api.read('clerk1', `/api/cases/${caseId}`);
    await api.ok('clerk1', `/api/cases/${caseId}/deliver`, PICKUP_BY_APPLICANT);
    // Thursday 5 March: one more received, its acceptance decision due Thursday 12 March.
    clock.set('2026-03-05T02:00:00Z');
    await suite.signInAgain();
    const received = await api.receive(DEMO_ITEMS.foodBusinessLicence);
    nearer = received;
    await api.read('admin', '/api/cases', received);
    // Tuesday 10 March: the received case is a day past its acceptance decision.
    clock.set('2026-03-10T02:00:00Z');
  }, 90_000);

  /** The rows of a list, as text. */
  const rows = (list: string): Promise<string[]> =>
    page.locator(`#${list} tbody tr`).evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
  const headers = (list: string): Promise<string[]> =>
    page.locator(`#${list} thead th`).evaluateAll((ths) => ths.map((th) => th.textContent ?? ''));

  async function showIn(lang: 'zh' | 'en', size: { width: number; height: number }): Promise<void> {
    await page.setViewportSize(size);
    await session.signInAs('clerk1');
    await page.evaluate((l) => localStorage.setItem('one-window.lang', l), lang);
    await page.reload();
    await page.locator('#sign-out').waitFor();
  }

  async function screenProblems(lang: 'zh' | 'en'): Promise<string[]> {
    return [...(await rawValues(page, lang)).map((raw) => `shows "${raw}"`), ...(await axeViolations(page))];
  }

  it('in Chinese at 1024×768: 受理决定时限 lists the late case as 超期, and the list shows 办结 with its date', async () => {
    await showIn('zh', { width: 1024, height: 768 });
    await page.goto(`${server.base}/#/deadlines`);
    await page.locator('#acceptance-list-count').waitFor();
    await expect(page.locator('#acceptance h2').textContent()).resolves.toBe('受理决定时限');
    await expect(page.locator('#acceptance-rule').textContent()).resolves.toContain('第三十二条');
    await expect(headers('acceptance-list')).resolves.toContain('受理决定截止日');
    const [row, next, ...others] = await rows('acceptance-list');
    expect(others).toEqual([]);
    expect(row).toContain(late.caseNumber);
    expect(row).toContain('2026-03-09');
    expect(row).toContain('超期');
    expect(next).toContain(nearer.caseNumber);
    expect(next).toContain('2026-03-12');
    expect(next).toContain('临期');
    // The decision's lists hold the accepted case, not these: their decision clock has not started.
    const red = (await rows('red-list')).join();
    expect(red).toContain(decisionLate.caseNumber);
    expect(red).not.toContain(late.caseNumber);
    await expect(screenProblems('zh')).resolves.toEqual([]);
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // The row opens the case, whose facts give the same limit with its days left and level.
    await page.click(`#acceptance-list a:text("${late.caseNumber}")`);
    await page.locator('#case-number').waitFor();
    const facts = await page.locator('main').innerText();
    expect(facts).toMatch(/受理决定截止日\s*2026-03-09\s*（已逾期 1 个工作日）\s*超期/);
    await expect(screenProblems('zh')).resolves.toEqual([]);

    await page.goto(`${server.base}/#/cases`);
    await page.locator('#case-list-count').waitFor();
    const done = (await rows('case-list')).find((r) => r.includes(completed.caseNumber)) ?? '';
    expect(done).toContain('2026-03-02 办结');
    expect(done).toMatch(/2026-03-\d\d/); // the promised date kept beside it
    await expect(screenProblems('zh')).resolves.toEqual([]);
  });

  it('in English at 1366×768: "Acceptance decision" and "completed <date>"', async () => {
    await showIn('en', { width: 1366, height: 768 });
    try {
      await page.goto(`${server.base}/#/deadlines`);
      await page.locator('#acceptance-list-count').waitFor();
      await expect(page.locator('#acceptance h2').textContent()).resolves.toBe('Acceptance decision');
      await expect(headers('acceptance-list')).resolves.toContain('Decide acceptance by');
      const [row] = await rows('acceptance-list');
      expect(row).toContain(late.caseNumber);
      expect(row).toContain('Overdue');
      await expect(screenProblems('en')).resolves.toEqual([]);
      await page.click(`#acceptance-list a:text("${late.caseNumber}")`);
      await page.locator('#case-number').waitFor();
      await expect(page.locator('main').innerText()).resolves.toMatch(
        /Decide acceptance by\s*2026-03-09\s*\(1 working day overdue\)\s*Overdue/,
      );
      await expect(screenProblems('en')).resolves.toEqual([]);

      await page.goto(`${server.base}/#/cases`);
      await page.locator('#case-list-count').waitFor();
      const done = (await rows('case-list')).find((r) => r.includes(completed.caseNumber)) ?? '';
      expect(done).toContain('completed 2026-03-02');
      await expect(screenProblems('en')).resolves.toEqual([]);
    } finally {
      await page.evaluate(() => localStorage.setItem('one-window.lang', 'zh'));
    }
  });
});
