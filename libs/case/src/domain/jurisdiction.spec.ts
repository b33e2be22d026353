/**
 * DOMAIN §2 jurisdiction: every command that names a department or a hall, sent in a state that
 * accepts it, goes through for its own staff and is refused (403 forbidden) to another
 * department's head, approver and clerk — and, for a hall's command, to a clerk of another hall.
 */
import type { Actor } from '@one-window/shared';
import type { CaseCommand } from '../commands.js';
import { FRONT_DESK } from '../events.js';
import { CaseDriver } from '../testing/case-driver.js';
import {
  BY_APPLICANT,
  GUIDE,
  OTHER_DEPT,
  OTHER_HALL,
  application,
  approver,
  approver2,
  clerk,
  head,
  otherClerk,
  outsider,
  reviewer,
  system,
} from '../testing/fixtures.js';
import {
  CORRECTION_REQUEST,
  CORRECTION_SUBMITTED,
  DEFICIENCY_ACCEPTANCE,
  DENIAL,
  accepted,
  approved,
  at,
  atDecision,
  claimed,
  correctionRequested,
  deficient,
  dispatched,
  inProcedure,
  issued,
  received,
  receivedIncomplete,
} from '../testing/scenarios.js';

const otherHead: Actor = { userId: 'head-9', name: '周局', role: 'head', department: OTHER_DEPT };
const otherReviewer: Actor = {
  userId: 'rev-9',
  name: '吴静',
  role: 'reviewer',
  department: OTHER_DEPT,
  hall: OTHER_HALL,
};
/** A clerk of another department's hall, as the issue names "another department's clerk". */
const otherDeptClerk: Actor = { ...otherClerk, department: OTHER_DEPT };
const admin: Actor = { userId: 'admin-1', name: '管理员', role: 'admin' };

const rated = () =>
  dispatched().given(
    [clerk, { type: 'DeliverResult', caseId: 'c1', recipient: BY_APPLICANT }],
    [system, { type: 'RateService', caseId: 'c1', level: 5, channel: 'app' }, at('2026-03-03')],
  );
const calledBack = () =>
  rated().given([
    reviewer,
    { type: 'RecordCallback', obligationId: 'c1.o1', notes: '已回访', verified: true },
  ]);

interface Rule {
  readonly command: CaseCommand;
  readonly given: () => CaseDriver;
  readonly allowed: readonly Actor[];
  readonly refused: readonly Actor[];
  readonly on?: string;
}

/** Another department's head, approver and clerk: refused on every department's command. */
const otherDepartment = [otherHead, outsider, otherDeptClerk];
/** A clerk of another hall, and back-office staff: refused on every hall's command. */
const otherHall = [otherClerk, approver, head];

const RULES: readonly Rule[] = [
  // The hall's commands (前台).
  { command: { type: 'AcceptCase', caseId: 'c1' }, given: received, allowed: [clerk], refused: otherHall },
  {
    command: DEFICIENCY_ACCEPTANCE,
    given: receivedIncomplete,
    allowed: [clerk],
    refused: otherHall,
  },
  {
    command: CORRECTION_REQUEST,
    given: receivedIncomplete,
    allowed: [clerk],
    refused: otherHall,
  },
  {
    command: {
      type: 'RefuseCase',
      caseId: 'c1',
      reason: '不属于本机关职权范围',
      legalBasis: '《中华人民共和国行政许可法》第三十二条',
      competentAgency: '呼和浩特市市场监督管理局',
    },
    given: received,
    allowed: [clerk],
    refused: otherHall,
  },
  {
    command: CORRECTION_SUBMITTED,
    given: correctionRequested,
    allowed: [clerk, system],
    refused: otherHall,
  },
  {
    command: {
      type: 'SupplyDeficiency',
      caseId: 'c1',
      materials: [{ code: 'safety-rules', form: 'original' }],
    },
    given: deficient,
    allowed: [clerk, system],
    refused: otherHall,
  },
  {
    command: { type: 'WithdrawCase', caseId: 'c1', reason: '申请人撤回' },
    given: received,
    allowed: [clerk, system],
    refused: otherHall,
  },
  {
    command: { type: 'RateService', caseId: 'c1', level: 1, channel: 'window-device' },
    given: received,
    allowed: [clerk, system],
    refused: otherHall,
  },
  {
    command: { type: 'IssueResult', caseId: 'c1', certificateNumber: 'GT-0001', electronic: true },
    given: approved,
    allowed: [clerk, approver, head],
    refused: [otherClerk, ...otherDepartment],
  },
  {
    command: { type: 'DispatchResult', caseId: 'c1', method: 'window' },
    given: issued,
    allowed: [clerk],
    refused: otherHall,
  },
  {
    command: { type: 'DeliverResult', caseId: 'c1', recipient: BY_APPLICANT },
    given: dispatched,
    allowed: [clerk],
    refused: otherHall,
  },
  // The department's commands (后台).
  {
    command: { type: 'ClaimTask', taskId: 'c1.t1' },
    given: accepted,
    allowed: [approver, head],
    refused: [...otherDepartment, clerk],
  },
  {
    command: { type: 'ReleaseTask', taskId: 'c1.t1' },
    given: claimed,
    allowed: [approver, head],
    refused: [...otherDepartment, clerk, approver2],
  },
  {
    command: { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' },
    given: claimed,
    allowed: [approver],
    refused: [...otherDepartment, clerk, approver2],
  },
  {
    command: { type: 'ReturnTask', taskId: 'c1.t1', to: FRONT_DESK, reason: '材料需补正' },
    given: claimed,
    allowed: [approver],
    refused: [...otherDepartment, clerk, approver2],
  },
  {
    command: {
      type: 'StartSpecialProcedure',
      caseId: 'c1',
      kind: 'inspection',
      reason: '现场核查',
      expectedDays: 5,
    },
    given: claimed,
    allowed: [approver],
    refused: [...otherDepartment, clerk, approver2],
  },
  {
    command: { type: 'EndSpecialProcedure', caseId: 'c1', n: 1, result: '核查合格' },
    given: inProcedure,
    allowed: [approver, approver2, head],
    refused: [...otherDepartment, clerk],
  },
  {
    command: { type: 'ExtendTimeLimit', caseId: 'c1', days: 10, reason: '需专家论证' },
    given: claimed,
    allowed: [head],
    refused: [...otherDepartment, clerk, approver],
  },
  {
    command: { type: 'SendSupervisionNotice', taskId: 'c1.t1', note: '请按期办结' },
    given: claimed,
    on: at('2026-03-10'),
    allowed: [head, admin],
    refused: [...otherDepartment, clerk, approver],
  },
  {
    command: { type: 'ApproveCase', caseId: 'c1', opinion: '准予' },
    given: atDecision,
    allowed: [head],
    refused: [...otherDepartment, clerk, approver],
  },
  {
    command: DENIAL,
    given: atDecision,
    allowed: [head],
    refused: [...otherDepartment, clerk, approver],
  },
  // The review office's commands (Art. 36).
  {
    command: { type: 'RecordCallback', obligationId: 'c1.o1', notes: '已回访', verified: true },
    given: rated,
    allowed: [reviewer],
    refused: [...otherDepartment, otherReviewer, clerk, head],
  },
  {
    command: { type: 'RectifyObligation', obligationId: 'c1.o1', measures: '已整改' },
    given: calledBack,
    allowed: [reviewer],
    refused: [...otherDepartment, otherReviewer, clerk, head],
  },
  {
    command: { type: 'ExplainObligation', obligationId: 'c1.o1', explanation: '无法律依据' },
    given: calledBack,
    allowed: [reviewer],
    refused: [...otherDepartment, otherReviewer, clerk, head],
  },
];

const who = (actor: Actor) => `${actor.role} ${actor.userId} of ${actor.department ?? actor.hall ?? '-'}`;

describe('DOMAIN §2: each command is sent only by staff of its own department or hall', () => {
  it.each(RULES.map((rule) => [rule.command.type, rule] as const))('%s', (_, rule) => {
    const send = (actor: Actor) => rule.given().send(actor, rule.command, rule.on);
    for (const actor of rule.allowed) {
      expect([who(actor), send(actor).length > 0]).toEqual([who(actor), true]);
    }
    for (const actor of rule.refused) {
      const error = rule.given().error(actor, rule.command, rule.on);
      expect([who(actor), error.code]).toEqual([who(actor), 'forbidden']);
    }
  });
});

describe('Law Art. 42 on a joint item: the head of the department holding the current step may extend too', () => {
  const JOINT_GUIDE = {
    ...GUIDE,
    jointHandling: true,
    steps: GUIDE.steps.map((s) => (s.name === 'verification' ? { ...s, department: OTHER_DEPT } : s)),
  };
  const otherApprover: Actor = { ...outsider, userId: 'appr-8' };
  const atReview = () =>
    new CaseDriver('c1', JOINT_GUIDE).given(
      [clerk, application(), at('2026-03-02')],
      [clerk, { type: 'AcceptCase', caseId: 'c1' }],
      [approver, { type: 'ClaimTask', taskId: 'c1.t1' }],
    );
  const atVerification = () =>
    atReview().given(
      [approver, { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' }],
      [otherApprover, { type: 'ClaimTask', taskId: 'c1.t2' }],
    );
  const extend: CaseCommand = { type: 'ExtendTimeLimit', caseId: 'c1', days: 15, reason: '联合论证' };

  it('while the guide department holds the step, only its head extends', () => {
    expect(atReview().error(otherHead, extend).code).toBe('forbidden');
    expect(atReview().send(head, extend)).toHaveLength(1);
  });

  it('while the second department holds the step, its head extends as well, its approver does not', () => {
    expect(atVerification().send(otherHead, extend)).toHaveLength(1);
    expect(atVerification().send(head, extend)).toHaveLength(1);
    expect(atVerification().error(otherApprover, extend).code).toBe('forbidden');
  });
});
