import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS, PICKUP_BY_APPLICANT } from '../support/api-world.js';
import { describeWithBrowser } from '../support/browser.js';
import { serveConsole } from '../support/suites.js';
import { axeViolations, bareEnglishWords, rawValues } from '../support/screen-checks.js';

/**
 * A screen of the walk; `open`: the command forms opened on it (at 1024×768), each checked as shown
 * and then replaced by the next, never sent.
 */
type Screen = string | { readonly at: string; readonly open: readonly string[] };

/**
 * The screens of each role, as a counter terminal shows them: `{case}` a case in the back office,
 * `{received}` one awaiting the acceptance decision, `{deciding}` one whose decision step approver3
 * holds, `{ready}` one awaiting 确认领取, `{completed}` one not yet rated; the reviewer's list holds a
 * bad rating's follow-up.
 */
const SCREENS: Record<string, readonly Screen[]> = {
  clerk1: [
    '#/desk',
    `#/desk/item/${DEMO_ITEMS.foodBusinessLicence}`,
    '#/pickup',
    '#/cases',
    '#/deadlines',
    '#/case/{case}',
    { at: '#/case/{received}', open: ['AcceptCase', 'RefuseCase', 'RequestCorrection'] },
    { at: '#/case/{ready}', open: ['DeliverResult'] },
    { at: '#/case/{completed}', open: ['RateService'] },
    '#/voucher/{case}/acceptance',
  ],
  approver1: ['#/queue', '#/cases', '#/deadlines', '#/case/{case}'],
  approver3: [{ at: '#/case/{deciding}', open: ['ApproveCase', 'DenyCase', 'ReturnTask'] }],
  head1: ['#/queue', '#/stats', '#/cases', '#/deadlines', { at: '#/case/{case}', open: ['ExtendTimeLimit'] }],
  reviewer1: [{ at: '#/obligations', open: ['RecordCallback'] }, '#/cases'],
  admin: [
    '#/cases',
    '#/deadlines',
    '#/obligations',
    '#/stats',
    '#/projections',
    '#/calendar',
    '#/replay/{case}',
  ],
};

/** The commands whose form says 此操作办理后不能撤回 before its 确认 (command-forms.ts). */
const IRREVERSIBLE = [
  'AcceptCase',
  'AcceptWithDeficiency',
  'RefuseCase',
  'WithdrawCase',
  'ApproveCase',
  'DenyCase',
  'DeliverResult',
];

/**
 * The console at a counter terminal's 1024×768 and a 1366×768 laptop, signed out and as each role:
 * every navigation link can be clicked (nothing covers it), nothing is wider than the window (the
 * issue's statistics chart ran off a 1024 screen), and axe-core finds no violation of any
 * impact on any screen — the sign-in, a printed notice and the command forms included — in Chinese and in English.
 */
describeWithBrowser('the console at 1024×768 and 1366×768, checked by axe-core', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { session: world, server, page, w } = serveConsole({ clock, api: true });
  let ids: Record<string, string>;
  const at = (screen: string) =>
    `${server.base}/${screen.replace(/\{(\w+)\}/g, (_, name: string) => ids[name])}`;
  const signInAs = (username: string) => world.signInAs(username);

  beforeAll(async () => {
    // Something on every list: a received case, one in the back office, one at its decision step…
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const accepted = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    await w.ok('clerk1', `/api/cases/${accepted.caseId}/accept`, {});
    const deciding = await w.receive(DEMO_ITEMS.unemploymentRegistration);
    await w.claimCurrent(
      'approver3',
      deciding.caseId,
      await w.ok('clerk1', `/api/cases/${deciding.caseId}/accept`),
    );
    // …one on the pickup list, one handed out, and one rated 非常不满意 whose follow-up waits for 回访.
    const ready = await w.atTheWindow();
    const completed = await w.atTheWindow();
    await w.ok('clerk1', `/api/cases/${completed.caseId}/deliver`, PICKUP_BY_APPLICANT);
    const rated = await w.atTheWindow();
    await w.ok('clerk1', `/api/cases/${rated.caseId}/deliver`, PICKUP_BY_APPLICANT);
    await w.ok('clerk1', `/api/cases/${rated.caseId}/rate`, { level: 5, channel: 'window-device' });
    ids = {
      case: accepted.caseId,
      received: received.caseId,
      deciding: deciding.caseId,
      ready: ready.caseId,
      completed: completed.caseId,
    };
  }, 60_000);

  /** Navigation links that another element covers at their centre (so a click would miss them). */
  async function coveredNavLinks(): Promise<string[]> {
    return page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('nav a')]
        .filter((a) => {
          const r = a.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) return true;
          const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return !at || (at !== a && !a.contains(at));
        })
        .map((a) => a.textContent ?? a.href),
    );
  }

  /** What is wrong with the screen as shown: a covered nav link, a raw value, an axe violation. */
  async function screenProblems(screen: string, lang: 'zh' | 'en'): Promise<string[]> {
    const problems: string[] = [];
    // An error in place of the screen would pass every check below.
    if (await page.locator('main .problem').count()) problems.push(`${screen}: shows a problem`);
    for (const link of await coveredNavLinks()) problems.push(`${screen}: nav link "${link}" is covered`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) problems.push(`${screen}: ${overflow}px wider than the window`);
    for (const raw of await rawValues(page, lang)) problems.push(`${screen}: shows "${raw}"`);
    if (lang === 'zh')
      for (const word of await bareEnglishWords(page)) problems.push(`${screen}: English "${word}"`);
    for (const v of await axeViolations(page)) problems.push(`${screen}: ${v}`);
    return problems;
  }

  /** Opens each command form of a screen in turn (the next replaces it) and checks it as shown. */
  async function formProblems(
    screen: string,
    commands: readonly string[],
    lang: 'zh' | 'en',
  ): Promise<string[]> {
    const problems: string[] = [];
    for (const command of commands) {
      await page.locator(`button[data-command="${command}"]`).first().click();
      const form = page.locator(`#form-${command}`);
      await form.waitFor();
      if (IRREVERSIBLE.includes(command) && !(await form.locator('.confirm-note').count()))
        problems.push(`${screen} ${command}: no confirmation note`);
      problems.push(...(await screenProblems(`${screen} ${command} form`, lang)));
    }
    return problems;
  }

  for (const lang of ['zh', 'en'] as const)
    for (const size of [
      { width: 1024, height: 768 },
      { width: 1366, height: 768 },
    ]) {
      it(`signed out in ${lang} at ${size.width}×${size.height}: the sign-in screen, no axe violation`, async () => {
        await page.setViewportSize(size);
        await page.goto(at('#/login'));
        if (await page.locator('#sign-out').count()) await page.click('#sign-out');
        await page.evaluate((l) => localStorage.setItem('one-window.lang', l), lang);
        await page.goto(at('#/login'));
        await page.reload();
        await page.locator('#login-form').waitFor();
        const text = (await page.locator('main').textContent()) ?? '';
        expect(/[\u4e00-\u9fff]/.test(text)).toBe(lang === 'zh');
        expect(await screenProblems('#/login', lang)).toEqual([]);
      });

      for (const [user, screens] of Object.entries(SCREENS)) {
        it(`${user} in ${lang} at ${size.width}×${size.height}: every nav link clickable, no axe violation`, async () => {
          await page.setViewportSize(size);
          await signInAs(user);
          await page.evaluate((l) => localStorage.setItem('one-window.lang', l), lang);
          await page.reload();
          await page.locator('#sign-out').waitFor();
          const nav = (await page.locator('nav').textContent()) ?? '';
          expect(/[\u4e00-\u9fff]/.test(nav)).toBe(lang === 'zh');
          const problems: string[] = [];
          for (const entry of screens) {
            const screen = typeof entry === 'string' ? entry : entry.at;
            await page.goto(at(screen));
            await page.waitForLoadState('networkidle');
            await page.waitForTimeout(150);
            problems.push(...(await screenProblems(screen, lang)));
            // The forms at the counter terminal's size only: their layout is the page's.
            if (typeof entry !== 'string' && size.width === 1024)
              problems.push(...(await formProblems(screen, entry.open, lang)));
          }
          expect(problems).toEqual([]);
        });
      }
    }
});
