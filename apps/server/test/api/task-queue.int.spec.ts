/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- API answers are inspected field by field */
import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS } from '../support/api-world.js';
import { queueOfThree } from '../support/queue-cases.js';
import { serveApi } from '../support/suites.js';

/** The approver's queue over real HTTP (issue 11 item 6): filters, search, sort, markers, counts. */
describe('the task queue at Tasklist level', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const suite = serveApi({ clock });
  const { w } = suite;
  let plain: any, green: any, deficient: any, last: { position: number };

  beforeAll(async () => {
    ({ plain, green, deficient, last } = await queueOfThree(suite, clock));
  }, 60_000);

  const ids = async (query: string): Promise<string[]> =>
    ((await w.read('approver1', `/api/tasks?${query}`, last)).items as any[]).map((t) => t.caseId);

  it('filters, searches and sorts within the department, each task with its step due date and markers', async () => {
    expect(await ids('')).toEqual([green.caseId, plain.caseId, deficient.caseId]);
    expect(await ids('greenChannel=true')).toEqual([green.caseId]);
    expect(await ids('deficiency=true')).toEqual([deficient.caseId]);
    expect(await ids('extended=true')).toEqual([plain.caseId]);
    expect(await ids(`item=${DEMO_ITEMS.foodBusinessLicence}&step=review`)).toHaveLength(3);
    expect(await ids('step=decision')).toEqual([]);
    expect(await ids(`q=${encodeURIComponent(green.caseNumber)}`)).toEqual([green.caseId]);
    expect(await ids(`q=${encodeURIComponent('青城餐饮')}`)).toHaveLength(3);
    expect(await ids('sort=received')).toEqual([plain.caseId, green.caseId, deficient.caseId]);
    expect(await ids('dueWithin=60')).toHaveLength(3);
    const page = await w.read('approver1', '/api/tasks?extended=true', last);
    expect(page.items[0]).toMatchObject({
      extended: true,
      deficiency: false,
      step: 'review',
      stepDueDate: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      stepWarning: expect.stringMatching(/^(none|yellow|red)$/),
      receivedAt: expect.any(String),
    });
    expect(typeof page.items[0].stepWorkingDaysLeft).toBe('number');
  });

  it('counts the queues for the menu, with the read models’ position to poll', async () => {
    const counts = await w.read('approver1', '/api/tasks/counts', last);
    expect(counts).toMatchObject({ mine: 0, unclaimed: 3, mineCapped: false, unclaimedCapped: false });
    expect(counts.position).toBeGreaterThanOrEqual(last.position);
    const claimed = await w.claimCurrent('approver1', green.caseId, last);
    const after = await w.read('approver1', '/api/tasks/counts', claimed.answer);
    expect(after).toMatchObject({ mine: 1, unclaimed: 2 });
    expect(after.position).toBeGreaterThan(counts.position);
    expect((await w.as('clerk1', 'GET', '/api/tasks/counts')).status).toBe(403);
    last = await w.ok('approver1', `/api/tasks/${claimed.taskId}/release`);
  });

  it('refuses a filter out of range with its code and Chinese words', async () => {
    const bad = await w.as('approver1', 'GET', '/api/tasks?dueWithin=61&sort=name&greenChannel=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.pointer).sort()).toEqual([
      '#/dueWithin',
      '#/greenChannel',
      '#/sort',
    ]);
    for (const e of bad.body.errors) expect(e.code).toEqual(expect.any(String));
    expect(bad.body.detailZh).toMatch(/[\u4e00-\u9fff]/);
  });
});
