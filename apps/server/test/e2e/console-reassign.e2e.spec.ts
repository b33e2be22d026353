import { UsersStore } from '@one-window/identity';
import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS } from '../support/api-world.js';
import { axeViolations } from '../support/screen-checks.js';
import { describeWithBrowser } from '../support/browser.js';
import { chineseProblems } from '../support/chinese-text.js';
import { serveConsole } from '../support/suites.js';

/** 转办 in a browser: the form the registry builds, in Chinese, a refusal in Chinese, the new holder shown. */
describeWithBrowser('the head’s 转办 form in the console', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { session, page, w } = serveConsole({ clock, api: true, signIn: 'head1' });
  let approver4: string;

  beforeAll(async () => {
    const [user] = await session.server.app.get(UsersStore).createAll(
      [
        {
          username: 'approver4',
          password: 'demo-approver4',
          name: '周洁（市场监管审批）',
          role: 'approver',
          department: '150102-market-regulation',
        },
      ],
      'test',
    );
    approver4 = user.userId;
  }, 120_000);

  it('the head hands the task to another approver through the form, all in Chinese', async () => {
    const { caseId } = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const accepted = await w.ok('clerk1', `/api/cases/${caseId}/accept`);
    await w.claimCurrent('approver1', caseId, accepted);
    await page.goto(`${session.server.base}/#/case/${caseId}`);
    await page.locator('button[data-command="ReassignTask"]').click();
    const form = page.locator('#form-ReassignTask');
    await form.waitFor();
    expect(chineseProblems(await form.innerText())).toEqual([]);
    expect(await form.innerText()).not.toMatch(/assignee|reason/);

    // Someone who is not an approver of the department: refused in Chinese, the form stays.
    await page.fill('#cmd-assignee', 'no-such-user');
    await page.fill('#cmd-reason', '原承办人休假');
    await page.click('#submit-ReassignTask');
    const problem = page.locator('#form-ReassignTask [role=alert]').first();
    await problem.waitFor();
    expect(await problem.innerText()).toContain('不是该任务所在部门在岗的审批人员');
    expect(chineseProblems(await problem.innerText())).toEqual([]);

    await page.fill('#cmd-assignee', approver4);
    await page.click('#submit-ReassignTask');
    await page.locator('main', { hasText: '周洁（市场监管审批）' }).waitFor();
    await page.locator('main', { hasText: '转办' }).waitFor();

    expect(await axeViolations(page, 'main')).toEqual([]);
  });
});
