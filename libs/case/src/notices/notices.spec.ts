/**
 * The notices a case issues (issue 11 item 5, ADR 18): each triggering event carries its notice —
 * content, number with its kind's suffix, SHA-256 — and folding keeps the list of numbers.
 */
import type { Actor } from '@one-window/shared';
import type { CaseEvent } from '../events.js';
import { messages } from '@one-window/shared';
import { CaseDriver } from '../testing/case-driver.js';
import {
  BY_APPLICANT,
  GUIDE,
  ONE_STEP_GUIDE,
  application,
  approver,
  clerk,
  head,
  incompleteApplication,
  system,
} from '../testing/fixtures.js';
import { foldCase } from '../domain/case-state.js';
import { buildNotice, noticeNumber, type NoticeEnvironment } from './build-notice.js';
import { foldWithNotices, noticeHash, noticeIntact } from './issue-notices.js';
import type { IssuedNotice, NoticeContent } from './notice-content.js';
import { DEFICIENCY_ACCEPTANCE, at, correctionRequest } from '../testing/scenarios.js';

const HALL = { name: '呼和浩特市新城区政务服务大厅', phone: '0471-6960003', address: '新城区海拉尔东街' };
const env = (actor: Actor): NoticeEnvironment => ({
  hall: HALL,
  agency: '新城区市场监督管理局',
  reviewAuthority: '呼和浩特市新城区人民政府',
  court: '呼和浩特市新城区人民法院',
  issuedBy: actor.role === 'system' ? null : actor.name,
});

/** The case driver, folding as the executor does: each event that issues a notice carries it. */
class NoticeDriver extends CaseDriver {
  protected override fold(decided: CaseEvent[], actor: Actor): CaseEvent[] {
    const { events, states } = foldWithNotices(this.state, decided, this.events.length, () => env(actor));
    if (states.length) this.state = states[states.length - 1];
    this.events.push(...events);
    return [...events];
  }

  notice(kind: IssuedNotice['kind'], nth = 1): IssuedNotice {
    const found = this.events
      .map((e, index) => ({ index, notice: 'notice' in e.data ? e.data.notice : undefined }))
      .filter((n): n is { index: number; notice: IssuedNotice } => n.notice?.kind === kind);
    if (!found[nth - 1]) throw new Error(`no ${kind} notice #${nth}`);
    const { index, notice } = found[nth - 1];
    // The fold builds a notice from its own reducer's context; the machine's fold of the events
    // before it and of the event itself must give the same content (one transition per event).
    const before = foldCase(this.events.slice(0, index));
    const after = foldCase(this.events.slice(0, index + 1));
    const actor = notice.content.issuedBy === null ? system : clerk;
    const rebuilt = buildNotice(before?.context ?? null, after!.context, this.events[index], {
      ...env(actor),
      issuedBy: notice.content.issuedBy,
    });
    expect(rebuilt).toEqual(notice.content);
    return notice;
  }
}

const received = (app = application()) => new NoticeDriver().given([clerk, app, at('2026-03-02')]);
const CASE_NUMBER = '150102-20260302-0001';

const common = (number: string, issuedOn: string, issuedBy: string | null = '王丽') => ({
  number,
  caseNumber: CASE_NUMBER,
  issuedOn,
  issuedBy,
  hall: HALL,
  agency: '新城区市场监督管理局',
  applicant: { name: '呼和浩特市青城餐饮有限公司', kind: 'legal-person' },
  agent: null,
  item: { code: GUIDE.code, name: GUIDE.name },
  receivedOn: '2026-03-02',
});

describe('收件回执 — at receipt', () => {
  it('lists what was handed in and what was not, and the day the hall answers by (Law Art. 32)', () => {
    const n = received(incompleteApplication()).notice('receipt');
    expect(n).toMatchObject({ kind: 'receipt', number: `${CASE_NUMBER}-J` });
    expect(n.content).toEqual({
      kind: 'receipt',
      ...common(`${CASE_NUMBER}-J`, '2026-03-02'),
      basis: ['licensing-law-32', 'regulation-27'],
      received: [
        { code: 'application', name: 'application', form: 'original' },
        { code: 'layout', name: 'layout', form: 'original' },
      ],
      missing: [
        { code: 'safety-rules', name: 'safety-rules' },
        { code: 'staff-health', name: 'staff-health' },
      ],
      answerBy: '2026-03-09',
    });
  });

  it('is stored with its SHA-256 over the content’s canonical JSON, and folds into the case’s notices', () => {
    const d = received();
    const n = d.notice('receipt');
    expect(n.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(noticeHash(n.content)).toBe(n.sha256);
    // Key order does not change the hash; any change of a field does.
    const reordered = Object.fromEntries(Object.entries(n.content).reverse()) as unknown as NoticeContent;
    expect(noticeHash(reordered)).toBe(n.sha256);
    expect(noticeIntact({ ...n, content: { ...n.content, issuedOn: '2026-03-03' } })).toBe(false);
    // A field left undefined before storing is left out, as JSON stores it: same hash read back.
    const unstored = { ...n.content, agent: undefined } as unknown as NoticeContent;
    const { agent, ...withoutAgent } = n.content as unknown as Record<string, unknown>;
    void agent;
    expect(noticeHash(unstored)).toBe(noticeHash(JSON.parse(JSON.stringify(unstored)) as NoticeContent));
    expect(noticeHash(unstored)).toBe(noticeHash(withoutAgent as unknown as NoticeContent));
    expect(d.current.context.notices).toEqual([{ kind: 'receipt', number: `${CASE_NUMBER}-J` }]);
    expect(foldCase(d.events)?.context.notices).toEqual(d.current.context.notices);
  });
});

describe('受理通知书 — at acceptance', () => {
  it('lists the materials received, both due dates, the query code and the hall’s phone; number -A', () => {
    const d = received();
    d.queryCode = 'K7M2Q9';
    d.given([clerk, { type: 'AcceptCase', caseId: 'c1' }]);
    expect(d.notice('acceptance').content).toMatchObject({
      kind: 'acceptance',
      variant: 'complete',
      number: `${CASE_NUMBER}-A`,
      hall: HALL,
      basis: ['licensing-law-32'],
      acceptedOn: '2026-03-02',
      materials: [
        { code: 'application', name: 'application', form: 'original' },
        { code: 'layout', name: 'layout', form: 'original' },
        { code: 'safety-rules', name: 'safety-rules', form: 'original' },
        { code: 'staff-health', name: 'staff-health', form: 'copy' },
      ],
      missing: [],
      supplyBy: null,
      statutoryLimitDays: 20,
      promisedLimitDays: 10,
      statutoryDueDate: '2026-03-30',
      promisedDueDate: '2026-03-16',
      queryCode: 'K7M2Q9',
      ratingUrl: null,
    });
    expect(d.current.context.notices.map((n) => n.number)).toEqual([`${CASE_NUMBER}-J`, `${CASE_NUMBER}-A`]);
  });

  it('容缺受理通知书: variant with-deficiency, the missing materials and the supply-by date', () => {
    const d = received(incompleteApplication()).given([clerk, DEFICIENCY_ACCEPTANCE]);
    expect(d.notice('acceptance').content).toMatchObject({
      variant: 'with-deficiency',
      number: `${CASE_NUMBER}-A`,
      basis: ['licensing-law-32', 'regulation-10'],
      missing: [
        { code: 'safety-rules', name: 'safety-rules' },
        { code: 'staff-health', name: 'staff-health' },
      ],
      supplyBy: '2026-03-13',
    });
  });

  it('视为受理: the scheduler’s deemed acceptance issues it too, by nobody (Law Art. 32(4))', () => {
    const d = received(incompleteApplication()).given([
      system,
      { type: 'DeemAccepted', caseId: 'c1' },
      at('2026-03-10', '00:00'),
    ]);
    expect(d.notice('acceptance').content).toMatchObject({
      variant: 'deemed',
      issuedBy: null,
      acceptedOn: '2026-03-02',
    });
  });
});

describe('一次性补正告知书 — every defect at once', () => {
  it('names each material with its problem and the correction deadline; -B (a second would be -B2)', () => {
    const d = received(incompleteApplication()).given([
      clerk,
      correctionRequest({ 'safety-rules': '未提交', 'staff-health': '未提交', layout: '未标注面积' }),
    ]);
    const first = d.notice('correction').content;
    expect(first).toMatchObject({
      kind: 'correction',
      number: `${CASE_NUMBER}-B`,
      basis: ['licensing-law-32', 'regulation-6'],
      items: [
        { code: 'safety-rules', name: 'safety-rules', problem: '未提交' },
        { code: 'staff-health', name: 'staff-health', problem: '未提交' },
        { code: 'layout', name: 'layout', problem: '未标注面积' },
      ],
      requestedOn: '2026-03-02',
    });
    expect(first).toHaveProperty('correctBy');
    // One complete notice per case before acceptance; a number would count on if a case had two.
    const context = { ...d.current.context, notices: d.current.context.notices };
    expect(noticeNumber(context, 'correction')).toBe(`${CASE_NUMBER}-B2`);
  });
});

describe('不予受理通知书 — the review body and the time limits', () => {
  it('names the reason, its basis, the competent agency, the reconsideration body (60 days) and the court (6 months); -R', () => {
    const d = received().given([
      clerk,
      {
        type: 'RefuseCase',
        caseId: 'c1',
        reason: '申请事项不属于本机关职权范围',
        legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第二项',
        competentAgency: '呼和浩特市市场监督管理局',
      },
    ]);
    expect(d.notice('refusal').content).toEqual({
      kind: 'refusal',
      ...common(`${CASE_NUMBER}-R`, '2026-03-02'),
      basis: ['licensing-law-32', 'reconsideration-law-20', 'procedure-law-46'],
      refusedOn: '2026-03-02',
      reason: '申请事项不属于本机关职权范围',
      legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第二项',
      competentAgency: '呼和浩特市市场监督管理局',
      remedies: {
        reviewAuthority: '呼和浩特市新城区人民政府',
        reviewDays: 60,
        court: '呼和浩特市新城区人民法院',
        lawsuitMonths: 6,
      },
    });
    // The refusal the case keeps is the decision's facts; the notice is kept once, in `notices`.
    expect(d.current.context.refusal).not.toHaveProperty('notice');
  });
});

describe('延期告知书 — Law Art. 42', () => {
  it('tells the extension, its reason, the old and new statutory due dates and the approving head; -E', () => {
    const d = received().given(
      [clerk, { type: 'AcceptCase', caseId: 'c1' }],
      [approver, { type: 'ClaimTask', taskId: 'c1.t1' }],
      [head, { type: 'ExtendTimeLimit', caseId: 'c1', days: 10, reason: '需补充专家论证' }],
    );
    expect(d.notice('extension').content).toMatchObject({
      kind: 'extension',
      number: `${CASE_NUMBER}-E`,
      issuedBy: '陈局',
      basis: ['licensing-law-42'],
      days: 10,
      reason: '需补充专家论证',
      previousDueDate: '2026-03-30',
      statutoryDueDate: '2026-04-14',
      approvedBy: '陈局',
    });
    expect(d.current.context.extension).not.toHaveProperty('notice');
  });
});

describe('送达回证 — at delivery, with the recipient', () => {
  it('names the result and its number, the method and the recipient (ID by its last four only); -S', () => {
    const d = new NoticeDriver('c1', ONE_STEP_GUIDE).given(
      [clerk, application({ itemCode: ONE_STEP_GUIDE.code }), at('2026-03-02')],
      [clerk, { type: 'AcceptCase', caseId: 'c1' }],
      [approver, { type: 'ClaimTask', taskId: 'c1.t1' }],
      [approver, { type: 'ApproveCase', caseId: 'c1', opinion: '准予' }],
      [clerk, { type: 'IssueResult', caseId: 'c1', certificateNumber: 'GT-0001', electronic: true }],
      [clerk, { type: 'DispatchResult', caseId: 'c1', method: 'window' }],
      [clerk, { type: 'DeliverResult', caseId: 'c1', recipient: BY_APPLICANT }, at('2026-03-03')],
    );
    expect(d.notice('delivery').content).toMatchObject({
      kind: 'delivery',
      number: `${CASE_NUMBER}-S`,
      basis: ['licensing-law-44', 'regulation-27'],
      deliveredOn: '2026-03-03',
      outcome: 'approved',
      document: { kind: 'result', name: ONE_STEP_GUIDE.resultName, number: 'GT-0001' },
      method: 'window',
      trackingNumber: null,
      recipient: {
        collectedBy: 'applicant',
        name: BY_APPLICANT.name,
        idType: BY_APPLICANT.idType,
        idTail: '0004',
      },
    });
    expect(JSON.stringify(d.notice('delivery').content)).not.toContain(BY_APPLICANT.idNumber);
  });
});

describe('numbers', () => {
  it('every kind has its own suffix, apart from the denial decision’s -D and the certificate’s -C', async () => {
    const { NOTICE_SUFFIX } = await import('./notice-content.js');
    const suffixes = Object.values(NOTICE_SUFFIX);
    expect(new Set(suffixes).size).toBe(suffixes.length);
    expect(suffixes).not.toContain('D');
    expect(suffixes).not.toContain('C');
  });

  it('events that issue no notice carry none', () => {
    const d = received().given([clerk, { type: 'AcceptCase', caseId: 'c1' }]);
    const withNotice = d.events.filter((e) => 'notice' in e.data).map((e) => e.type);
    expect(withNotice).toEqual(['case.Received', 'case.Accepted']);
  });
});

describe('容缺受理通知书 words', () => {
  it('never say the materials are complete (申请材料齐全) while they list missing ones', () => {
    expect(messages.template('zh', 'notice.acceptance.with-deficiency')).not.toContain('齐全');
    expect(messages.template('en', 'notice.acceptance.with-deficiency')).not.toMatch(/complete/i);
    expect(messages.template('zh', 'notice.acceptance.complete')).toContain('申请材料齐全');
  });
});
