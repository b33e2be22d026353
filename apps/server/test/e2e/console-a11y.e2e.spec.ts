import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ManualClock } from '@one-window/shared';
import type { Page } from 'playwright-core';
import { ApiWorld, DEMO_ITEMS } from '../support/api-world.js';
import { CHROMIUM } from '../support/browser.js';
import { type ConsoleWorld, startConsoleWorld } from '../support/console-world.js';
import type { TestServer } from '../support/test-server.js';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const describeWithBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn(`skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

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

  async function axe(): Promise<AxeViolation[]> {
    // Evaluated through the DevTools protocol: the console's CSP (script-src 'self') stays as served.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
    return page.evaluate(async () => {
      const result = await (
        window as unknown as { axe: { run: (o: object) => Promise<{ violations: AxeViolation[] }> } }
      ).axe.run({
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target })),
      }));
    });
  }

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

  /**
   * Internal values a hall's staff should never read: state paths (frontDesk.received), ISO/UTC
   * timestamps, and the ids of departments and materials (150102-market-regulation, layout-and-process).
   */
  async function rawValues(lang: 'zh' | 'en'): Promise<string[]> {
    const text = await page.evaluate(() => document.querySelector('main')?.innerText ?? '');
    const patterns = [
      /\b[a-z]+\.[a-z]+[A-Z]\w*/g,
      /\d{4}-\d\d-\d\dT[\d:.]+Z?/g,
      /\b\d{6}-[a-z-]+\b/g,
      // The machine's state paths (frontDesk.received), dates in another format than 2026-12-03
      // (ADR 15), and English counted without its plural.
      /\b(?:frontDesk|backOffice|delivery|rating)\.[a-zA-Z]+/g,
      /\b\d{4}\/\d{1,2}\/\d{1,2}\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b/g,
      /(?<![\d.])1 (?:working days|days|cases|events)\b/g,
    ];
    // On a Chinese screen a hyphenated lower-case word is a code (layout-and-process), not English.
    // …and three English words in a row are an English sentence.
    if (lang === 'zh') patterns.push(/\b[a-z]+(?:-[a-z]+)+\b/g, /\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}\b/g);
    return [...new Set(patterns.flatMap((p) => text.match(p) ?? []))];
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
            for (const raw of await rawValues(lang)) problems.push(`${screen}: shows "${raw}"`);
            for (const v of await axe()) {
              {
                problems.push(
                  `${screen}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
                );
              }
            }
          }
          expect(problems).toEqual([]);
        });
      }
    }
});
