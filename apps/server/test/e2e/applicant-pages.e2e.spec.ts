import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '@one-window/shared';
import type { Page } from 'playwright-core';
import { DEMO_ITEMS } from '../support/api-world.js';
import { call } from '../support/http.js';
import { axeViolations } from '../support/screen-checks.js';
import { README_SCREENSHOTS, describeWithBrowser, launchBrowser } from '../support/browser.js';
import { chineseProblems } from '../support/chinese-text.js';
import { serveConsole } from '../support/suites.js';

// The README's phone screenshots are refreshed on request only: UPDATE_SCREENSHOTS=1 npm test -- applicant-pages.e2e

/**
 * The applicant's side end to end (issue 13 items 3–6): on a phone (375×667) an applicant books a
 * slot, the clerk receives the case with it at the desk, the applicant follows its progress with the
 * query code and rates it by the QR link; the bad rating opens the usual follow-up. Every public
 * screen is checked by axe-core, in Chinese and in English, and nothing is wider than the phone.
 */
describeWithBrowser('the applicant’s pages on a phone', () => {
  // Monday 2 March 2026, 09:30 in Hohhot.
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { session, page: clerk, w } = serveConsole({ clock, api: true });
  let phone: Page;
  let closePhone: () => Promise<void>;
  const at = (hash: string) => `${session.server.base}/applicant/${hash}`;
  /** A fresh load of a public page (a hash change alone would keep a finished form's state). */
  const open = async (hash: string) => {
    await phone.goto('about:blank');
    await phone.goto(at(hash));
    await phone.locator('#page-title').waitFor();
  };
  async function chooseFoodLicence(day?: string): Promise<void> {
    await phone.selectOption('#f-hall', 'hall-150102');
    await phone.selectOption('#f-itemCode', DEMO_ITEMS.foodBusinessLicence);
    if (day) await phone.fill('#f-day', day);
    await phone.dispatchEvent('#f-day', 'change');
  }

  beforeAll(async () => {
    const browser = await launchBrowser();
    closePhone = browser.close;
    phone = browser.context.pages()[0] ?? (await browser.context.newPage());
    phone.setDefaultTimeout(10_000);
    phone.on('pageerror', (e) => console.log('pageerror:', e.message));
    await phone.setViewportSize({ width: 375, height: 667 });
    if (README_SCREENSHOTS) mkdirSync(README_SCREENSHOTS, { recursive: true });
  }, 90_000);
  afterAll(async () => closePhone?.());

  /** axe-core's violations (any impact) on the whole page, and whether anything is wider than the phone. */
  async function check(page: Page): Promise<{ violations: string[]; overflow: number }> {
    return {
      violations: await axeViolations(page),
      overflow: await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    };
  }
  const clean = { violations: [], overflow: 0 };

  /** A screenshot of the phone for the README: zh, 375×667, the whole page. */
  async function screenshot(name: string): Promise<void> {
    if (!README_SCREENSHOTS) return;
    await phone.evaluate(() => window.scrollTo(0, 0));
    await phone.screenshot({ path: join(README_SCREENSHOTS, name), fullPage: true });
  }

  async function inEnglishToo(page: Page, title: string): Promise<void> {
    await page.click('#lang');
    await page.locator('#page-title', { hasText: title }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await expect(check(page)).resolves.toEqual(clean);
    await page.click('#lang');
    await page.locator('#page-title').waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
  }

  it('books, is received with the booking, follows progress by the query code and rates badly by the QR link', async () => {
    // 1. The applicant books today's 10:00 slot at the district hall.
    await open('#/book');
    await expect(phone.locator('#page-title').textContent()).resolves.toBe('预约办理');
    await chooseFoodLicence();
    const ten = phone.locator('input[name=slot][value="10:00"]');
    await ten.waitFor();
    await expect(phone.locator('label.choice', { has: ten }).textContent()).resolves.toBe(
      '10:00–11:00 · 正常时段 · 余 4 个',
    );
    await expect(check(phone)).resolves.toEqual(clean);
    await inEnglishToo(phone, 'Book an appointment');
    await chooseFoodLicence();
    await phone.check('input[name=slot][value="10:00"]');
    await phone.fill('#f-name', '钱伟');
    await phone.fill('#f-phone', '13700000000');
    await phone.fill('#f-idNumber', '91150102MA00000017');
    await screenshot('applicant-booking.png');
    await phone.click('button[type=submit]');
    await phone.locator('.done', { hasText: '预约成功' }).waitFor();
    const number = (await phone.locator('#appointment-number').textContent()) ?? '';
    expect(number).toBe('150102-20260302-1');
    expect(await phone.locator('#appointment-code').textContent()).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    await expect(check(phone)).resolves.toEqual(clean);
    // Booking the same ID number again that day is refused in Chinese, with no code or English in it.
    await open('#/book');
    await chooseFoodLicence();
    await phone.check('input[name=slot][value="11:00"]');
    await phone.fill('#f-name', '钱伟');
    await phone.fill('#f-phone', '13700000000');
    await phone.fill('#f-idNumber', '91150102MA00000017');
    await phone.click('button[type=submit]');
    const refusal = (await phone.locator('.error').textContent()) ?? '';
    expect(refusal).toBe('该证件号码当天已有一个预约，如需调整请修改原预约。');
    expect(chineseProblems(refusal)).toEqual([]);
    // A number whose check digit is wrong (GB 11643's example, last digit changed) is refused in Chinese.
    await phone.fill('#f-idNumber', '110105194912310021');
    await phone.click('button[type=submit]');
    await phone.locator('.error', { hasText: '校验码不符' }).waitFor();
    const wrongDigit = (await phone.locator('.error').textContent()) ?? '';
    expect(wrongDigit).toContain('居民身份证号码（GB 11643）或统一社会信用代码（GB 32100）');
    expect(chineseProblems(wrongDigit)).toEqual([]);

    // 2. The clerk sees it among today's appointments and receives with it.
    const other = await call(session.server.base, 'POST', '/api/public/appointments', {
      body: {
        hall: 'hall-150102',
        itemCode: DEMO_ITEMS.foodBusinessLicence,
        day: '2026-03-02',
        slot: '10:00',
        applicant: { name: '孙强', phone: '13600000000', idNumber: '150102199001010019' },
      },
    });
    await session.signInAs('clerk1');
    await clerk.goto(`${session.server.base}/#/desk`);
    // A no-show before the slot is over is refused, in Chinese.
    const otherRow = clerk.locator(`li[data-appointment="${other.body.appointmentId as string}"]`);
    await otherRow.getByRole('button', { name: '记为未到场' }).click();
    const notOver = (await otherRow.locator('.problem').textContent()) ?? '';
    expect(notOver).toContain('10:00 时段尚未结束，不能记为未到场。');
    expect(chineseProblems(notOver)).toEqual([]);
    await expect(check(clerk)).resolves.toEqual(clean);
    const row = clerk.locator(`li[data-appointment="${number}"]`);
    await expect(row.textContent()).resolves.toContain('10:00–11:00 钱伟 · 食品经营许可（新办） 已预约');
    await row.getByRole('link', { name: '凭预约收件' }).click();
    await clerk.locator('#with-appointment').waitFor();
    await expect(clerk.inputValue('#name')).resolves.toBe('钱伟');
    await expect(clerk.inputValue('#idNumber')).resolves.toBe('91150102MA00000017');
    for (const code of ['application', 'layout-and-process', 'safety-rules'])
      await clerk.check(`input[data-material="${code}"]`);
    await clerk.check('input[name=sharingAuthorized]');
    await clerk.click('#take-application');
    await clerk.locator('#case-number').waitFor();
    const caseId = decodeURIComponent(new URL(clerk.url()).hash.split('/')[2]);
    const today = await w.read('clerk1', '/api/appointments');
    expect(today.items.find((a: { appointmentId: string }) => a.appointmentId === number)).toMatchObject({
      status: 'kept',
      caseId,
    });
    const accepted = await w.ok('clerk1', `/api/cases/${caseId}/accept`);
    const detail = await w.read('clerk1', `/api/cases/${caseId}`, accepted);

    // 3. The applicant follows the case with its number and query code.
    await open('#/progress');
    await phone.fill('#f-caseNumber', detail.caseNumber);
    await phone.fill('#f-code', detail.queryCode.toLowerCase());
    await phone.click('button[type=submit]');
    await phone.locator('.card .stage').waitFor();
    await expect(phone.locator('.card').textContent()).resolves.toContain('受理通知书');
    expect(chineseProblems((await phone.locator('.card .stage').textContent()) ?? '')).toEqual([]);
    await expect(check(phone)).resolves.toEqual(clean);
    // The acceptance notice opens below, as the paper says it, to print or save.
    await phone.click(`button[data-notice="${detail.caseNumber as string}-A"]`);
    const paper = phone.locator('#notice article.voucher');
    await paper.locator('h1', { hasText: '受理通知书' }).waitFor();
    await expect(paper.textContent()).resolves.toContain(`编号：${detail.caseNumber as string}-A`);
    await expect(phone.locator('#notice-hash').textContent()).resolves.toContain('与存档一致');
    await expect(phone.locator('#print-notice').textContent()).resolves.toBe('打印或保存为 PDF');
    await expect(check(phone)).resolves.toEqual(clean);
    await screenshot('applicant-progress.png');

    // 4. …and rates it by the QR link of the pickup receipt: very dissatisfied.
    const link = await w.read('clerk1', `/api/cases/${caseId}/rating-link`);
    await phone.goto(link.url);
    await phone.locator('#page-title', { hasText: '办件评价（一事一评）' }).waitFor();
    await expect(check(phone)).resolves.toEqual(clean);
    await inEnglishToo(phone, 'Rate this case');
    await phone.check('input[name=level][value="5"]');
    await phone.fill('#f-comment', '等候时间太长');
    await screenshot('applicant-rating.png');
    await phone.click('button[type=submit]');
    await phone.locator('.done', { hasText: '感谢您的评价！' }).waitFor();
    await expect(phone.locator('main').textContent()).resolves.toContain('48 小时内');
    await expect(check(phone)).resolves.toEqual(clean);
    // The bad rating opened the usual follow-up.
    const obligations = await w.read('reviewer1', '/api/obligations?status=open');
    expect(obligations.items.map((o: { caseId: string }) => o.caseId)).toContain(caseId);
    // The reviewer's 回访 form asks whether the complaint was verified: no verdict is preselected (issue 11 item 4).
    await session.signInAs('reviewer1');
    await clerk.goto(`${session.server.base}/#/obligations`);
    await clerk
      .locator('#obligation-list tr', { hasText: detail.caseNumber as string })
      .locator('button[data-command="RecordCallback"]')
      .click();
    const verdict = clerk.locator('#form-RecordCallback #cmd-verified');
    await expect(
      verdict.evaluate((s: HTMLSelectElement) => ({
        value: s.value,
        options: [...s.options].map((o) => o.text),
        unanswered: s.validity.valueMissing,
      })),
    ).resolves.toEqual({ value: '', options: ['—', '是', '否'], unanswered: true });
    // The link again: rated already.
    await phone.reload();
    await phone.locator('.done', { hasText: '该办件已评价' }).waitFor();
  });

  it('lets the applicant find, move and cancel a booking by its number and code', async () => {
    await open('#/book');
    await chooseFoodLicence('2026-03-03');
    await phone.check('input[name=slot][value="08:00"]');
    await expect(phone.locator('label.choice', { hasText: '08:00' }).textContent()).resolves.toContain(
      '早晚弹性办',
    );
    await phone.fill('#f-name', '赵丽');
    await phone.fill('#f-phone', '13900000000');
    await phone.fill('#f-idNumber', '150102199001010027');
    await phone.click('button[type=submit]');
    const number = (await phone.locator('#appointment-number').textContent()) ?? '';
    const code = (await phone.locator('#appointment-code').textContent()) ?? '';
    await open('#/mine');
    await phone.fill('#f-appointmentId', number);
    await phone.fill('#f-code', code);
    await phone.click('form button[type=submit]');
    await phone.locator('.card').waitFor();
    await expect(check(phone)).resolves.toEqual(clean);
    await phone.fill('#f-day', '2026-03-03');
    await phone.dispatchEvent('#f-day', 'change');
    await phone.check('input[name=slot][value="17:30"]');
    await phone.getByRole('button', { name: '改约到所选时段' }).click();
    await phone.locator('.card', { hasText: '2026-03-03 17:30 起' }).waitFor();
    await phone.getByRole('button', { name: '取消预约' }).click();
    await phone.locator('.done', { hasText: '预约已取消。' }).waitFor();
    await expect(phone.locator('.card').textContent()).resolves.toContain('已取消');
    await expect(check(phone)).resolves.toEqual(clean);
  });
});
