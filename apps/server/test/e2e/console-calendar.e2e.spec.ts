import { statutoryHolidays } from '@one-window/calendar';
import { ManualClock } from '@one-window/shared';
import { describeWithBrowser } from '../support/browser.js';
import { chineseProblems } from '../support/chinese-text.js';
import { serveConsole } from '../support/suites.js';

/** The calendar import is a form in Chinese, not JSON with English keys (issue 11, stop 20's screens). */
describeWithBrowser('the calendar import screen', () => {
  const { session: world, page } = serveConsole({ clock: new ManualClock('2026-03-02T01:30:00Z') });

  beforeAll(async () => {
    await world.signInAs('admin');
    await page.goto(`${world.server.base}/#/calendar`);
    await page.locator('#calendar-form').waitFor();
  }, 60_000);

  /** The import panel's words, its labels, hints and placeholders included. */
  const importWords = (): Promise<string> =>
    page.evaluate(() => {
      const panel = document.querySelector('#calendar-form')!.closest('section')!;
      const placeholders = [...panel.querySelectorAll('[placeholder]')].map((e) =>
        e.getAttribute('placeholder'),
      );
      return [panel.innerText, ...placeholders].join('\n');
    });

  it('asks for the year, the basis and the dates in Chinese, with no JSON field names', async () => {
    const words = await importWords();
    expect(words).not.toMatch(/year|holidays|workingWeekends|source|JSON/);
    expect(chineseProblems(words)).toEqual([]);
  });

  it('imports a year from the form, and a weekday given as a worked weekend is refused in Chinese', async () => {
    await page.fill('#calendar-year', '2027');
    await page.fill('#calendar-source', '国办发明电〔2026〕1号');
    await page.fill('#calendar-holidays', '2027-01-01\n2027-02-10, 2027-02-11');
    await page.fill('#calendar-working-weekends', '2027-01-04');
    await page.click('#calendar-import');
    const problem = page.locator('.problem');
    await problem.waitFor();
    expect(chineseProblems((await problem.innerText()).replace(/\d{4}-\d\d-\d\d/g, ''))).toEqual([]);
    // The law's days off all listed (the server checks them), one a line.
    await page.fill(
      '#calendar-holidays',
      statutoryHolidays(2027)
        .map((d) => d.date)
        .join('\n'),
    );
    await page.fill('#calendar-working-weekends', '2027-01-09');
    await page.click('#calendar-import');
    await page.locator('#coverage .badge:text-is("2027")').waitFor();
  });
});
