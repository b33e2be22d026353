/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are read field by field */
import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS } from '../support/api-world.js';
import { axeViolations } from '../support/screen-checks.js';
import { describeWithBrowser } from '../support/browser.js';
import { queueOfThree } from '../support/queue-cases.js';
import { serveConsole } from '../support/suites.js';

/**
 * The approver's queue at Tasklist level in a browser (issue 11 item 6): the filter bar, the
 * marks and the step's due date on each row, the counts in the menu, and the auto-refresh that
 * keeps the filters and the scroll.
 */
describeWithBrowser('the approver queue in the console', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const suite = serveConsole({ clock, api: true });
  const { session: world, page, w } = suite;
  let plain: any, green: any, deficient: any, last: { position: number };

  beforeAll(async () => {
    ({ plain, green, deficient, last } = await queueOfThree(suite, clock));
    await w.read('approver1', '/api/tasks/counts', last);
  }, 90_000);

  const rowOf = (caseNumber: string) =>
    page.locator('#department-task-list tbody tr', { hasText: caseNumber }).first();
  const waitForRows = (list: string, expected: readonly string[]) =>
    page.waitForFunction(
      ([id, want]) =>
        JSON.stringify(
          [...document.querySelectorAll(`#${id} tbody tr`)].map(
            (tr) => tr.querySelector('td')?.textContent?.split(' ')[0] ?? '',
          ),
        ) === JSON.stringify(want),
      [list, expected] as const,
    );

  const axe = () => axeViolations(page);
  /** What a hall's staff must not read on the screen: ISO times, state paths, ids. */
  const rawOnScreen = async (): Promise<string[]> => {
    const text = await page.evaluate(() => document.querySelector('main')?.innerText ?? '');
    return [
      /\d{4}-\d\d-\d\dT/g,
      /\b[a-z]+\.[a-z]+[A-Z]\w*/g,
      /\b\d{6}-[a-z-]+\b/g,
      /\b[a-z]+(?:-[a-z]+)+\b/g,
    ].flatMap((p) => text.match(p) ?? []);
  };

  it('shows the marks, the step due date and the counts in the menu, in Chinese, axe clean at 1024×768', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await world.signInAs('approver1');
    await page.goto(`${world.server.base}/#/queue`);
    await page.locator('#queue-filter').waitFor();
    await waitForRows('department-task-list', [green.caseNumber, plain.caseNumber, deficient.caseNumber]);
    await expect(rowOf(plain.caseNumber).textContent()).resolves.toContain('延期');
    await expect(rowOf(deficient.caseNumber).textContent()).resolves.toContain('容缺');
    await expect(rowOf(green.caseNumber).textContent()).resolves.toContain('绿色通道');
    // The step's own due date, in China's date format, with its working days left.
    await expect(rowOf(green.caseNumber).locator('.step-due').textContent()).resolves.toMatch(
      /^\d{4}-\d\d-\d\d (剩 \d+ 个工作日|今日到期)$/,
    );
    const counts = page.locator('#nav #queue-counts');
    await expect(counts.locator('[data-count=mine]').textContent()).resolves.toBe('我的在办 0');
    await expect(counts.locator('[data-count=unclaimed]').textContent()).resolves.toBe('待签收 3');
    expect(await rawOnScreen()).toEqual([]);
    expect(await axe()).toEqual([]);
  });

  it('filters by a mark, searches by number and sorts by the received date; the filter outlives a reload', async () => {
    await page.check('#queue-greenChannel');
    await waitForRows('department-task-list', [green.caseNumber]);
    await page.uncheck('#queue-greenChannel');
    await page.check('#queue-deficiency');
    await waitForRows('department-task-list', [deficient.caseNumber]);
    await page.uncheck('#queue-deficiency');
    await page.fill('#queue-q', plain.caseNumber);
    await page.press('#queue-q', 'Enter');
    await waitForRows('department-task-list', [plain.caseNumber]);
    await page.fill('#queue-q', '');
    await page.press('#queue-q', 'Enter');
    await page.selectOption('#queue-sort', 'received');
    await waitForRows('department-task-list', [plain.caseNumber, green.caseNumber, deficient.caseNumber]);
    await page.selectOption('#queue-step', 'decision');
    await waitForRows('department-task-list', []);
    await page.selectOption('#queue-step', '');
    await page.reload();
    await page.locator('#queue-filter').waitFor();
    await expect(page.locator('#queue-sort').inputValue()).resolves.toBe('received');
    await waitForRows('department-task-list', [plain.caseNumber, green.caseNumber, deficient.caseNumber]);
  });

  it('refreshes by itself when the read models move, keeping the filter and the menu counts current', async () => {
    // Claiming shows the case in my list and takes it off the department's unclaimed list.
    await rowOf(green.caseNumber).locator('[data-claim]').click();
    await waitForRows('my-task-list', [green.caseNumber]);
    await waitForRows('department-task-list', [plain.caseNumber, deficient.caseNumber]);
    // A case accepted at the desk meanwhile arrives without a click, the order kept (oldest first).
    const another = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    await w.ok('clerk1', `/api/cases/${another.caseId}/accept`);
    await waitForRows('department-task-list', [plain.caseNumber, deficient.caseNumber, another.caseNumber]);
    await expect(page.locator('#queue-sort').inputValue()).resolves.toBe('received');
    await page.locator('#queue-updated:has-text("待办已于")').waitFor();
    expect(await rawOnScreen()).toEqual([]);
    await expect(page.locator('#queue-counts [data-count=unclaimed]').textContent()).resolves.toBe(
      '待签收 3',
    );
    await expect(page.locator('#queue-counts [data-count=mine]').textContent()).resolves.toBe('我的在办 1');
  });

  it('reads the same in English at 1366×768, axe clean', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.evaluate(() => localStorage.setItem('one-window.lang', 'en'));
    await page.reload();
    await page.locator('#queue-filter').waitFor();
    await expect(page.locator('label[for=queue-sort]').textContent()).resolves.toBe('Order');
    await expect(page.locator('#queue-counts [data-count=unclaimed]').textContent()).resolves.toBe(
      'Unclaimed 3',
    );
    await expect(rowOf(plain.caseNumber).textContent()).resolves.toContain('Extended');
    expect(await rawOnScreen()).toEqual([]);
    expect(await axe()).toEqual([]);
    await page.evaluate(() => localStorage.setItem('one-window.lang', 'zh'));
  });

  it("offers the step's 常用意见 in the opinion form; one chosen fills the field and the task passes with it", async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.reload();
    await page.goto(`${world.server.base}/#/case/${green.caseId as string}`);
    await page.click('[data-command=PassTask]');
    const picker = page.locator('#form-PassTask #cmd-standard-opinion');
    await picker.waitFor();
    await expect(page.locator('label[for=cmd-standard-opinion]').textContent()).resolves.toBe('常用意见');
    const first = '材料齐全，符合法定形式，审查通过，提交审核。';
    await picker.selectOption(first);
    await expect(page.locator('#cmd-opinion').inputValue()).resolves.toBe(first);
    await page.fill('#cmd-opinion', `${first}经营场所已核查。`);
    expect(await axe()).toEqual([]);
    await page.click('#submit-PassTask');
    await page.locator(`#opinions:has-text("${first}经营场所已核查。")`).waitFor();
  });

  /** Presses Tab until the focused element matches (at most `max` presses); fails if it never does. */
  async function tabTo(selector: string, max = 80): Promise<void> {
    for (let n = 0; n < max; n++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  it('walks the queue by keyboard alone: search, filter, claim and open a case with Tab and Enter', async () => {
    await page.goto(`${world.server.base}/#/queue`);
    await page.locator('#queue-filter').waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo('#queue-q');
    await page.keyboard.type(deficient.caseNumber as string);
    await page.keyboard.press('Enter');
    await waitForRows('department-task-list', [deficient.caseNumber]);
    await tabTo('#department-task-list [data-claim]');
    await page.keyboard.press('Enter');
    await waitForRows('my-task-list', [deficient.caseNumber]);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(`#my-task-list a[href="#/case/${deficient.caseId as string}"]`);
    await page.keyboard.press('Enter');
    await page.locator('[data-command=PassTask]').waitFor();
    await tabTo('[data-command=PassTask]');
    await page.keyboard.press('Enter');
    await page.locator('#cmd-opinion').waitFor();
    await tabTo('#cmd-opinion');
    await page.keyboard.type('材料齐全，同意。');
    await tabTo('#submit-PassTask');
    await page.keyboard.press('Enter');
    await page.locator('#opinions:has-text("材料齐全，同意。")').waitFor();
  });

  it('walks the desk by keyboard alone: an item’s application form filled, a material ticked, sent', async () => {
    await world.signInAs('clerk1');
    await page.goto(`${world.server.base}/#/desk`);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(`a[href="#/desk/item/${DEMO_ITEMS.foodBusinessLicence}"]`, 120);
    await page.keyboard.press('Enter');
    await page.locator('#application-form').waitFor();
    await tabTo('#application-form input, #application-form select, #application-form textarea', 120);
    expect(await page.evaluate(() => document.activeElement?.closest('#application-form') !== null)).toBe(
      true,
    );
    await tabTo('#name');
    await page.keyboard.type('张伟');
    await tabTo('#idNumber');
    await page.keyboard.type('110101199003074477');
    await tabTo('#phone');
    await page.keyboard.type('13800000000');
    await tabTo('#application-form input[data-material]');
    await page.keyboard.press('Space');
    expect(await page.locator('#application-form input[data-material]').first().isChecked()).toBe(true);
    await tabTo('#take-application', 120);
    await page.keyboard.press('Enter');
    await page.locator('#case-number').waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('张伟');
  });
});
