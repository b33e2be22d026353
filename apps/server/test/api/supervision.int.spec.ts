import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS } from '../support/api-world.js';
import { serveApi } from '../support/suites.js';

/** 督办 over real HTTP: refused far from the due date (409) and to an approver (403), sent near it, marked in the queue. */
describe('督办 (supervision notice) over real HTTP', () => {
  // Monday 2 March 2026, 09:30 in Hohhot.
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { w } = serveApi({
    clock,
    config: { tokenTtlSeconds: 7 * 24 * 3600, warningWorkingDays: 1 },
  });

  it('a head sends it near the due date; far from it a 409 in Chinese and English; an approver gets 403', async () => {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const accepted = await w.ok('clerk1', `/api/cases/${received.caseId}/accept`);
    const detail = await w.read('clerk1', `/api/cases/${received.caseId}`, accepted);
    const taskId = detail.currentTaskId as string;
    const path = `/api/tasks/${taskId}/supervise`;

    const due = (detail.tasks as { taskId: string; stepDueDate: string }[]).find((t) => t.taskId === taskId)!;
    expect(due.stepDueDate > '2026-03-03').toBe(true); // more than the one warning day away
    const far = await w.as('head1', 'POST', path, { note: '请抓紧办理' });
    expect(far.status).toBe(409);
    expect(far.body).toMatchObject({
      type: '/problems/not-allowed-in-state',
      state: 'backOffice.underReview',
    });
    expect(far.body.titleZh).toMatch(/[\u4e00-\u9fff]/);
    expect(far.body.detail).toContain('督办');

    const byApprover = await w.as('approver1', 'POST', path, { note: '请抓紧办理' });
    expect(byApprover.status).toBe(403);

    // On the step's due date (09:30 in Hohhot): within the warning days.
    clock.set(`${due.stepDueDate}T01:30:00Z`);
    const sent = await w.ok('head1', path, { note: '请于到期前办结' });
    expect(sent).toMatchObject({ state: 'backOffice.underReview', events: ['case.SupervisionNoticeSent'] });
    const queue = await w.read('approver1', '/api/tasks?queue=department', sent);
    const marked = (queue.items as { taskId: string }[]).find((t) => t.taskId === taskId);
    expect(marked).toMatchObject({ marks: [{ name: 'supervised', tone: 'red', on: due.stepDueDate }] });
  });
});
