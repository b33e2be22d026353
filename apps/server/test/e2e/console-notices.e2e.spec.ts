import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS, PICKUP_BY_APPLICANT } from '../support/api-world.js';
import { axeViolations } from '../support/screen-checks.js';
import { describeWithBrowser } from '../support/browser.js';
import { chineseProblems } from '../support/chinese-text.js';
import { serveConsole } from '../support/suites.js';

/**
 * Every notice (issue 11 item 5, ADR 0018) as the console prints it from the content the case
 * stored: in Chinese, on one A4 page, axe-clean, no internal code or ISO time, its hash intact, and
 * the 受理通知书 and 送达回证 with the case's QR rating link.
 */
describeWithBrowser('the notices print from what the case stored', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { session, page, w } = serveConsole({ clock, api: true, signIn: 'clerk1' });
  /** [caseId, notice number, title] of every notice issued below. */
  const issued: [string, string, string][] = [];

  async function numbers(caseId: string, after: { position: number }): Promise<string[]> {
    const list = await w.read('clerk1', `/api/cases/${caseId}/notices`, after);
    return (list.notices as { number: string }[]).map((n) => n.number);
  }

  beforeAll(async () => {
    // 收件回执, 受理通知书 and 送达回证.
    const a = await w.receive(DEMO_ITEMS.unemploymentRegistration);
    const accepted = await w.ok('clerk1', `/api/cases/${a.caseId}/accept`);
    await w.claimCurrent('approver3', a.caseId, accepted);
    await w.ok('approver3', `/api/cases/${a.caseId}/approve`, { opinion: '符合条件' });
    await w.ok('clerk1', `/api/cases/${a.caseId}/issue-result`, {
      certificateNumber: 'SY-1',
      electronic: true,
    });
    await w.ok('clerk1', `/api/cases/${a.caseId}/dispatch`, { method: 'window' });
    const delivered = await w.ok('clerk1', `/api/cases/${a.caseId}/deliver`, PICKUP_BY_APPLICANT);
    const [j, acc, s] = await numbers(a.caseId, delivered);
    issued.push([a.caseId, j, '收件回执'], [a.caseId, acc, '受理通知书'], [a.caseId, s, '送达回证']);
    // 容缺受理通知书 and 延期告知书.
    const b = await w.receive(DEMO_ITEMS.foodBusinessLicence, { leaveOut: ['safety-rules'] });
    const detail = await w.read('clerk1', `/api/cases/${b.caseId}`, b);
    await w.ok('clerk1', `/api/cases/${b.caseId}/accept-with-deficiency`, {
      missing: [{ code: 'safety-rules' }],
      supplyBy: detail.deficiencySupplyBy.latest,
      commitmentSigned: true,
    });
    const extended = await w.ok('head1', `/api/cases/${b.caseId}/extend`, { days: 5, reason: '需专家论证' });
    const [, bAcc, e] = await numbers(b.caseId, extended);
    issued.push([b.caseId, bAcc, '容缺受理通知书'], [b.caseId, e, '延期告知书']);
    // 一次性补正告知书.
    const c = await w.receive(DEMO_ITEMS.foodBusinessLicence, { leaveOut: ['layout-and-process'] });
    const corrected = await w.ok('clerk1', `/api/cases/${c.caseId}/request-correction`, {
      items: [{ code: 'layout-and-process', problem: '未提交主要设备设施布局及操作流程文件' }],
    });
    issued.push([c.caseId, (await numbers(c.caseId, corrected))[1], '一次性补正告知书']);
    // 不予受理通知书.
    const d = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const refused = await w.ok('clerk1', `/api/cases/${d.caseId}/refuse`, {
      reason: '申请事项依法不属于本机关职权范围',
      legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项',
      competentAgency: '呼和浩特市市场监督管理局',
    });
    issued.push([d.caseId, (await numbers(d.caseId, refused))[1], '不予受理通知书']);
  }, 120_000);

  const axe = (selector: string) => axeViolations(page, selector);

  it('each of the seven renders in Chinese on one A4 page, axe-clean, its stored hash intact', async () => {
    expect(issued.map(([, number]) => number.replace(/^.*-/, ''))).toEqual([
      'J',
      'A',
      'S',
      'A',
      'E',
      'B',
      'R',
    ]);
    for (const [caseId, number, title] of issued) {
      await page.goto(`${session.server.base}/#/voucher/${caseId}/${number}`);
      const article = page.locator('article.voucher');
      await article.waitFor();
      expect({ number, title: await article.locator('h1').textContent() }).toEqual({ number, title });
      await expect(article.locator('#notice-hash').textContent()).resolves.toMatch(
        /[0-9a-f]{64} · 与存档一致$/,
      );
      // The words a reader reads: no English word, field code or ISO time (the hash and the
      // drawn query code are codes the paper prints on purpose).
      const text = await article.evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelector('#notice-hash')?.remove();
        return copy.innerText;
      });
      const words = text.replace(/办件查询码：[2-9A-Z]{6}/, '办件查询码');
      expect({ number, problems: chineseProblems(words) }).toEqual({ number, problems: [] });
      expect(text).toContain(number);
      // The drawn query code (letters and digits: "MCWBNW" is not a word) is marked not to be
      // translated, and the rest of its line is the catalog's Chinese.
      if (title === '受理通知书') {
        const code = article.locator('span.query-code[translate="no"]');
        await expect(code.textContent()).resolves.toMatch(/^[2-9A-Z]{6}$/);
        await expect(code.locator('xpath=..').textContent()).resolves.toMatch(
          /^办件查询码：[2-9A-Z]{6}（凭办件编号和查询码查询办理进度）$/,
        );
      }
      // The acceptance and delivery notices carry the case's QR rating link, signed as printed.
      const withQr = ['受理通知书', '容缺受理通知书', '送达回证'].includes(title);
      expect({ number, qr: await article.locator('#notice-qr svg').count() }).toEqual({
        number,
        qr: withQr ? 1 : 0,
      });
      expect({ number, axe: await axe('article.voucher') }).toEqual({ number, axe: [] });
      await page.emulateMedia({ media: 'print' });
      const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
      await page.emulateMedia({ media: 'screen' });
      expect({ number, pages: pdf.match(/\/Type\s*\/Page(?!s)/g)?.length }).toEqual({ number, pages: 1 });
    }
  });

  it('the 容缺受理通知书 lists what is missing without saying 申请材料齐全; the refusal names the remedies', async () => {
    const text = async (caseId: string, number: string) => {
      await page.goto(`${session.server.base}/#/voucher/${caseId}/${number}`);
      await page.locator('article.voucher').waitFor();
      return page.locator('article.voucher').innerText();
    };
    const [bCase, bNumber] = issued[3];
    const deficiency = await text(bCase, bNumber);
    expect(deficiency).toContain('容缺待补材料');
    expect(deficiency).not.toContain('申请材料齐全');
    const [dCase, dNumber] = issued[6];
    const refusal = await text(dCase, dNumber);
    expect(refusal).toMatch(/60 日内向.*人民政府申请行政复议/);
    expect(refusal).toMatch(/6 个月内向.*人民法院提起行政诉讼/);
    const [eCase, eNumber] = issued[4];
    expect(await text(eCase, eNumber)).toContain('《中华人民共和国行政许可法》第四十二条');
  });

  it('the case page offers each stored notice', async () => {
    const [caseId] = issued[0];
    await page.goto(`${session.server.base}/#/case/${caseId}`);
    await page.locator('#voucher-delivery').waitFor();
    const labels = await page.locator('a[id^=voucher-]').allInnerTexts();
    expect(labels).toEqual(['收件回执', '受理通知书', '送达回证']);
  });
});
