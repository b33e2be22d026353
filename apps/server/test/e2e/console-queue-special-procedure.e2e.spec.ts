import { existsSync } from 'node:fs';
import { ManualClock } from '@one-window/shared';
import { ApiWorld, DEMO_ITEMS } from '../support/api-world.js';
import { CHROMIUM } from '../support/browser.js';
import { type ConsoleWorld, startConsoleWorld } from '../support/console-world.js';

const describeWithBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn(`skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

/**
 * A task whose case is in a special procedure (Art. 45: hearing, inspection, expert review) is
 * marked on the queue with the statechart's own name and colour for that state, served by
 * GET /api/case-statuses.
 */
describeWithBrowser('the queue marks a task in a special procedure', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  let world: ConsoleWorld;
  let caseNumber: string;

  beforeAll(async () => {
    world = await startConsoleWorld(clock);
    const w = await ApiWorld.signIn(world.server.base);
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    caseNumber = received.caseNumber as string;
    const path = `/api/cases/${received.caseId as string}`;
    await w.claimCurrent('approver1', received.caseId, await w.ok('clerk1', `${path}/accept`));
    const hearing = { kind: 'hearing', reason: '申请人要求听证', expectedDays: 10 };
    await w.read(
      'approver1',
      '/api/tasks/counts',
      await w.ok('approver1', `${path}/special-procedures`, hearing),
    );
  }, 90_000);
  afterAll(async () => world?.close());

  it.each([
    ['zh', '特别程序'],
    ['en', 'Special procedure'],
  ])('in %s: the state’s name, in its yellow', async (lang, words) => {
    const { page } = world;
    await world.signInAs('approver1');
    await page.evaluate((l) => localStorage.setItem('one-window.lang', l), lang);
    await page.goto(`${world.server.base}/#/queue`);
    await page.reload();
    const row = page.locator('#my-task-list tbody tr', { hasText: caseNumber }).first();
    await row.waitFor();
    const marks = await row
      .locator('.badge')
      .evaluateAll((els: Element[]) =>
        els.map((el): [string | null, string] => [el.textContent, el.className]),
      );
    expect(marks).toContainEqual([words, 'badge yellow']);
  });
});
