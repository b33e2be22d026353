import { existsSync } from 'node:fs';
import { ManualClock } from '@one-window/shared';
import type { Page } from 'playwright-core';
import { ApiWorld, DEMO_ITEMS } from '../support/api-world.js';
import { CHROMIUM } from '../support/browser.js';
import { type ConsoleWorld, startConsoleWorld } from '../support/console-world.js';
import { axeViolations, rawValues } from '../support/screen-checks.js';
import type { TestServer } from '../support/test-server.js';

const describeWithBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn(`skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

/** The screens of each role, as a counter terminal shows them (`{case}`: a case in the back office). */
const SCREENS: Record<string, readonly string[]> = {
  clerk1: [
    '#/desk',
    `#/desk/item/${DEMO_ITEMS.foodBusinessLicence}`,
    '#/pickup',
    '#/cases',
    '#/deadlines',
    '#/case/{case}',
  ],
  approver1: ['#/queue', '#/cases', '#/deadlines', '#/case/{case}'],
  head1: ['#/queue', '#/stats'],
  reviewer1: ['#/obligations', '#/cases'],
  admin: [
    '#/cases',
    '#/deadlines',
    '#/obligations',
    '#/stats',
    '#/projections',
    '#/calendar',
    '#/replay/{case}',
  ],
};

/**
 * The console at a counter terminal's 1024×768 and a 1366×768 laptop: every navigation link can be
 * clicked (nothing covers it), and axe-core finds no violation of any impact on any screen, in Chinese and in English.
 */
describeWithBrowser('the console at 1024×768 and 1366×768, checked by axe-core', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  let world: ConsoleWorld;
  let server: TestServer;
  let page: Page;
  let caseId: string;
  const signInAs = (username: string) => world.signInAs(username);

  beforeAll(async () => {
    world = await startConsoleWorld(clock);
    ({ server, page } = world);
    const w = await ApiWorld.signIn(server.base);
    // Something on every list: a received case and one in the back office.
    await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const accepted = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    await w.ok('clerk1', `/api/cases/${accepted.caseId}/accept`, {});
    caseId = accepted.caseId as string;
  }, 60_000);
  afterAll(async () => world?.close());

  /** Navigation links that another element covers at their centre (so a click would miss them). */
  async function coveredNavLinks(): Promise<string[]> {
    return page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('nav a')]
        .filter((a) => {
          const r = a.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) return true;
          const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return !at || (at !== a && !a.contains(at));
        })
        .map((a) => a.textContent ?? a.href),
    );
  }

  for (const lang of ['zh', 'en'] as const)
    for (const size of [
      { width: 1024, height: 768 },
      { width: 1366, height: 768 },
    ]) {
      for (const [user, screens] of Object.entries(SCREENS)) {
        it(`${user} in ${lang} at ${size.width}×${size.height}: every nav link clickable, no axe violation`, async () => {
          await page.setViewportSize(size);
          await signInAs(user);
          await page.evaluate((l) => localStorage.setItem('one-window.lang', l), lang);
          await page.reload();
          await page.locator('#sign-out').waitFor();
          const nav = (await page.locator('nav').textContent()) ?? '';
          expect(/[\u4e00-\u9fff]/.test(nav)).toBe(lang === 'zh');
          const problems: string[] = [];
          for (const screen of screens) {
            await page.goto(`${server.base}/${screen.replace('{case}', caseId)}`);
            await page.waitForLoadState('networkidle');
            await page.waitForTimeout(150);
            for (const link of await coveredNavLinks())
              problems.push(`${screen}: nav link "${link}" is covered`);
            for (const raw of await rawValues(page, lang)) problems.push(`${screen}: shows "${raw}"`);
            for (const v of await axeViolations(page)) problems.push(`${screen}: ${v}`);
          }
          expect(problems).toEqual([]);
        });
      }
    }
});
