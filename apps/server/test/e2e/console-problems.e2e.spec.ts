import { randomUUID } from 'node:crypto';
import { ManualClock } from '@one-window/shared';
import { chineseProblems } from '../support/chinese-text.js';
import { DEMO_ITEMS } from '../support/api-world.js';
import { describeWithBrowser } from '../support/browser.js';
import { withRival } from '../support/rival-writer.js';
import { serveConsole } from '../support/suites.js';

/**
 * One problem of every refusal class of the case engine, provoked through the Chinese console the
 * way a clerk, an approver or a head meets it, and read as rendered: Chinese, from the message
 * catalog by the problem's code — no English word, no field pointer, no request id, no ISO time.
 */
describeWithBrowser('every refusal class renders in Chinese on the zh console (issue 11 item 1)', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  let rival: ReturnType<typeof withRival> | undefined;
  const race = (on: boolean) => rival!.race(on);
  const { server, page, w } = serveConsole({
    clock,
    api: true,
    wrapStore: (store) => (rival = withRival(store)).store,
  });

  async function signIn(username: string, password = `demo-${username}`): Promise<void> {
    if (await page.locator('#sign-out').count()) await page.click('#sign-out');
    await page.goto(`${server.base}/#/login`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('#login-form button[type=submit]');
    if (password === `demo-${username}`) await page.locator('#sign-out').waitFor();
  }

  /** The problem now on screen: its code and text, after checking the text is Chinese. */
  async function rendered(code: string): Promise<string> {
    const box = page.locator(`.problem[role=alert][data-code="${code}"]`).last();
    await box.waitFor();
    const text = await box.innerText();
    expect({ code, problems: chineseProblems(text) }).toEqual({ code, problems: [] });
    return text;
  }

  async function openCommand(caseId: string, type: string): Promise<void> {
    await page.goto(`${server.base}/#/case/${caseId}`);
    await page.locator(`button[data-command="${type}"]`).click();
    await page.locator(`#form-${type}`).waitFor();
  }

  async function receiveOnDesk(idNumber = '110101199003074477'): Promise<void> {
    await page.goto(`${server.base}/#/desk/item/${DEMO_ITEMS.foodBusinessLicence}`);
    await page.locator('#application-form').waitFor();
    await page.fill('#name', '张伟');
    await page.fill('#idNumber', idNumber);
    await page.fill('#phone', '13800000000');
    await page.click('#take-application');
  }

  it('invalid input, field by field: a resident ID whose check digit is wrong (the form checks a USCC too)', async () => {
    await signIn('clerk1');
    // The form checks the digit itself (its own refusal); with that check off, the server's is rendered.
    await page.goto(`${server.base}/#/desk/item/${DEMO_ITEMS.foodBusinessLicence}`);
    await page.locator('#application-form').waitFor();
    const idRefusal = () => page.locator('#idNumber').evaluate((i: HTMLInputElement) => i.validationMessage);
    // A company: the ID type follows (统一社会信用代码), and its GB 32100 check digit is checked too.
    await page.selectOption('#kind', 'legal-person');
    await expect(page.locator('#idType').inputValue()).resolves.toBe('uscc');
    await page.fill('#idNumber', '91150102MA00000018');
    await expect(idRefusal()).resolves.toContain('不是有效的统一社会信用代码');
    await page.fill('#idNumber', '91150102MA00000017');
    await expect(idRefusal()).resolves.toBe('');
    await page.selectOption('#kind', 'natural-person');
    await page.fill('#idNumber', '150102199001011231');
    await expect(idRefusal()).resolves.toContain('不是有效的居民身份证号码');
    await page.evaluate(() => {
      document.querySelector<HTMLFormElement>('#application-form')!.noValidate = true;
    });
    await page.fill('#name', '张伟');
    await page.fill('#phone', '13800000000');
    await page.click('#take-application');
    const text = await rendered('invalid-input');
    expect(text).toContain('申请人证件号码：不是有效的居民身份证号码');
  });

  it('the phone field says its format before and when the browser refuses it, in zh and en', async () => {
    const phone = page.locator('#phone');
    const refusalOf = (value: string) =>
      phone.fill(value).then(() => phone.evaluate((i: HTMLInputElement) => i.validationMessage));
    for (const lang of ['zh', 'en'] as const) {
      await signIn('clerk1');
      await page.evaluate((l) => localStorage.setItem('one-window.lang', l), lang);
      await page.goto(`${server.base}/#/desk/item/${DEMO_ITEMS.foodBusinessLicence}`);
      await page.reload();
      await page.locator('#application-form').waitFor();
      const refusal = await refusalOf('12');
      if (lang === 'zh') {
        expect(await phone.getAttribute('title')).toBe(
          '5 至 30 位数字，可含空格、“+”或“-”，如 0471-6600000 或 13800000000',
        );
        expect(refusal).toBe('申请人联系电话：须为 5 至 30 位数字，可含空格、“+”或“-”');
        expect(chineseProblems(refusal)).toEqual([]);
      } else {
        expect(await phone.getAttribute('title')).toMatch(/^5–30 digits, spaces, "\+" or "-", e\.g\. 0471/);
        expect(refusal).toBe('Applicant\'s phone: must be 5–30 digits, spaces, "+" or "-"');
      }
      expect(await refusalOf('0471-6600000')).toBe('');
    }
    await page.evaluate(() => localStorage.setItem('one-window.lang', 'zh'));
    await page.reload();
  });

  it('not found, and another hall’s case (jurisdiction)', async () => {
    await page.goto(`${server.base}/#/case/${randomUUID()}`);
    await rendered('not-found');
    const { caseId } = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    await signIn('clerk2');
    await page.goto(`${server.base}/#/case/${caseId}`);
    await rendered('forbidden.jurisdiction');
  });

  it('not allowed in this state: 受理 on a case another clerk accepted meanwhile', async () => {
    const { caseId } = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    await signIn('clerk1');
    await openCommand(caseId, 'AcceptCase');
    await w.ok('clerk1', `/api/cases/${caseId}/accept`);
    await page.click('#submit-AcceptCase');
    const text = await rendered('not-allowed-in-state');
    expect(text).toMatch(/办件当前为「.+」/);
  });

  it('容缺 refusals: no commitment, a past date, a date after the promised one, a key material', async () => {
    const { caseId } = await w.receive(DEMO_ITEMS.foodBusinessLicence, { leaveOut: ['safety-rules'] });
    const attempt = async (supplyBy: string, commitment: boolean, forgeKey = false) => {
      await openCommand(caseId, 'AcceptWithDeficiency');
      // The form's min and max would stop a date out of range in the browser: the server's refusal is tested.
      await page.evaluate(() => {
        const date = document.querySelector<HTMLInputElement>('#cmd-supplyBy')!;
        date.removeAttribute('min');
        date.removeAttribute('max');
      });
      await page.fill('#cmd-supplyBy', supplyBy);
      await page.setChecked('#cmd-commitmentSigned', commitment);
      if (forgeKey) {
        // The form lists only deferrable materials; a key one is forged in to meet the server's rule.
        await page.evaluate(() => {
          const box = document.createElement('input');
          box.type = 'checkbox';
          box.name = 'd.layout-and-process';
          box.checked = true;
          document.querySelector('#form-AcceptWithDeficiency')?.appendChild(box);
        });
      }
      await page.click('#submit-AcceptWithDeficiency');
      return rendered('invalid-input');
    };
    expect(await attempt('2026-03-06', false)).toContain('申请人须签署容缺受理承诺书');
    expect(await attempt('2026-03-01', true)).toContain('补齐期限：须晚于今天');
    expect(await attempt('2026-03-31', true)).toContain('补齐期限：不能晚于承诺办结日 2026-03-09');
    expect(await attempt('2026-03-06', true, true)).toContain('为核心材料或不在容缺清单内');
  });

  it('extension limits: 15 working days', async () => {
    const { caseId } = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    await w.ok('clerk1', `/api/cases/${caseId}/accept`);
    await signIn('head1');
    await openCommand(caseId, 'ExtendTimeLimit');
    await page.evaluate(() => {
      const days = document.querySelector<HTMLInputElement | HTMLSelectElement>('#cmd-days')!;
      if (days instanceof HTMLSelectElement) days.append(new Option('15', '15'));
      else days.removeAttribute('max');
      days.value = '15';
    });
    await page.fill('#cmd-reason', '需现场核查');
    await page.click('#submit-ExtendTimeLimit');
    expect(await rendered('invalid-input')).toMatch(/延长工作日：须为 1 至 \d+ 之间的整数/);
  });

  it('a request key reused: the answer to an application is lost, the clerk edits it and sends again', async () => {
    await signIn('clerk1');
    // The server writes the case; the connection drops before its answer reaches the desk.
    const application = (url: URL) => url.pathname === '/api/cases';
    await page.route(application, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await receiveOnDesk();
    await page.locator('.problem[role=alert]').waitFor();
    await page.unroute(application);
    // The form keeps its request key until an answer arrives: the edited application reuses it.
    await page.fill('#name', '张薇');
    await page.click('#take-application');
    expect(await rendered('idempotency-key-mismatch')).toContain('该请求标识已用于另一份内容不同的提交');
  });

  it('a concurrency conflict: another server took every case number first', async () => {
    await signIn('clerk1');
    race(true);
    try {
      await receiveOnDesk();
      await rendered('concurrency-conflict');
    } finally {
      race(false);
    }
  });

  it('on the English console: a problem worded from its code in English, with the request id to quote', async () => {
    await signIn('clerk1');
    await page.evaluate(() => localStorage.setItem('one-window.lang', 'en'));
    try {
      await page.goto(`${server.base}/#/case/${randomUUID()}`);
      await page.reload();
      const box = page.locator('.problem[role=alert][data-code="not-found"]').last();
      await box.waitFor();
      const text = await box.innerText();
      expect(text).not.toMatch(/\p{Script=Han}/u);
      expect(text).toContain('Not found');
      expect(text).toMatch(/Request id: \S+/);
    } finally {
      await page.evaluate(() => localStorage.setItem('one-window.lang', 'zh'));
      await page.reload();
      // Settled before the next test moves the clock: a read still in flight then would be a 401.
      await page.locator('.problem[role=alert][data-code="not-found"]').waitFor();
      await page.waitForLoadState('networkidle');
    }
  });

  it('calendar not covered: a receipt in a year before the calendar’s first', async () => {
    clock.set('2003-05-06T02:00:00Z');
    try {
      await signIn('clerk1');
      await receiveOnDesk();
      expect(await rendered('calendar-not-covered')).toContain('2003 年');
    } finally {
      clock.set('2026-03-02T01:30:00Z');
      await page.evaluate(() => localStorage.clear());
    }
  });

  it('sign-in: a wrong password, then too many of them (last: the address stays limited)', async () => {
    // Signed out by the previous test (its session cleared): a fresh login page.
    await page.goto(`${server.base}/#/login`);
    await page.reload();
    await signIn('reviewer1', 'wrong');
    await rendered('unauthorized.wrong-password');
    for (let i = 0; i < 20; i++) {
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
        page.click('#login-form button[type=submit]'),
      ]);
      if (answer.status() === 429) break;
    }
    expect(await rendered('too-many-attempts')).toMatch(/请 \d+ 分钟后再试/);
  });
});
