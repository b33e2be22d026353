/**
 * The cases the decider specs start from, each one step further along than the last: received on
 * Monday 2026-03-02 (the Art. 32 notice due 2026-03-09), accepted the same day (statutory decision
 * due 2026-03-30, promised 2026-03-16), claimed, at the decision step, approved, issued …
 * Each builder takes the driver to walk (a fresh one on GUIDE unless given: another guide, a
 * driver subclass) and answers it, so `claimed(new CaseDriver('c1', ONE_STEP_GUIDE))` reads as it
 * says. The commands a spec sends again and again are here too, under their legal name.
 */
import type {
  AcceptWithDeficiency,
  DenyCase,
  RefuseCase,
  ReceiveApplication,
  RequestCorrection,
  SubmitCorrection,
} from '../commands.js';
import type { DomainError } from '../domain/errors.js';
import { CaseDriver } from './case-driver.js';
import {
  BY_APPLICANT,
  ONE_STEP_GUIDE,
  application,
  approver,
  approver2,
  clerk,
  head,
  incompleteApplication,
} from './fixtures.js';

/** China time (UTC+8) on a date, 10:00 unless told. */
export const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;

/** The two 容缺 materials (not key, on the guide's deficiency list) `incompleteApplication()` leaves out. */
const LEFT_OUT = ['safety-rules', 'staff-health'];

/** Art. 32 补正告知 listing each material code with its problem, in the order given. */
export const correctionRequest = (problems: Readonly<Record<string, string>>): RequestCorrection => ({
  type: 'RequestCorrection',
  caseId: 'c1',
  items: Object.entries(problems).map(([code, problem]) => ({ code, problem })),
});

/** Art. 32 补正告知: the two materials left out. */
export const CORRECTION_REQUEST = correctionRequest(Object.fromEntries(LEFT_OUT.map((code) => [code, '缺'])));

/** The two materials the correction notice asked for, handed in. */
export const CORRECTION_SUBMITTED: SubmitCorrection = {
  type: 'SubmitCorrection',
  caseId: 'c1',
  materials: [
    { code: 'safety-rules', form: 'original' },
    { code: 'staff-health', form: 'copy' },
  ],
};

/** 容缺受理: accepted without the two materials, the commitment signed, to be supplied by 2026-03-13. */
export const DEFICIENCY_ACCEPTANCE: AcceptWithDeficiency = {
  type: 'AcceptWithDeficiency',
  caseId: 'c1',
  missing: LEFT_OUT.map((code) => ({ code })),
  supplyBy: '2026-03-13',
  commitmentSigned: true,
};

/** The application for the driver's guide (GUIDE's, or the one-step item's …). */
const applicationFor = (d: CaseDriver, base: ReceiveApplication = application()): ReceiveApplication =>
  base.itemCode === d.guide.code ? base : { ...base, itemCode: d.guide.code };

/** What accepting a GUIDE case on its receipt day (2026-03-02) fixes: both due dates and the voucher. */
export const ACCEPTED_ON_RECEIPT_DAY = {
  acceptedOn: '2026-03-02',
  statutoryDueDate: '2026-03-30',
  promisedDueDate: '2026-03-16',
  voucherNumber: '150102-20260302-0001-A',
};

/** A fresh case of the one-step item (个体工商户设立登记: statutory 15, promised 3 working days, no courier). */
export const oneStep = () => new CaseDriver('c1', ONE_STEP_GUIDE);

/**
 * The one-step item received, accepted and claimed on 21 December 2026 and approved on the 28th:
 * its Art. 44 issue deadline reaches into 2027, a year the builtin calendar only guesses (ADR 12).
 */
export const approvedBeforeTheYearEnds = (): CaseDriver =>
  oneStep().given(
    [clerk, application({ itemCode: ONE_STEP_GUIDE.code }), at('2026-12-21')],
    [clerk, { type: 'AcceptCase', caseId: 'c1' }, at('2026-12-21')],
    [approver, { type: 'ClaimTask', taskId: 'c1.t1' }, at('2026-12-21')],
    [approver, { type: 'ApproveCase', caseId: 'c1', opinion: '准予登记' }, at('2026-12-28')],
  );

/** Received on 2026-03-02 with every material handed in. */
export const received = <D extends CaseDriver = CaseDriver>(d: D = new CaseDriver() as D): D =>
  d.given([clerk, applicationFor(d), at('2026-03-02')]);

/** Received on 2026-03-02 without the two 容缺 materials. */
export const receivedIncomplete = <D extends CaseDriver = CaseDriver>(d: D = new CaseDriver() as D): D =>
  d.given([clerk, applicationFor(d, incompleteApplication()), at('2026-03-02')]);

/** Received incomplete, the correction notice given the same day. */
export const correctionRequested = <D extends CaseDriver = CaseDriver>(d: D = new CaseDriver() as D): D =>
  receivedIncomplete(d).given([clerk, CORRECTION_REQUEST]);

/** Received incomplete and accepted with deficiency (容缺受理). */
export const deficient = <D extends CaseDriver = CaseDriver>(d: D = new CaseDriver() as D): D =>
  receivedIncomplete(d).given([clerk, DEFICIENCY_ACCEPTANCE]);

/** Received and accepted on 2026-03-02: the first step's task is in its queue. */
export const accepted = <D extends CaseDriver = CaseDriver>(d: D = new CaseDriver() as D): D =>
  received(d).given([clerk, { type: 'AcceptCase', caseId: 'c1' }]);

/** Accepted, the first task claimed by the approver 李明. */
export const claimed = <D extends CaseDriver = CaseDriver>(d: D = new CaseDriver() as D): D =>
  accepted(d).given([approver, { type: 'ClaimTask', taskId: 'c1.t1' }]);

/** Claimed, and in a special procedure (现场核查, 5 days expected). */
export const inProcedure = <D extends CaseDriver = CaseDriver>(d: D = new CaseDriver() as D): D =>
  claimed(d).given([
    approver,
    { type: 'StartSpecialProcedure', caseId: 'c1', kind: 'inspection', reason: '现场核查', expectedDays: 5 },
  ]);

/** Who works the guide's step `i` (0-based): the head on a head's step, else 李明 and 赵敏 by turns. */
const workerOf = (d: CaseDriver, i: number) =>
  d.guide.steps[i].role === 'head' ? head : i % 2 === 0 ? approver : approver2;

/**
 * An accepted case walked to its decision step: every earlier step claimed and passed (同意), the
 * last one claimed. On GUIDE: 审查 by 李明, 审核 by 赵敏, 审批 held by the head; on a one-step guide
 * the approver holds its only step.
 */
export const toDecision = <D extends CaseDriver>(d: D): D => {
  const last = d.guide.steps.length - 1;
  d.guide.steps.forEach((_, i) => {
    const taskId = `c1.t${i + 1}`;
    d.send(workerOf(d, i), { type: 'ClaimTask', taskId });
    if (i < last) d.send(workerOf(d, i), { type: 'PassTask', taskId, opinion: '同意' });
  });
  return d;
};

/** The decision step's holder approves (准予). */
export const approve = <D extends CaseDriver>(d: D): D =>
  d.given([workerOf(d, d.guide.steps.length - 1), { type: 'ApproveCase', caseId: 'c1', opinion: '准予' }]);

/** Art. 32 不予受理: outside the agency's remit, with its legal basis. */
export const REFUSAL: RefuseCase = {
  type: 'RefuseCase',
  caseId: 'c1',
  reason: '不属于本机关职权',
  legalBasis: '第三十二条',
};

/** Art. 38 不予许可: its reasons, and where the applicant may seek review or sue. */
export const DENIAL: DenyCase = {
  type: 'DenyCase',
  caseId: 'c1',
  reasons: ['经营场所与食品经营项目不相适应'],
  remedies: { reviewAuthority: '呼和浩特市新城区人民政府', court: '呼和浩特市新城区人民法院' },
};

/** The decision step's holder denies (DENIAL). */
export const deny = <D extends CaseDriver>(d: D): D =>
  d.given([workerOf(d, d.guide.steps.length - 1), DENIAL]);

/** Accepted and walked to the decision step (see `toDecision`). */
export const atDecision = <D extends CaseDriver = CaseDriver>(d: D = new CaseDriver() as D): D =>
  toDecision(accepted(d));

/** Approved at the decision step by its holder. */
export const approved = <D extends CaseDriver = CaseDriver>(d: D = new CaseDriver() as D): D =>
  approve(atDecision(d));

/** Approved, the licence GT-0001 issued with an electronic seal. */
export const issued = <D extends CaseDriver = CaseDriver>(d: D = new CaseDriver() as D): D =>
  approved(d).given([
    clerk,
    { type: 'IssueResult', caseId: 'c1', certificateNumber: 'GT-0001', electronic: true },
  ]);

/** Issued and handed to the window for collection. */
export const dispatched = <D extends CaseDriver = CaseDriver>(d: D = new CaseDriver() as D): D =>
  issued(d).given([clerk, { type: 'DispatchResult', caseId: 'c1', method: 'window' }]);

/** Collected by the applicant in person: 办结. */
export const completed = <D extends CaseDriver = CaseDriver>(d: D = new CaseDriver() as D): D =>
  dispatched(d).given([clerk, { type: 'DeliverResult', caseId: 'c1', recipient: BY_APPLICANT }]);

/** Each bad field of a 400 with the catalog rule it broke (ADR 15). */
export const rulesOf = (error: DomainError) =>
  (error.errors ?? []).map((e, i) => ({ field: e.field, ...error.rules?.[i] }));
