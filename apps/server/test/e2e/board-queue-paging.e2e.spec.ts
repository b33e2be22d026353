import { seedGeneratedCases } from '../../../../libs/read-models/src/testing/index.js';
import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS, type DemoUser } from '../support/api-world.js';
import { describeWithBrowser } from '../support/browser.js';
import { serveConsole } from '../support/suites.js';

interface Page1 {
  items: { caseNumber: string }[];
  total: number;
  nextCursor: string | null;
}

/** The deadline board and the approver's queue page by the server's cursors, like the case list (issue 15). */
describeWithBrowser('the console board and queue in a browser', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { session, server, page, w: api } = serveConsole({ clock, api: true });

  beforeAll(async () => {
    // Histories from 2025-09 over 120 working days: by March many are running, open or late.
    await seedGeneratedCases(server.store, 400, { seed: 5 });
    // And 25 accepted food licences: open tasks in approver1's department (market regulation).
    for (let i = 0; i < 25; i++) {
      const received = await api.receive(DEMO_ITEMS.foodBusinessLicence);
      await api.ok('clerk1', `/api/cases/${received.caseId as string}/accept`);
    }
    await api.caughtUp(server.store);
  }, 120_000);

  /** The first case number of each row shown in a list. */
  const numbers = (list: string): Promise<string[]> =>
    page
      .locator(`#${list} tbody tr`)
      .evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent?.split(' ')[0] ?? ''));

  /** Walks a list's first two pages and back, against the API's own pages. */
  async function walk(list: string, user: DemoUser, path: string): Promise<void> {
    const first = (await api.read(user, path)) as Page1;
    expect(first.nextCursor).not.toBeNull(); // the seed makes more than one page
    const second = (await api.read(user, `${path}&cursor=${encodeURIComponent(first.nextCursor!)}`)) as Page1;
    await page.locator(`#${list}-next`).waitFor();
    await expect(page.locator(`#${list}-count`).textContent()).resolves.toBe(`共 ${first.total} 项`);
    await expect(numbers(list)).resolves.toEqual(first.items.map((c) => c.caseNumber));
    await page.click(`#${list}-next`);
    await page.waitForFunction(
      (id) => document.querySelector(`#${id}-page`)?.textContent === '第 2 页',
      list,
    );
    await expect(numbers(list)).resolves.toEqual(second.items.map((c) => c.caseNumber));
    await page.click(`#${list}-prev`);
    await page.waitForFunction(
      (id) => document.querySelector(`#${id}-page`)?.textContent === '第 1 页',
      list,
    );
    await expect(numbers(list)).resolves.toEqual(first.items.map((c) => c.caseNumber));
    await expect(page.locator(`#${list}-prev`).isDisabled()).resolves.toBe(true);
  }

  it('pages the red board forward and back, row for row as the API pages it', async () => {
    await session.signIn('admin', 'demo-admin');
    await page.goto(`${session.server.base}/#/deadlines`);
    await walk('red-list', 'admin', '/api/deadlines?warning=red');
  });

  it("pages the approver's department queue forward and back, row for row as the API pages it", async () => {
    await session.signIn('approver1', 'demo-approver1');
    await page.goto(`${session.server.base}/#/queue`);
    await walk('department-task-list', 'approver1', '/api/tasks?queue=department&status=open');
  });
});
