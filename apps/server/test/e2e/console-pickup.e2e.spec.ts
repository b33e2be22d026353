import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS } from '../support/api-world.js';
import { axeViolations } from '../support/screen-checks.js';
import { describeWithBrowser } from '../support/browser.js';
import { chineseProblems } from '../support/chinese-text.js';
import { serveConsole } from '../support/suites.js';

/** Forms that guide (issue 11 item 4): 容缺's supply-by date, and the recipient 确认领取 records. */
describeWithBrowser('the clerk’s 容缺 and pickup forms in a browser', () => {
  // Monday 2 March 2026, 09:30 in Hohhot.
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { session, page, w } = serveConsole({ clock, api: true, signIn: 'clerk1' });

  async function openCommand(caseId: string, type: string): Promise<void> {
    await page.goto(`${session.server.base}/#/case/${caseId}`);
    await page.locator(`button[data-command="${type}"]`).click();
    await page.locator(`#form-${type}`).waitFor();
  }

  /** axe-core's violations (any impact) in the open form, as the a11y walk counts them. */
  const axeInForm = (type: string) => axeViolations(page, `#form-${type}`);

  const revisionChanged = (before: string | null) =>
    page.waitForFunction(
      (b) => document.querySelector('#case-summary')?.getAttribute('data-revision') !== b,
      before,
    );

  it('容缺受理: the supply-by date defaults to the promised due date, its maximum, said in words', async () => {
    const { caseId } = await w.receive(DEMO_ITEMS.foodBusinessLicence, { leaveOut: ['safety-rules'] });
    await openCommand(caseId, 'AcceptWithDeficiency');
    const date = page.locator('#cmd-supplyBy');
    // Accepted today, the promised limit ends on 2026-03-09 (DOMAIN §4: supplyBy ≤ the promised limit).
    await expect(date.inputValue()).resolves.toBe('2026-03-09');
    await expect(date.getAttribute('max')).resolves.toBe('2026-03-09');
    await expect(date.getAttribute('min')).resolves.toBe('2026-03-03');
    const hint = page.locator(`#${(await date.getAttribute('aria-describedby')) ?? 'none'}`);
    await expect(hint.textContent()).resolves.toBe('最迟 2026-03-09（承诺办结日），默认即此日');
    await expect(axeInForm('AcceptWithDeficiency')).resolves.toEqual([]);
    // A later date is stopped by the browser before anything is sent.
    await page.fill('#cmd-supplyBy', '2026-03-10');
    await expect(date.evaluate((i: HTMLInputElement) => i.validity.rangeOverflow)).resolves.toBe(true);
    await page.fill('#cmd-supplyBy', '2026-03-09');
    await page.check('#cmd-commitmentSigned');
    // An acceptance like 受理: the form says it cannot be undone before its 确认.
    await expect(page.locator('#form-AcceptWithDeficiency .confirm-note').textContent()).resolves.toContain(
      '不能撤回',
    );
    const before = await page.locator('#case-summary').getAttribute('data-revision');
    await page.click('#submit-AcceptWithDeficiency');
    await revisionChanged(before);
    const accepted = await w.read('clerk1', `/api/cases/${caseId}/timeline`);
    const entry = accepted.entries.find((e: { type: string }) => e.type === 'case.AcceptedWithDeficiency');
    expect(entry.data.supplyBy).toBe('2026-03-09');
  });

  it('容缺受理 is offered only when every missing material may be deferred: a key one missing leaves 一次性补正', async () => {
    for (const leaveOut of [['layout-and-process'], ['safety-rules', 'layout-and-process']]) {
      const { caseId, caseNumber } = await w.receive(DEMO_ITEMS.foodBusinessLicence, { leaveOut });
      await page.goto(`${session.server.base}/#/case/${caseId}`);
      await page.locator('#case-number', { hasText: caseNumber as string }).waitFor();
      await page.locator('#actions button[data-command="RequestCorrection"]').waitFor();
      expect({
        leaveOut,
        deficiency: await page.locator('[data-command="AcceptWithDeficiency"]').count(),
      }).toEqual({ leaveOut, deficiency: 0 });
    }
  });

  it('确认领取: the clerk enters an agent as recipient; a wrong ID is refused in Chinese; the timeline names them', async () => {
    const { caseId, ...dispatched } = await w.atTheWindow();
    await w.read('clerk1', `/api/cases/${caseId}`, dispatched);

    await openCommand(caseId, 'DeliverResult');
    await expect(page.locator('#form-DeliverResult .confirm-note').textContent()).resolves.toContain(
      '不能撤回',
    );
    // At the window the recipient must be said: nothing is sent without it.
    await expect(
      page.locator('#cmd-recipient-collectedBy').evaluate((s: HTMLSelectElement) => s.validity.valueMissing),
    ).resolves.toBe(true);
    // The applicant in person: their name and ID come from the case.
    await page.selectOption('#cmd-recipient-collectedBy', 'applicant');
    await expect(page.locator('#cmd-recipient-idType').inputValue()).resolves.toBe('uscc');
    await expect(page.locator('#cmd-recipient-idNumber').inputValue()).resolves.toBe('91150102MA00000017');
    // An agent instead, by the agent's own name and resident ID; the last digit mistyped.
    await page.selectOption('#cmd-recipient-collectedBy', 'agent');
    await page.fill('#cmd-recipient-name', '王芳');
    await page.selectOption('#cmd-recipient-idType', 'resident-id');
    await page.fill('#cmd-recipient-idNumber', '150102199001011231');
    await expect(page.locator('#recipient-summary').textContent()).resolves.toBe(
      '领取人：代理人领取 王芳（居民身份证 …1231）',
    );
    await expect(axeInForm('DeliverResult')).resolves.toEqual([]);
    // The form refuses the check digit itself, in Chinese; with its check off, the server refuses it too.
    await expect(
      page.locator('#cmd-recipient-idNumber').evaluate((i: HTMLInputElement) => i.validationMessage),
    ).resolves.toBe('证件号码不是有效的居民身份证号码：应为 18 位，出生日期真实，末位校验码符合 GB 11643');
    await page.evaluate(() => {
      document.querySelector<HTMLFormElement>('#form-DeliverResult')!.noValidate = true;
    });
    await page.click('#submit-DeliverResult');
    const problem = page.locator('#form-DeliverResult .problem[role=alert][data-code="invalid-input"]');
    await problem.waitFor();
    const text = await problem.innerText();
    expect(chineseProblems(text)).toEqual([]);
    expect(text).toContain('领取人证件号码');
    expect(text).toContain('GB 11643');

    await page.evaluate(() => {
      document.querySelector<HTMLFormElement>('#form-DeliverResult')!.noValidate = false;
    });
    await page.fill('#cmd-recipient-idNumber', '150102199001011230');
    await expect(
      page.locator('#cmd-recipient-idNumber').evaluate((i: HTMLInputElement) => i.validity.valid),
    ).resolves.toBe(true);
    const before = await page.locator('#case-summary').getAttribute('data-revision');
    await page.click('#submit-DeliverResult');
    await revisionChanged(before);
    await expect(page.locator('#case-state').getAttribute('data-state')).resolves.toBe('completed');
    const delivered = page.locator('#timeline li[data-type="case.Delivered"]');
    await expect(delivered.textContent()).resolves.toContain(
      '结果已送达，代理人领取：王芳（居民身份证尾号 1230）',
    );
  });
});
