import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '@one-window/shared';
import type { Page } from 'playwright-core';
import { ApiWorld, DEMO_ITEMS } from '../support/api-world.js';
import { README_SCREENSHOTS, describeWithBrowser } from '../support/browser.js';
import { serveConsole } from '../support/suites.js';

// Screenshots for the README are refreshed on request only: UPDATE_SCREENSHOTS=1 npm test -- console.e2e

/**
 * A case through the console in headless Chromium: the clerk desk takes and accepts it, the
 * approver queue decides it, the clerk hands it out and records the rating, and the administrator
 * replays it event by event.
 */
describeWithBrowser('the web console in a browser', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { session: world, server, page } = serveConsole({ clock });
  let caseUrl: string;
  const signInAs = (username: string) => world.signInAs(username);

  beforeAll(async () => {
    if (README_SCREENSHOTS) mkdirSync(README_SCREENSHOTS, { recursive: true });
  }, 60_000);

  /** Commands that cannot be taken back: their form asks for confirmation even without fields. */
  const IRREVERSIBLE = ['AcceptCase', 'RefuseCase', 'ApproveCase', 'DenyCase', 'DeliverResult'];

  /** Presses a command's button; a command with fields opens its form, which `fill` completes. */
  async function send(command: string, fill?: (page: Page) => Promise<unknown>): Promise<void> {
    const revision = await page.locator('#case-summary').getAttribute('data-revision');
    await page.click(`#actions button[data-command="${command}"]`);
    if (fill || IRREVERSIBLE.includes(command)) {
      await page.locator(`#form-${command}`).waitFor();
      if (IRREVERSIBLE.includes(command)) {
        // Nothing is sent before the clerk confirms.
        expect(await page.locator('#case-summary').getAttribute('data-revision')).toBe(revision);
        expect(await page.locator(`#form-${command} .confirm-note`).textContent()).toContain('不能撤回');
      }
      if (fill) await fill(page);
      await page.click(`#submit-${command}`);
    }
    // The view reloads, reading its own write (?minPosition=): wait for the case's new revision.
    await page.waitForFunction(
      (before) => document.querySelector('#case-summary')?.getAttribute('data-revision') !== before,
      revision,
    );
  }

  /** A screenshot for the README, without the confirmations still fading out. */
  async function screenshot(name: string): Promise<void> {
    if (!README_SCREENSHOTS) return;
    await page.evaluate(() => document.getElementById('toast')?.replaceChildren());
    // At a counter terminal's 1024×768 (the whole page), then back to the walk's own size.
    const size = page.viewportSize();
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(README_SCREENSHOTS, name), fullPage: true });
    if (size) await page.setViewportSize(size);
  }

  async function state(): Promise<string> {
    return (await page.locator('#case-state').getAttribute('data-state')) ?? '';
  }

  it('the clerk desk: picks an item, reads its guide, takes the application and accepts it, with a printable voucher', async () => {
    await signInAs('clerk1');
    expect(page.url()).toMatch(/#\/desk$/);
    await page.click(`tr[data-item="${DEMO_ITEMS.foodBusinessLicence}"]`);
    await page.locator('#guide').waitFor();
    await expect(page.locator('#guide').textContent()).resolves.toContain('可容缺');
    await page.selectOption('#kind', 'legal-person');
    // The applicant's kind picks the usual ID type (统一社会信用代码 for an organisation).
    expect(await page.locator('#idType').inputValue()).toBe('uscc');
    await page.fill('#name', '呼和浩特市青城餐饮有限公司');
    await page.selectOption('#idType', 'uscc');
    await page.fill('#idNumber', '91150102MA00000017');
    await page.fill('#phone', '0471-6600000');
    for (const code of ['application', 'layout-and-process', 'safety-rules'])
      await page.check(`input[name="m.${code}"]`);
    // Art. 11(5): a shared material is collected from the applicant until they authorize fetching it.
    const collectLicence = page.locator(
      'tr[data-shared="business-licence"] input[name="m.business-licence"]',
    );
    expect(await collectLicence.isVisible()).toBe(true);
    await page.check('input[name="sharingAuthorized"]');
    expect(await collectLicence.isVisible()).toBe(false);
    await screenshot('clerk-desk.png');
    await page.click('#take-application');
    await page.locator('#case-number').waitFor();
    caseUrl = page.url();
    expect(await state()).toBe('frontDesk.received');
    expect(await page.locator('#case-number').textContent()).toMatch(/^150102-20260302-\d{4}$/);
    // Only what the clerk may send now is offered.
    const offered = await page
      .locator('#actions button[data-command]')
      .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-command')));
    expect(offered).toEqual(expect.arrayContaining(['AcceptCase', 'RefuseCase', 'WithdrawCase']));
    expect(offered).not.toContain('ApproveCase');
    await send('AcceptCase');
    expect(await state()).toBe('backOffice.underReview');
    await page.click('#voucher-acceptance');
    const voucher = page.locator('article#voucher-acceptance');
    await voucher.waitFor();
    expect(await voucher.textContent()).toContain('受理通知书');
    expect(await voucher.textContent()).toContain('2026-03-09');
    // Printing hides the console around the voucher.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.topbar').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('the approver queue: claims from the department queue, opens the case with its materials, passes; the head approves', async () => {
    clock.set('2026-03-02T02:00:00Z'); // 10:00, half an hour after acceptance
    // A second, green-channel case waits in the department queue (taken over the API).
    const world = await ApiWorld.signIn(server.base);
    const green = await world.receive(DEMO_ITEMS.individualBusinessRegistration, { greenChannel: true });
    const accepted = await world.ok('clerk1', `/api/cases/${green.caseId}/accept`);
    // The queue page reads the read models as they are: let them reach the acceptance first.
    await world.read('approver1', '/api/tasks', accepted);
    await signInAs('approver1');
    expect(page.url()).toMatch(/#\/queue$/);
    // Green channel first (绿色通道), then by due date.
    const queued = page.locator('#department-tasks tbody tr');
    // The queue draws its rows after its filters and counts have loaded: wait for them, then count.
    await queued.first().waitFor();
    expect(await queued.count()).toBe(2);
    expect(await queued.first().textContent()).toContain('绿色通道');
    await queued.nth(1).locator('button[data-claim]').click();
    await page.locator('#my-tasks a[data-open]').first().waitFor();
    expect(await page.locator('#department-tasks tbody tr').count()).toBe(1);
    await screenshot('approver-queue.png');
    await page.click('#my-tasks a[data-open]');
    await page.locator('#case-number').waitFor();
    expect(await page.locator('#case-summary').textContent()).toContain('审查');
    await send('PassTask', (p) => p.fill('#cmd-opinion', '材料齐全，现场核查符合要求'));
    await send('ClaimTask');
    await screenshot('approver-case.png');
    await send('PassTask', (p) => p.fill('#cmd-opinion', '审核通过'));
    expect(await page.locator('#opinions').textContent()).toContain('材料齐全，现场核查符合要求');
    await signInAs('head1');
    await page.goto(caseUrl);
    await page.locator('#case-number').waitFor();
    await send('ClaimTask');
    await send('ApproveCase', (p) => p.fill('#cmd-opinion', '准予许可'));
    expect(await state()).toBe('delivery.awaitingResult');
  });

  it('the clerk hands the result out and records the rating', async () => {
    clock.set('2026-03-02T06:00:00Z');
    await signInAs('clerk1');
    await page.click('#nav a[href="#/pickup"]');
    await page.locator('#delivery-awaitingResult tr.clickable').first().click();
    await page.locator('#case-number').waitFor();
    await send('IssueResult', (p) => p.check('#cmd-electronic'));
    await send('DispatchResult', (p) => p.selectOption('#cmd-method', 'window'));
    // 确认领取 records who collected it: the applicant in person, their ID filled in from the case.
    await send('DeliverResult', (p) => p.selectOption('#cmd-recipient-collectedBy', 'applicant'));
    expect(await state()).toBe('completed');
    await expect(page.locator('#timeline li[data-type="case.Delivered"]').textContent()).resolves.toContain(
      '申请人本人领取',
    );
    // A completed case keeps its due dates and shows when it was completed (issue 11 item 8).
    const summary = (await page.locator('#case-summary').textContent()) ?? '';
    expect(summary).toContain('办结日期');
    expect(summary).toMatch(/法定办结日\s*2026-\d\d-\d\d/);
    await page.click('#actions button[data-command="RateService"]');
    // No level is preselected: the applicant's answer is asked, not assumed (issue 11 item 4).
    expect(await page.locator('#cmd-level').inputValue()).toBe('');
    await page.selectOption('#cmd-level', '1');
    await page.click('#submit-RateService');
    await page.locator('#timeline li[data-type="case.Rated"]').waitFor();
  });

  it('the administrator replays the case event by event and jumps to a time', async () => {
    await signInAs('admin');
    await page.goto(caseUrl);
    await page.click('#open-replay');
    await page.locator('#replay-machine-state').waitFor();
    expect(await page.locator('#replay-machine-state').getAttribute('data-state')).toBe('completed');
    await page.click('#replay-first');
    await page.waitForFunction(
      () =>
        document.querySelector('#replay-machine-state')?.getAttribute('data-state') === 'frontDesk.received',
    );
    expect(await page.locator('#replay-case').textContent()).toContain('"acceptance": null');
    await page.click('#replay-next');
    await page.waitForFunction(
      () =>
        document.querySelector('#replay-machine-state')?.getAttribute('data-state') ===
        'backOffice.underReview',
    );
    expect(await page.locator('#timeline li.current').getAttribute('data-type')).toBe('case.Accepted');
    await screenshot('replay.png');
    // 09:45: accepted at 09:30, nobody had claimed it yet.
    await page.fill('#replay-time', '2026-03-02T09:45');
    await page.click('#replay-jump');
    await page.waitForFunction(
      () => document.querySelector('#timeline li.current')?.getAttribute('data-type') === 'case.TaskCreated',
    );
    expect(await page.locator('#replay-machine-state').getAttribute('data-state')).toBe(
      'backOffice.underReview',
    );
    await page.fill('#replay-time', '2026-03-02T09:00');
    await page.click('#replay-jump');
    await page.waitForFunction(
      () => document.querySelector('#replay-machine-state')?.textContent === '该时刻尚未收件',
    );
    await page.click('#lang-switch');
    await page.locator('#nav a', { hasText: 'Cases' }).waitFor();
  });
});
