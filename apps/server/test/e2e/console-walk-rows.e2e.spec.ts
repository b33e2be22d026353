import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS, PICKUP_BY_APPLICANT } from '../support/api-world.js';
import { describeWithBrowser } from '../support/browser.js';
import { HOURLY_TIMERS, serveConsole } from '../support/suites.js';
import { axeViolations, bareEnglishWords, rawValues } from '../support/screen-checks.js';

type Lang = 'zh' | 'en';

/** A screen with the rows it must show: `{name}` a seeded case's number, `list` the table that holds it. */
interface Screen {
  readonly at: string;
  readonly rows: readonly { readonly list: string; readonly case: string }[];
  /** Command forms opened on it in turn (the next replaces it), each checked as shown, never sent. */
  readonly open?: readonly string[];
}

/**
 * The screens the a11y walk sees empty, walked with rows in them (`{name}` in a screen: that
 * case's id): a result awaiting pickup, receipts past and near their acceptance decision (超期 and
 * 临期), accepted cases past and near their decision (green channel), a completed case, and bad
 * ratings' 回访 — open, overdue, called back (its 整改/说明 forms opened) and closed — each in
 * Chinese at a counter terminal's 1024×768 and in English at 1366×768 and at 1024×768 (its longer
 * words are the tighter fit), axe clean, no internal code, no ISO time, no bare English word on a
 * Chinese screen, nothing wider than the window.
 */
const SCREENS: Record<string, readonly Screen[]> = {
  clerk1: [
    { at: '#/pickup', rows: [{ list: 'main', case: 'pickup' }] },
    {
      at: '#/deadlines',
      rows: [
        { list: 'red-list', case: 'decisionLate' },
        { list: 'yellow-list', case: 'decisionNear' },
        { list: 'acceptance-list', case: 'received' },
        { list: 'acceptance-list', case: 'nearer' },
      ],
    },
    { at: '#/cases', rows: [{ list: 'case-list', case: 'completed' }] },
    { at: '#/case/{completed}', rows: [{ list: 'main', case: 'completed' }] },
    { at: '#/case/{pickup}', rows: [{ list: 'main', case: 'pickup' }] },
    { at: '#/case/{received}', rows: [{ list: 'main', case: 'received' }] },
    { at: '#/voucher/{received}/receipt', rows: [{ list: 'main', case: 'received' }] },
    { at: '#/voucher/{completed}/delivery', rows: [{ list: 'main', case: 'completed' }] },
    { at: '#/desk', rows: [] },
  ],
  approver1: [
    { at: '#/queue', rows: [{ list: 'main', case: 'decisionLate' }] },
    { at: '#/case/{decisionLate}', rows: [{ list: 'main', case: 'decisionLate' }] },
    { at: '#/deadlines', rows: [{ list: 'red-list', case: 'decisionLate' }] },
  ],
  head1: [
    {
      at: '#/cases',
      rows: [
        { list: 'case-list', case: 'decisionLate' },
        { list: 'case-list', case: 'received' },
      ],
    },
    {
      at: '#/deadlines',
      rows: [
        { list: 'red-list', case: 'decisionLate' },
        { list: 'yellow-list', case: 'decisionNear' },
        { list: 'acceptance-list', case: 'received' },
      ],
    },
    { at: '#/stats', rows: [] },
  ],
  reviewer1: [
    {
      at: '#/obligations',
      rows: [
        { list: 'obligation-list', case: 'rated' },
        { list: 'obligation-list', case: 'callbackLate' },
      ],
    },
    { at: '#/obligations?status=overdue', rows: [{ list: 'obligation-list', case: 'callbackLate' }] },
    {
      at: '#/obligations',
      rows: [{ list: 'obligation-list', case: 'calledBack' }],
      open: ['RecordCallback', 'RectifyObligation', 'ExplainObligation'],
    },
    { at: '#/obligations?status=closed', rows: [{ list: 'obligation-list', case: 'closed' }] },
    { at: '#/case/{rated}', rows: [{ list: 'main', case: 'rated' }] },
    { at: '#/cases', rows: [{ list: 'case-list', case: 'rated' }] },
  ],
  admin: [
    { at: '#/stats', rows: [] },
    { at: '#/obligations', rows: [{ list: 'obligation-list', case: 'rated' }] },
    { at: '#/replay/{rated}', rows: [{ list: 'main', case: 'rated' }] },
    { at: '#/projections', rows: [] },
    { at: '#/calendar', rows: [] },
    { at: '#/cases', rows: [{ list: 'case-list', case: 'completed' }] },
  ],
};

describeWithBrowser('the console walked with rows on its lists', () => {
  // Received Monday 2 March 2026: the acceptance decision is due Monday 9 March.
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const suite = serveConsole({ clock, config: HOURLY_TIMERS, api: true });
  const { session: world, server, page, w: api } = suite;
  /** Each seeded case's number, and its id for the screens' `{name}`. */
  const numbers: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const at = (screen: string) =>
    `${server.base}/${screen.replace(/\{(\w+)\}/g, (_, name: string) => ids[name])}`;

  beforeAll(async () => {
    const number = async (name: string, caseId: string, after?: { position: number }) => {
      ids[name] = caseId;
      numbers[name] = (
        (await api.read('clerk1', `/api/cases/${caseId}`, after)) as { caseNumber: string }
      ).caseNumber;
    };
    const received = await api.receive(DEMO_ITEMS.foodBusinessLicence);
    await number('received', received.caseId);
    // Green channel, accepted the same day: its decision is late on 10 March too, in approver1's queue.
    const accepted = await api.receive(DEMO_ITEMS.foodBusinessLicence, { greenChannel: true });
    await number(
      'decisionLate',
      accepted.caseId,
      await api.ok('clerk1', `/api/cases/${accepted.caseId}/accept`),
    );
    // A result handed out at the window and rated 非常不满意: its 回访 is due within 48 hours.
    const ratedBadly = async (name: string): Promise<{ position: number }> => {
      const { caseId } = await api.atTheWindow();
      await number(name, caseId);
      await api.ok('clerk1', `/api/cases/${caseId}/deliver`, PICKUP_BY_APPLICANT);
      const rating = (await api.ok('clerk1', `/api/cases/${caseId}/rate`, {
        level: 5,
        channel: 'window-device',
      })) as { position: number };
      return rating;
    };
    // Thursday 5 March: a receipt whose acceptance decision (12 March) is near on the 10th, a green
    // channel case whose decision is near then too, and a bad rating whose 回访 is overdue by then.
    clock.set('2026-03-05T02:00:00Z');
    await suite.signInAgain();
    await number('nearer', (await api.receive(DEMO_ITEMS.foodBusinessLicence)).caseId);
    const near = await api.receive(DEMO_ITEMS.foodBusinessLicence, { greenChannel: true });
    await number('decisionNear', near.caseId, await api.ok('clerk1', `/api/cases/${near.caseId}/accept`));
    await ratedBadly('callbackLate');
    // Tuesday 10 March: a result at the window, a completed case and a fresh bad rating.
    clock.set('2026-03-10T02:00:00Z');
    await suite.signInAgain();
    const pickup = await api.atTheWindow();
    await number('pickup', pickup.caseId, pickup);
    const completed = await api.atTheWindow();
    await number('completed', completed.caseId);
    await api.ok('clerk1', `/api/cases/${completed.caseId}/deliver`, PICKUP_BY_APPLICANT);
    await ratedBadly('rated');
    // Two called back the same day: one waits for its rectification, one is rectified (closed).
    const callBack = async (name: string): Promise<string> => {
      const rating = await ratedBadly(name);
      const open = (await api.read('reviewer1', '/api/obligations?status=open', rating)) as {
        items: { caseId: string; obligationId: string }[];
      };
      const { obligationId } = open.items.find((o) => o.caseId === ids[name]) ?? { obligationId: '' };
      await api.ok('reviewer1', `/api/obligations/${obligationId}/callback`, {
        notes: '已电话回访，情况属实',
        verified: true,
      });
      return obligationId;
    };
    await callBack('calledBack');
    const rectified = await api.ok('reviewer1', `/api/obligations/${await callBack('closed')}/rectify`, {
      measures: '增设取号引导岗，开展窗口服务规范培训',
    });
    await api.read('admin', '/api/obligations', rectified);
  }, 120_000);

  /** What is wrong with the screen as shown: a missing row, a raw value, English on zh, overflow, axe. */
  async function screenProblems(screen: Screen, lang: Lang): Promise<string[]> {
    const problems: string[] = [];
    if (await page.locator('main .problem').count()) problems.push(`${screen.at}: shows a problem`);
    for (const { list, case: name } of screen.rows) {
      const text = await page.locator(list === 'main' ? 'main' : `#${list}`).innerText();
      if (!text.includes(numbers[name])) problems.push(`${screen.at}: ${list} lacks the ${name} case`);
    }
    const wide = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth - window.innerWidth,
      elements: [...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .map((e) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '')),
    }));
    if (wide.scroll > 0) problems.push(`${screen.at}: ${wide.scroll}px wider than the window`);
    for (const e of wide.elements.slice(0, 5)) problems.push(`${screen.at}: ${e} runs off the window`);
    // A chart keeps the width it is drawn for (560 px) on a wide screen, not its column's.
    const charts = await page
      .locator('svg.chart')
      .evaluateAll((svgs) =>
        svgs.map((c) => ({ max: getComputedStyle(c).maxWidth, width: c.getBoundingClientRect().width })),
      );
    for (const c of charts)
      if (c.max === 'none' || c.width > 560.5)
        problems.push(`${screen.at}: a chart ${c.width}px wide, max-width ${c.max}`);
    for (const raw of await rawValues(page, lang)) problems.push(`${screen.at}: shows "${raw}"`);
    if (lang === 'zh')
      for (const word of await bareEnglishWords(page)) problems.push(`${screen.at}: English "${word}"`);
    for (const v of await axeViolations(page)) problems.push(`${screen.at}: ${v}`);
    return problems;
  }

  for (const [lang, size] of [
    ['zh', { width: 1024, height: 768 }],
    ['en', { width: 1366, height: 768 }],
    ['en', { width: 1024, height: 768 }],
  ] as const)
    for (const [user, screens] of Object.entries(SCREENS))
      it(`${user} in ${lang} at ${size.width}×${size.height}: the lists with their rows, axe clean, nothing raw`, async () => {
        await page.setViewportSize(size);
        await world.signInAs(user);
        await page.evaluate((l) => localStorage.setItem('one-window.lang', l), lang);
        try {
          await page.reload();
          await page.locator('#sign-out').waitFor();
          const problems: string[] = [];
          for (const screen of screens) {
            await page.goto(at(screen.at));
            await page.waitForLoadState('networkidle');
            await page.locator('main h1').first().waitFor();
            await page.waitForTimeout(150);
            problems.push(...(await screenProblems(screen, lang)));
            for (const command of screen.open ?? []) {
              await page.locator(`button[data-command="${command}"]`).first().click();
              await page.locator(`#form-${command}`).waitFor();
              problems.push(...(await screenProblems({ ...screen, at: `${screen.at} ${command}` }, lang)));
            }
          }
          expect(problems).toEqual([]);
        } finally {
          await page.evaluate(() => localStorage.setItem('one-window.lang', 'zh'));
        }
      });
});
