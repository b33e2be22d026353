import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { UsersStore } from '@one-window/identity';
import { ManualClock } from '@one-window/shared';
import type { Page } from 'playwright-core';
import { ApiWorld, DEMO_ITEMS } from '../support/api-world.js';
import { CHROMIUM } from '../support/browser.js';
import { chineseProblems } from '../support/chinese-text.js';
import { type ConsoleWorld, startConsoleWorld } from '../support/console-world.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const describeWithBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn(`skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

/** 转办 in a browser: the form the registry builds, in Chinese, a refusal in Chinese, the new holder shown. */
describeWithBrowser('the head’s 转办 form in the console', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  let session: ConsoleWorld;
  let page: Page;
  let w: ApiWorld;
  let approver4: string;

  beforeAll(async () => {
    session = await startConsoleWorld(clock);
    page = session.page;
    w = await ApiWorld.signIn(session.server.base);
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
    await session.signIn('head1', 'demo-head1');
  }, 120_000);
  afterAll(async () => session?.close());

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

    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      type Run = (context: string, options: object) => Promise<{ violations: { id: string }[] }>;
      const { axe } = window as unknown as { axe: { run: Run } };
      return (await axe.run('main', { resultTypes: ['violations'] })).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
  });
});
