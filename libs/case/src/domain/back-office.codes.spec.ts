/**
 * 后台分类审批 (decide-back-office.ts): each refusal of passing, returning, a special procedure,
 * an extension and the decision by the field it names and its catalog code and params (ADR 15),
 * and what the events keep. Mutation testing left these open (docs/adr/0014-mutation-testing.md).
 * Accepted Monday 2026-03-02: statutory due 2026-03-30, promised 2026-03-16.
 */
import type { CaseCommand } from '../commands.js';
import { CaseDriver } from '../testing/case-driver.js';
import { GUIDE, application, approver, approver2, clerk, head } from '../testing/fixtures.js';
import { SPECIAL_PROCEDURE_KINDS } from './decide-back-office.js';
import { DENIAL, accepted, at, atDecision, claimed, oneStep, rulesOf } from '../testing/scenarios.js';

const atVerification = () =>
  claimed().given(
    [approver, { type: 'PassTask', taskId: 'c1.t1', opinion: '材料齐全' }],
    [approver2, { type: 'ClaimTask', taskId: 'c1.t2' }],
  );
/** The one-step item, claimed: its only step decides; statutory due 2026-03-23, promised 2026-03-05. */
const oneStepClaimed = () => claimed(oneStep());

describe('claim, release, pass', () => {
  it('a claim records its holder and the instant; a release hands back the holder’s name', () => {
    const d = accepted();
    const holder = { userId: 'appr-1', name: '李明' };
    expect(d.send(approver, { type: 'ClaimTask', taskId: 'c1.t1' }, at('2026-03-03', '09:30'))).toEqual([
      { type: 'case.TaskClaimed', data: { taskId: 'c1.t1', holder, claimedAt: '2026-03-03T01:30:00.000Z' } },
    ]);
    expect(d.send(head, { type: 'ReleaseTask', taskId: 'c1.t1' }, at('2026-03-03', '11:00'))).toEqual([
      {
        type: 'case.TaskReleased',
        data: { taskId: 'c1.t1', holder, releasedAt: '2026-03-03T03:00:00.000Z' },
      },
    ]);
  });

  it('a pass needs an opinion; it opens the next step’s task', () => {
    expect(rulesOf(claimed().error(approver, { type: 'PassTask', taskId: 'c1.t1', opinion: ' ' }))).toEqual([
      { field: 'opinion', code: 'required' },
    ]);
    const events = claimed().send(
      approver,
      { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' },
      at('2026-03-03'),
    );
    expect(events[0]).toEqual({
      type: 'case.TaskPassed',
      data: { taskId: 'c1.t1', opinion: '同意', passedAt: '2026-03-03T02:00:00.000Z' },
    });
    expect(events[1]).toMatchObject({
      type: 'case.TaskCreated',
      data: { taskId: 'c1.t2', step: 'verification', reason: 'passed' },
    });
  });
});

describe('returns (退回): to the front desk or an earlier step only', () => {
  it('a reason is required; a later step is refused with the targets allowed', () => {
    expect(
      rulesOf(
        atVerification().error(approver2, {
          type: 'ReturnTask',
          taskId: 'c1.t2',
          to: 'decision',
          reason: '',
        }),
      ),
    ).toEqual([
      { field: 'reason', code: 'required' },
      { field: 'to', code: 'return-target', params: { allowed: ['front-desk', 'review'] } },
    ]);
    expect(
      rulesOf(claimed().error(approver, { type: 'ReturnTask', taskId: 'c1.t1', to: 'review', reason: 'x' })),
    ).toEqual([{ field: 'to', code: 'return-target', params: { allowed: ['front-desk'] } }]);
    expect(
      claimed().error(approver, { type: 'ReturnTask', taskId: 'c1.t1', to: 'review', reason: 'x' })
        .errors?.[0].message,
    ).toBe('to must be "front-desk" or an earlier step (none)');
    expect(
      atDecision().error(head, { type: 'ReturnTask', taskId: 'c1.t3', to: 'decision', reason: 'x' })
        .errors?.[0].message,
    ).toBe('to must be "front-desk" or an earlier step (review, verification)');
  });

  it('to the front desk: the task is returned and no new one opens', () => {
    const d = atVerification();
    expect(
      d.send(
        approver2,
        { type: 'ReturnTask', taskId: 'c1.t2', to: 'front-desk', reason: '缺页' },
        at('2026-03-03'),
      ),
    ).toEqual([
      {
        type: 'case.TaskReturned',
        data: { taskId: 'c1.t2', to: 'front-desk', reason: '缺页', returnedAt: '2026-03-03T02:00:00.000Z' },
      },
    ]);
  });

  it('to the first step from the third: the first step’s task opens again', () => {
    const events = atDecision().send(head, {
      type: 'ReturnTask',
      taskId: 'c1.t3',
      to: 'review',
      reason: '重审',
    });
    expect(events.map((e) => e.type)).toEqual(['case.TaskReturned', 'case.TaskCreated']);
    expect(events[1].data).toMatchObject({
      taskId: 'c1.t4',
      step: 'review',
      stepIndex: 0,
      reason: 'returned',
    });
  });
});

describe('Law Art. 45: special procedures, by field and catalog code', () => {
  const start = (over: Record<string, unknown> = {}): CaseCommand => ({
    type: 'StartSpecialProcedure',
    caseId: 'c1',
    kind: 'hearing',
    reason: '听证',
    expectedDays: 5,
    ...over,
  });

  it('a kind the law does not name, no reason, and an expected duration outside 1–365', () => {
    expect(
      rulesOf(claimed().error(approver, start({ kind: 'lottery', reason: ' ', expectedDays: 0 }))),
    ).toEqual([
      { field: 'kind', code: 'one-of', params: { allowed: [...SPECIAL_PROCEDURE_KINDS] } },
      { field: 'reason', code: 'required' },
      { field: 'expectedDays', code: 'integer-range', params: { min: 1, max: 365 } },
    ]);
    expect(rulesOf(claimed().error(approver, start({ expectedDays: 366 })))).toEqual([
      { field: 'expectedDays', code: 'integer-range', params: { min: 1, max: 365 } },
    ]);
    expect(rulesOf(claimed().error(approver, start({ expectedDays: 2.5 })))).toEqual([
      { field: 'expectedDays', code: 'integer-range', params: { min: 1, max: 365 } },
    ]);
    for (const expectedDays of [1, 365]) {
      expect(claimed().send(approver, start({ expectedDays }))[0].data).toMatchObject({ expectedDays });
    }
  });

  it('the procedure is numbered, names its task and the day it started', () => {
    expect(claimed().send(approver, start(), at('2026-03-04'))[0]).toEqual({
      type: 'case.SpecialProcedureStarted',
      data: {
        n: 1,
        kind: 'hearing',
        reason: '听证',
        expectedDays: 5,
        taskId: 'c1.t1',
        startedOn: '2026-03-04',
      },
    });
    const second = claimed().given(
      [approver, start(), at('2026-03-04')],
      [approver, { type: 'EndSpecialProcedure', caseId: 'c1', n: 1, result: '听证结束' }, at('2026-03-05')],
    );
    expect(second.send(approver, start({ kind: 'testing' }), at('2026-03-06'))[0].data).toMatchObject({
      n: 2,
    });
  });

  it('ending one needs its result; the working days from its start to its end are suspended (Wed 03-04 → Fri 03-06: 2)', () => {
    const d = claimed().given([approver, start(), at('2026-03-04')]);
    expect(
      rulesOf(d.error(approver, { type: 'EndSpecialProcedure', caseId: 'c1', n: 1, result: '' })),
    ).toEqual([{ field: 'result', code: 'required' }]);
    expect(
      d.send(
        approver,
        { type: 'EndSpecialProcedure', caseId: 'c1', n: 1, result: '合格' },
        at('2026-03-06'),
      )[0].data,
    ).toEqual({
      n: 1,
      result: '合格',
      endedOn: '2026-03-06',
      suspendedWorkingDays: 2,
      statutoryDueDate: '2026-04-01',
      promisedDueDate: '2026-03-18',
    });
  });
  it('an end the clock dates before its start (the server’s clock set back) suspends no working day and moves nothing', () => {
    const d = claimed().given([approver, start(), at('2026-03-06')]);
    expect(
      d.send(
        approver,
        { type: 'EndSpecialProcedure', caseId: 'c1', n: 1, result: '合格' },
        at('2026-03-04'),
      )[0].data,
    ).toMatchObject({
      suspendedWorkingDays: 0,
      statutoryDueDate: '2026-03-30',
      promisedDueDate: '2026-03-16',
    });
  });
});

describe('Law Art. 42: the extension, by field and catalog code', () => {
  const extend = (days: unknown, reason = '需补充专家论证'): CaseCommand =>
    ({ type: 'ExtendTimeLimit', caseId: 'c1', days, reason }) as CaseCommand;

  it('0 and 11 days are refused with the range 1–10, a reason is required', () => {
    for (const days of [0, 11]) {
      expect(rulesOf(claimed().error(head, extend(days)))).toEqual([
        { field: 'days', code: 'integer-range', params: { min: 1, max: 10 } },
      ]);
    }
    expect(rulesOf(claimed().error(head, extend(1, ' ')))).toEqual([{ field: 'reason', code: 'required' }]);
  });

  it('joint handling (联合办理): 15 working days taken, 16 refused with the range 1–15', () => {
    const joint = { ...GUIDE, jointHandling: true };
    const jointCase = () =>
      new CaseDriver('c1', joint).given(
        [clerk, application(), at('2026-03-02')],
        [clerk, { type: 'AcceptCase', caseId: 'c1' }],
      );
    expect(rulesOf(jointCase().error(head, extend(16)))).toEqual([
      { field: 'days', code: 'integer-range', params: { min: 1, max: 15 } },
    ]);
    expect(jointCase().send(head, extend(15))[0].data).toMatchObject({
      days: 15,
      previousDueDate: '2026-03-30',
      statutoryDueDate: '2026-04-21',
    });
  });

  it('one working day moves the statutory due date from Monday 03-30 to Tuesday 03-31; the event names the head and the day', () => {
    expect(claimed().send(head, extend(1), at('2026-03-20'))[0]).toEqual({
      type: 'case.Extended',
      data: {
        days: 1,
        reason: '需补充专家论证',
        head: { userId: 'head-1', name: '陈局' },
        previousDueDate: '2026-03-30',
        statutoryDueDate: '2026-03-31',
        extendedOn: '2026-03-20',
      },
    });
  });
});

describe('the decision (Art. 38, 42, 44): by field and catalog code, timeliness on the due days', () => {
  const deny = (over: Record<string, unknown> = {}) => ({ ...DENIAL, ...over }) as CaseCommand;

  it('an approval needs an opinion', () => {
    expect(rulesOf(atDecision().error(head, { type: 'ApproveCase', caseId: 'c1', opinion: '' }))).toEqual([
      { field: 'opinion', code: 'required' },
    ]);
  });

  it('a denial without reasons, with an empty reason, or without its remedies is refused, field by field', () => {
    expect(rulesOf(atDecision().error(head, deny({ reasons: [], remedies: undefined })))).toEqual([
      { field: 'reasons', code: 'denial-reasons' },
      { field: 'remedies.reviewAuthority', code: 'required' },
      { field: 'remedies.court', code: 'required' },
    ]);
    const none = atDecision().error(head, deny({ reasons: 'none' }));
    expect(rulesOf(none)).toEqual([{ field: 'reasons', code: 'denial-reasons' }]);
    expect(none.errors?.[0].message).toBe('a denial states its reasons (Art. 38)');
    expect(rulesOf(atDecision().error(head, deny({ reasons: ['理由一', ' '] })))).toEqual([
      { field: 'reasons[1]', code: 'required' },
    ]);
  });

  it('the denial keeps its reasons, the remedies’ 60 days and 6 months, and its decision number', () => {
    expect(atDecision().send(head, deny(), at('2026-03-16'))[0].data).toEqual({
      taskId: 'c1.t3',
      reasons: ['经营场所与食品经营项目不相适应'],
      remedies: {
        administrativeReviewDays: 60,
        reviewAuthority: '呼和浩特市新城区人民政府',
        lawsuitMonths: 6,
        court: '呼和浩特市新城区人民法院',
      },
      deniedOn: '2026-03-16',
      decisionNumber: '150102-20260302-0001-D',
      withinStatutoryLimit: true,
      withinPromisedLimit: true,
    });
  });

  it('one-step item: decided on the promised due day (03-05) within both limits; the day after beyond the promised one', () => {
    const approve: CaseCommand = { type: 'ApproveCase', caseId: 'c1', opinion: '准予' };
    expect(oneStepClaimed().send(approver, approve, at('2026-03-05'))[0].data).toEqual({
      taskId: 'c1.t1',
      opinion: '准予',
      approvedOn: '2026-03-05',
      resultDueBy: '2026-03-19',
      withinStatutoryLimit: true,
      withinPromisedLimit: true,
    });
    expect(oneStepClaimed().send(approver, approve, at('2026-03-06'))[0].data).toMatchObject({
      withinStatutoryLimit: true,
      withinPromisedLimit: false,
    });
    expect(oneStepClaimed().send(approver, approve, at('2026-03-04'))[0].data).toMatchObject({
      withinStatutoryLimit: true,
      withinPromisedLimit: true,
    });
  });

  it('a denial on the day after the statutory due day (03-24) is beyond both limits; on the day itself (03-23) within it', () => {
    expect(oneStepClaimed().send(approver, deny(), at('2026-03-24'))[0].data).toMatchObject({
      withinStatutoryLimit: false,
      withinPromisedLimit: false,
    });
    expect(oneStepClaimed().send(approver, deny(), at('2026-03-23'))[0].data).toMatchObject({
      withinStatutoryLimit: true,
      withinPromisedLimit: false,
    });
  });
});
