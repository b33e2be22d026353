import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS, PICKUP_BY_APPLICANT } from '../support/api-world.js';
import { chineseProblems } from '../support/chinese-text.js';
import { serveApi } from '../support/suites.js';

/**
 * Notices over real HTTP (issue 11 item 5, ADR 0018): each command that issues one stores it in the
 * very event it appends (so with its facts or not at all), and a reprint hashes the stored content
 * again and finds the stored SHA-256.
 */
interface Reprint {
  readonly kind: string;
  readonly number: string;
  readonly eventType: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answer's JSON, checked field by field
  readonly content: any;
}

describe('notices are stored with the event that issues them, and reprint intact', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { w } = serveApi({ clock });

  /** The case's notices, each checked by its reprint and found in the timeline's event of its kind. */
  async function notices(caseId: string, after: { position: number }): Promise<Reprint[]> {
    const list = await w.read('clerk1', `/api/cases/${caseId}/notices`, after);
    const timeline = await w.read('clerk1', `/api/cases/${caseId}/timeline`, after);
    const reprints: Reprint[] = [];
    for (const n of list.notices as { number: string; sha256: string; revision: number }[]) {
      const reprint = await w.read('clerk1', `/api/cases/${caseId}/notices/${n.number}`, after);
      expect(reprint).toMatchObject({
        number: n.number,
        sha256: n.sha256,
        computedSha256: n.sha256,
        intact: true,
      });
      expect(n.sha256).toMatch(/^[0-9a-f]{64}$/);
      // The notice is the data of the event the command appended, at that event's revision.
      const entry = timeline.entries.find((e: { type: string }) => e.type === reprint.eventType);
      expect(entry.data.notice).toEqual({
        kind: reprint.kind,
        number: n.number,
        sha256: n.sha256,
        content: reprint.content,
      });
      reprints.push(reprint as Reprint);
    }
    return reprints;
  }

  it('receipt, acceptance and delivery: -J, -A and -S, the query code and phone, the recipient', async () => {
    const { caseId } = await w.atTheWindow();
    const delivered = await w.ok('clerk1', `/api/cases/${caseId}/deliver`, PICKUP_BY_APPLICANT);
    expect(delivered.events).toEqual(['case.Delivered']);

    const detail = await w.read('clerk1', `/api/cases/${caseId}`, delivered);
    const [receipt, acceptance, delivery] = await notices(caseId, delivered);
    expect([receipt, acceptance, delivery].map((n) => [n.kind, n.eventType, n.number])).toEqual([
      ['receipt', 'case.Received', `${detail.caseNumber}-J`],
      ['acceptance', 'case.Accepted', `${detail.caseNumber}-A`],
      ['delivery', 'case.Delivered', `${detail.caseNumber}-S`],
    ]);
    expect(detail.notices.map((n: { number: string }) => n.number)).toEqual([
      receipt.number,
      acceptance.number,
      delivery.number,
    ]);
    expect(acceptance.content).toMatchObject({
      variant: 'complete',
      queryCode: detail.queryCode,
      hall: { phone: expect.stringMatching(/^0471-/) },
    });
    expect(acceptance.content.queryCode).toMatch(/^[2-9A-Z]{6}$/);
    expect(acceptance.content.materials.length).toBeGreaterThan(0);
    expect(delivery.content).toMatchObject({
      outcome: 'approved',
      document: { kind: 'result', number: 'SY-1' },
      recipient: { collectedBy: 'applicant', idTail: PICKUP_BY_APPLICANT.recipient.idNumber.slice(-4) },
    });
    expect(JSON.stringify(delivery.content)).not.toContain(PICKUP_BY_APPLICANT.recipient.idNumber);
  });

  it('correction -B, refusal -R with its review body and limits, extension -E under Art. 42', async () => {
    const short = await w.receive(DEMO_ITEMS.foodBusinessLicence, { leaveOut: ['layout-and-process'] });
    const corrected = await w.ok('clerk1', `/api/cases/${short.caseId}/request-correction`, {
      items: [{ code: 'layout-and-process', problem: '未提交主要设备设施布局及操作流程文件' }],
    });
    const [, correction] = await notices(short.caseId, corrected);
    expect(correction).toMatchObject({ kind: 'correction', eventType: 'case.CorrectionRequested' });
    expect(correction.number).toMatch(/-B$/);
    expect(correction.content.items).toEqual([
      expect.objectContaining({
        code: 'layout-and-process',
        problem: '未提交主要设备设施布局及操作流程文件',
      }),
    ]);

    const wrong = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const refused = await w.ok('clerk1', `/api/cases/${wrong.caseId}/refuse`, {
      reason: '申请事项依法不属于本机关职权范围',
      legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项',
      competentAgency: '呼和浩特市市场监督管理局',
    });
    const [, refusal] = await notices(wrong.caseId, refused);
    expect(refusal.number).toMatch(/-R$/);
    expect(refusal.content.remedies).toEqual({
      reviewAuthority: expect.stringContaining('人民政府'),
      reviewDays: 60,
      court: expect.stringContaining('人民法院'),
      lawsuitMonths: 6,
    });

    const slow = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    await w.ok('clerk1', `/api/cases/${slow.caseId}/accept`);
    const extended = await w.ok('head1', `/api/cases/${slow.caseId}/extend`, {
      days: 5,
      reason: '需专家论证',
    });
    const [, , extension] = await notices(slow.caseId, extended);
    expect(extension).toMatchObject({ kind: 'extension', eventType: 'case.Extended' });
    expect(extension.number).toMatch(/-E$/);
    expect(extension.content).toMatchObject({ days: 5, reason: '需专家论证', basis: ['licensing-law-42'] });
    expect(extension.content.statutoryDueDate > extension.content.previousDueDate).toBe(true);
  });

  it('a number the case never issued is a 404 with Chinese words', async () => {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const { caseNumber } = await w.read('clerk1', `/api/cases/${received.caseId}`, received);
    const number = `${caseNumber}-9`;
    const missing = await w.as('clerk1', 'GET', `/api/cases/${received.caseId}/notices/${number}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'not-found.notice', params: { number } });
    expect(missing.body.detailZh).toBe(`本办件没有编号为 ${number} 的文书。`);
    expect(chineseProblems(missing.body.detailZh)).toEqual([]);
  });
});
