import { ManualClock } from '@one-window/shared';
import { ApiWorld, DEMO_ITEMS } from '../support/api-world.js';
import { describeWithBrowser } from '../support/browser.js';
import { type ConsoleWorld, startConsoleWorld } from '../support/console-world.js';

/**
 * The queue's marks on a task: a case in a special procedure (Art. 45: hearing, inspection,
 * expert review) with the statechart's own name and colour for that state, served by
 * GET /api/case-statuses; a command slice's task mark (督办's) from the row's `marks`, in the
 * slice's tone and the catalog's `queue.<mark>` words — the console names no slice.
 */
describeWithBrowser('the queue marks a task', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  let world: ConsoleWorld;
  let special: string;
  let supervised: string;

  beforeAll(async () => {
    world = await startConsoleWorld(clock);
    const w = await ApiWorld.signIn(world.server.base);
    const claimed = async () => {
      const received = await w.receive(DEMO_ITEMS.foodBusinessLicence);
      const path = `/api/cases/${received.caseId as string}`;
      const accepted = await w.ok('clerk1', `${path}/accept`);
      const { answer } = await w.claimCurrent('approver1', received.caseId, accepted);
      return { caseNumber: received.caseNumber as string, path, detail: await w.read('approver1', path, answer) };
    };
    const inProcedure = await claimed();
    special = inProcedure.caseNumber;
    const hearing = { kind: 'hearing', reason: '申请人要求听证', expectedDays: 10 };
    await w.ok('approver1', `${inProcedure.path}/special-procedures`, hearing);

    const pressed = await claimed();
    supervised = pressed.caseNumber;
    const task = (pressed.detail.tasks as { taskId: string; stepDueDate: string }[]).find(
      (t) => t.taskId === pressed.detail.currentTaskId,
    )!;
    clock.set(`${task.stepDueDate}T01:30:00Z`); // on the step's due date: 督办 may be sent
    const later = await ApiWorld.signIn(world.server.base); // the first sign-ins have expired by then
    const sent = await later.ok('head1', `/api/tasks/${task.taskId}/supervise`, { note: '请于到期前办结' });
    await later.read('approver1', '/api/tasks/counts', sent);
  }, 90_000);
  afterAll(async () => world?.close());

  it.each([
    ['zh', 'special', '特别程序', 'yellow'],
    ['en', 'special', 'Special procedure', 'yellow'],
    ['zh', 'supervised', '督办', 'red'],
    ['en', 'supervised', 'Supervised', 'red'],
  ])('in %s: the %s mark’s words %s, in its %s', async (lang, which, words, tone) => {
    const { page } = world;
    await world.signInAs('approver1');
    await page.evaluate((l) => localStorage.setItem('one-window.lang', l), lang);
    await page.goto(`${world.server.base}/#/queue`);
    await page.reload();
    const caseNumber = which === 'special' ? special : supervised;
    const row = page.locator('#my-task-list tbody tr', { hasText: caseNumber }).first();
    await row.waitFor();
    const marks = await row
      .locator('.badge')
      .evaluateAll((els: Element[]) =>
        els.map((el): [string | null, string] => [el.textContent, el.className]),
      );
    expect(marks).toContainEqual([words, `badge ${tone}`]);
  });
});
