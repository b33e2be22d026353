/**
 * The statechart's own description of its states, written out (ADR 0010: nobody else keeps a
 * list of states, so the chart's meta and tags are the rule): which statuses accept each command,
 * the tags each status carries (its stage; the decision clock of Art. 42, which stops in a special
 * procedure, Art. 45; the applicant's time to correct of Art. 32's 一次性告知), and the names
 * people read. A change to any of them is a change of the rules, made here on purpose.
 */
import { CASE_COMMAND_TYPES, type CaseCommandType } from '../commands.js';
import { caseMachine } from './case.machine.js';
import type { CaseStatus } from './case-state.js';
import { acceptedCommands, CASE_STATUS_INFO, CASE_STATUSES, statusesAccepting } from './state-meta.js';
import { completed } from '../testing/scenarios.js';

/** Where a 容缺 deficiency is still open: from the acceptance with deficiency until the hand-out (《管理办法》第十条). */
const DEFICIENCY_OPEN: readonly CaseStatus[] = [
  'frontDesk.returnedForCorrection',
  'backOffice.underReview',
  'backOffice.specialProcedure',
  'delivery.awaitingResult',
  'delivery.issued',
  'delivery.dispatched',
];

const ACCEPTING: Record<CaseCommandType, readonly CaseStatus[]> = {
  ReceiveApplication: [],
  AcceptCase: ['frontDesk.received', 'frontDesk.correctionSubmitted'],
  AcceptWithDeficiency: ['frontDesk.received', 'frontDesk.correctionSubmitted'],
  RequestCorrection: ['frontDesk.received'],
  SubmitCorrection: ['frontDesk.correctionRequested', 'frontDesk.returnedForCorrection'],
  RefuseCase: ['frontDesk.received', 'frontDesk.correctionSubmitted'],
  WithdrawCase: [
    'frontDesk.received',
    'frontDesk.correctionRequested',
    'frontDesk.correctionSubmitted',
    'frontDesk.returnedForCorrection',
    'backOffice.underReview',
    'backOffice.specialProcedure',
  ],
  SupplyDeficiency: DEFICIENCY_OPEN,
  ClaimTask: ['backOffice.underReview', 'backOffice.specialProcedure'],
  ReleaseTask: ['backOffice.underReview', 'backOffice.specialProcedure'],
  PassTask: ['backOffice.underReview'],
  ReturnTask: ['backOffice.underReview'],
  StartSpecialProcedure: ['backOffice.underReview'],
  EndSpecialProcedure: ['backOffice.specialProcedure'],
  ExtendTimeLimit: ['backOffice.underReview', 'backOffice.specialProcedure'],
  ApproveCase: ['backOffice.underReview'],
  DenyCase: ['backOffice.underReview'],
  IssueResult: ['delivery.awaitingResult'],
  DispatchResult: ['delivery.issued'],
  DeliverResult: ['delivery.dispatched'],
  RateService: [],
  RecordCallback: [],
  RectifyObligation: [],
  ExplainObligation: [],
  DeemAccepted: ['frontDesk.received', 'frontDesk.correctionSubmitted'],
  MarkCorrectionOverdue: ['frontDesk.correctionRequested'],
  MarkDeficiencyOverdue: DEFICIENCY_OPEN,
  MarkDecisionWarning: ['frontDesk.returnedForCorrection', 'backOffice.underReview'],
  MarkDecisionOverdue: ['frontDesk.returnedForCorrection', 'backOffice.underReview'],
  MarkResultIssueOverdue: ['delivery.awaitingResult'],
  MarkObligationOverdue: [],
  RecalculateDeadlines: [],
  SendSupervisionNotice: ['backOffice.underReview', 'backOffice.specialProcedure'],
  ReassignTask: ['backOffice.underReview', 'backOffice.specialProcedure'],
};
const TAGS: Record<CaseStatus, readonly string[]> = {
  'frontDesk.received': ['frontDesk'],
  'frontDesk.correctionRequested': ['frontDesk', 'correctionClock'],
  'frontDesk.correctionSubmitted': ['frontDesk'],
  'frontDesk.returnedForCorrection': ['frontDesk', 'decisionClock'],
  'backOffice.underReview': ['backOffice', 'decisionClock'],
  'backOffice.specialProcedure': ['backOffice'],
  'delivery.awaitingResult': ['delivery'],
  'delivery.issued': ['delivery'],
  'delivery.dispatched': ['delivery'],
  completed: ['ended'],
  refused: ['ended'],
  withdrawn: ['ended'],
  denied: ['ended'],
};
const NAMES = [
  ['frontDesk.received', '已收件，待受理', 'Received', '前台受理', 'Front desk'],
  ['frontDesk.correctionRequested', '已一次性告知，待补正', 'Awaiting correction', '前台受理', 'Front desk'],
  ['frontDesk.correctionSubmitted', '已补正，待受理', 'Correction submitted', '前台受理', 'Front desk'],
  ['frontDesk.returnedForCorrection', '退回补正', 'Returned for correction', '前台受理', 'Front desk'],
  ['backOffice.underReview', '审批中', 'In review', '后台审批', 'Back office'],
  ['backOffice.specialProcedure', '特别程序', 'Special procedure', '后台审批', 'Back office'],
  ['delivery.awaitingResult', '准予许可，待制证', 'Approved: result to issue', '出件', 'Delivery'],
  ['delivery.issued', '待取件/送达', 'Ready for pickup', '出件', 'Delivery'],
  ['delivery.dispatched', '已送出', 'Dispatched', '出件', 'Delivery'],
  ['completed', '已办结', 'Completed', '已办结', 'Completed'],
  ['refused', '不予受理', 'Refused', '不予受理', 'Refused'],
  ['withdrawn', '已撤回', 'Withdrawn', '已撤回', 'Withdrawn'],
  ['denied', '不予许可', 'Denied', '不予许可', 'Denied'],
] as const;

describe('the statechart, state by state', () => {
  it('the statuses each command is accepted in (a stage’s commands in each of its states)', () => {
    expect(Object.fromEntries(CASE_COMMAND_TYPES.map((type) => [type, statusesAccepting(type)]))).toEqual(
      ACCEPTING,
    );
  });

  it('the tags of each status: its stage or ended, the decision clock, the time to correct', () => {
    const tagsOf = (status: CaseStatus) => {
      const stage = caseMachine.getStateNodeById(`case.handling.${status.split('.')[0]}`);
      const leaf = caseMachine.getStateNodeById(`case.handling.${status}`);
      return [...new Set([...stage.tags, ...leaf.tags])];
    };
    expect(Object.fromEntries(CASE_STATUSES.map((status) => [status, tagsOf(status)]))).toEqual(TAGS);
  });

  it('the names of each status and of its stage, in Chinese and English', () => {
    expect(
      CASE_STATUS_INFO.map((s) => [s.status, s.labels.zh, s.labels.en, s.stageLabels.zh, s.stageLabels.en]),
    ).toEqual(NAMES);
  });

  it('an ended case still takes the rating follow-up (好差评) and a year’s recalculation, nothing else', () => {
    const d = completed();
    expect(d.current.status).toBe('completed');
    expect([...acceptedCommands(d.current.snapshot)].sort()).toEqual([
      'ExplainObligation',
      'MarkObligationOverdue',
      'RateService',
      'RecalculateDeadlines',
      'RecordCallback',
      'RectifyObligation',
    ]);
  });
});
