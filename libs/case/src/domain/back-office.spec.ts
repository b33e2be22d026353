/**
 * 后台分类审批 — tasks per guide step, one holder at a time, returns, special procedures,
 * extension and the decision. Accepted Monday 2026-03-02: statutory due 2026-03-30, promised 2026-03-16.
 */
import type { CaseEvent } from '../events.js';
import { CaseDriver } from '../testing/case-driver.js';
import {
  BY_APPLICANT,
  GUIDE,
  ONE_STEP_GUIDE,
  OTHER_DEPT,
  application,
  approver,
  approver2,
  clerk,
  head,
  outsider,
  system,
} from '../testing/fixtures.js';
import { DENIAL, accepted, at, atDecision, claimed } from '../testing/scenarios.js';

describe('Art. 28 后台分类审批: guide steps become tasks', () => {
  it('each step of the guide becomes a task in its department queue, in order', () => {
    const d = atDecision();
    expect(d.current.context.tasks.map((t) => [t.taskId, t.step, t.role, t.department, t.status])).toEqual([
      ['c1.t1', 'review', 'approver', '150102-market-regulation', 'passed'],
      ['c1.t2', 'verification', 'approver', '150102-market-regulation', 'passed'],
      ['c1.t3', 'decision', 'head', '150102-market-regulation', 'claimed'],
    ]);
    expect(d.current.context.tasks[0]).toMatchObject({ createdOn: '2026-03-02', stepDueDate: '2026-03-12' });
  });

  it('one holder at a time: a held task cannot be claimed by another approver', () => {
    const d = claimed();
    expect(d.error(approver2, { type: 'ClaimTask', taskId: 'c1.t1' })).toMatchObject({
      code: 'not-allowed-in-state',
      message: expect.stringContaining('李明'),
    });
  });

  it('the holder releases the task back to the queue, and another approver may claim it', () => {
    const d = claimed();
    expect(d.error(approver2, { type: 'ReleaseTask', taskId: 'c1.t1' }).code).toBe('forbidden');
    d.send(approver, { type: 'ReleaseTask', taskId: 'c1.t1' });
    expect(d.send(approver2, { type: 'ClaimTask', taskId: 'c1.t1' })[0]).toMatchObject({
      data: { holder: { userId: 'appr-2' } },
    });
  });

  it("the department head may release an absent holder's task", () => {
    expect(claimed().send(head, { type: 'ReleaseTask', taskId: 'c1.t1' })[0]).toMatchObject({
      type: 'case.TaskReleased',
      data: { holder: { userId: 'appr-1' } },
    });
  });

  it('an approver acts only on tasks of their own department and role (DOMAIN §2)', () => {
    expect(accepted().error(outsider, { type: 'ClaimTask', taskId: 'c1.t1' }).code).toBe('forbidden');
    expect(accepted().error(clerk, { type: 'ClaimTask', taskId: 'c1.t1' }).code).toBe('forbidden');
    const d = claimed().given(
      [approver, { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' }],
      [approver2, { type: 'ClaimTask', taskId: 'c1.t2' }],
    );
    d.send(approver2, { type: 'PassTask', taskId: 'c1.t2', opinion: '同意' });
    expect(d.error(approver, { type: 'ClaimTask', taskId: 'c1.t3' })).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('only a head'),
    });
  });

  it("ADR 8: the department's head holds every approver right — claims and passes an approver's step; another department's head cannot", () => {
    const d = accepted();
    expect(d.send(head, { type: 'ClaimTask', taskId: 'c1.t1' })[0]).toMatchObject({
      type: 'case.TaskClaimed',
      data: { taskId: 'c1.t1', holder: { userId: head.userId } },
    });
    expect(d.send(head, { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' })[0].type).toBe(
      'case.TaskPassed',
    );
    const otherHead = { ...head, userId: 'head-9', department: outsider.department };
    expect(accepted().error(otherHead, { type: 'ClaimTask', taskId: 'c1.t1' }).code).toBe('forbidden');
  });

  it('only the holder passes, returns or decides; an unclaimed task must be claimed first', () => {
    expect(claimed().error(approver2, { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' }).code).toBe(
      'forbidden',
    );
    expect(
      accepted().error(approver, { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' }).message,
    ).toContain('claimed first');
    expect(accepted().error(approver, { type: 'ClaimTask', taskId: 'c1.t9' }).code).toBe('not-found');
  });

  it('an old task cannot be acted on once the step has been passed', () => {
    const d = claimed().given([approver, { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' }]);
    expect(d.error(approver, { type: 'ClaimTask', taskId: 'c1.t1' }).code).toBe('not-allowed-in-state');
  });
});

describe('returning a case', () => {
  it('returns to an earlier step: that step becomes a new task', () => {
    const d = claimed().given(
      [approver, { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' }],
      [approver2, { type: 'ClaimTask', taskId: 'c1.t2' }],
    );
    const events = d.send(approver2, {
      type: 'ReturnTask',
      taskId: 'c1.t2',
      to: 'review',
      reason: '现场核查记录缺页',
    });
    expect(d.types(events)).toEqual(['case.TaskReturned', 'case.TaskCreated']);
    expect(events[1].data).toMatchObject({ taskId: 'c1.t3', step: 'review', reason: 'returned' });
  });

  it('cannot return to the same or a later step', () => {
    expect(
      claimed().error(approver, { type: 'ReturnTask', taskId: 'c1.t1', to: 'review', reason: 'x' })
        .errors?.[0].field,
    ).toBe('to');
    expect(
      claimed().error(approver, { type: 'ReturnTask', taskId: 'c1.t1', to: 'decision', reason: 'x' }).code,
    ).toBe('invalid-command');
  });

  it('returns to the front desk for correction; the corrected materials resume at the returning step while the clock runs on', () => {
    const d = claimed().given(
      [approver, { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' }],
      [approver2, { type: 'ClaimTask', taskId: 'c1.t2' }],
    );
    d.send(approver2, { type: 'ReturnTask', taskId: 'c1.t2', to: 'front-desk', reason: '平面图比例不符' });
    expect(d.current.status).toBe('frontDesk.returnedForCorrection');
    expect(
      d.send(system, { type: 'MarkDecisionOverdue', caseId: 'c1', limit: 'promised' }, at('2026-03-17')),
    ).toHaveLength(1);
    const events = d.send(clerk, {
      type: 'SubmitCorrection',
      caseId: 'c1',
      materials: [{ code: 'layout', form: 'original' }],
    });
    expect(events[1]).toMatchObject({
      type: 'case.TaskCreated',
      data: { step: 'verification', reason: 'resubmitted', taskId: 'c1.t3' },
    });
    expect(d.current).toMatchObject({ status: 'backOffice.underReview' });
    expect(d.current.context.statutoryDueDate).toBe('2026-03-30');
  });
});

describe('Administrative Licensing Law Art. 45 — special procedures stop the clock', () => {
  it('Art. 45: hearing/inspection/testing… time does not count: due dates move by the working days it took', () => {
    const d = claimed();
    d.send(
      approver,
      {
        type: 'StartSpecialProcedure',
        caseId: 'c1',
        kind: 'inspection',
        reason: '现场核查',
        expectedDays: 5,
      },
      at('2026-03-04'),
    );
    expect(d.current.status).toBe('backOffice.specialProcedure');
    expect(d.error(approver, { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' }).code).toBe(
      'not-allowed-in-state',
    );
    expect(
      d.send(system, { type: 'MarkDecisionOverdue', caseId: 'c1', limit: 'promised' }, at('2026-03-20')),
    ).toEqual([]);
    const [ended] = d.send(
      approver,
      { type: 'EndSpecialProcedure', caseId: 'c1', n: 1, result: '核查合格' },
      at('2026-03-11'),
    );
    expect(ended).toEqual({
      type: 'case.SpecialProcedureEnded',
      data: {
        n: 1,
        result: '核查合格',
        endedOn: '2026-03-11',
        suspendedWorkingDays: 5,
        statutoryDueDate: '2026-04-07', // 03-30 + 5 working days, skipping 清明 2026-04-04…06
        promisedDueDate: '2026-03-23',
      },
    });
    expect(d.current.status).toBe('backOffice.underReview');
  });

  it('Art. 45: only the running procedure can be ended, by its department; an unknown one is 404', () => {
    const d = claimed().given([
      approver,
      {
        type: 'StartSpecialProcedure',
        caseId: 'c1',
        kind: 'expert-review',
        reason: '专家评审',
        expectedDays: 10,
      },
    ]);
    expect(d.error(approver, { type: 'EndSpecialProcedure', caseId: 'c1', n: 2, result: 'x' }).code).toBe(
      'not-found',
    );
    expect(d.error(outsider, { type: 'EndSpecialProcedure', caseId: 'c1', n: 1, result: 'x' }).code).toBe(
      'forbidden',
    );
  });
});

describe('Administrative Licensing Law Art. 42 — extension', () => {
  const extend = (days = 10) => ({
    type: 'ExtendTimeLimit' as const,
    caseId: 'c1',
    days,
    reason: '需补充专家论证',
  });

  it('Art. 42: the head extends the statutory limit once, by up to 10 working days, with a reason', () => {
    const d = claimed();
    expect(d.send(head, extend())).toEqual([
      {
        type: 'case.Extended',
        data: {
          days: 10,
          reason: '需补充专家论证',
          head: { userId: 'head-1', name: '陈局' },
          previousDueDate: '2026-03-30',
          statutoryDueDate: '2026-04-14',
          extendedOn: '2026-03-02',
        },
      },
    ]);
    expect(d.error(head, extend(2))).toMatchObject({
      code: 'not-allowed-in-state',
      message: expect.stringContaining('once'),
    });
  });

  it('Art. 42: an approver cannot extend, and not by more than 10 working days', () => {
    expect(claimed().error(approver, extend()).code).toBe('forbidden');
    expect(claimed().error(head, extend(11)).errors?.[0].field).toBe('days');
  });

  /** 联合办理: the same item, its verification done by a second department. */
  const JOINT_GUIDE = {
    ...GUIDE,
    jointHandling: true,
    steps: GUIDE.steps.map((s) => (s.name === 'verification' ? { ...s, department: OTHER_DEPT } : s)),
  };
  const acceptedJointly = () => accepted(new CaseDriver('c1', JOINT_GUIDE));

  it('Administrative Licensing Law Art. 42: a joint-handling case is extended once by up to 15 working days, not 16', () => {
    const d = acceptedJointly();
    expect(d.current.context.guide.jointHandling).toBe(true);
    expect(d.error(head, extend(16)).errors?.[0]).toMatchObject({ field: 'days' });
    expect(d.send(head, extend(15))[0]).toMatchObject({
      type: 'case.Extended',
      data: { days: 15, previousDueDate: '2026-03-30', statutoryDueDate: '2026-04-21' },
    });
    expect(d.error(head, extend(1)).message).toContain('once');
  });

  it('Administrative Licensing Law Art. 42: an ordinary case is still extended by at most 10 working days', () => {
    expect(accepted().current.context.guide).not.toHaveProperty('jointHandling');
    expect(accepted().error(head, extend(15)).errors?.[0]).toMatchObject({ field: 'days' });
    expect(accepted().send(head, extend(10))[0]).toMatchObject({ data: { days: 10 } });
  });

  it('Administrative Licensing Law Art. 42: a history recorded before guides carried joint handling folds as an ordinary case', () => {
    const stored = JSON.parse(JSON.stringify(acceptedJointly().events)) as CaseEvent[];
    const history = stored.map((e) => {
      if (e.type !== 'case.Received') return e;
      const { jointHandling: _, ...guide } = e.data.guide;
      return { ...e, data: { ...e.data, guide } };
    });
    const d = new CaseDriver('c1', JOINT_GUIDE).replay(history);
    expect(d.error(head, extend(11)).errors?.[0]).toMatchObject({ field: 'days' });
    expect(d.send(head, extend(10))[0]).toMatchObject({ type: 'case.Extended', data: { days: 10 } });
  });
});

describe('the decision — approve or deny at the last step (Art. 38)', () => {
  it('approves only at the last step', () => {
    expect(claimed().error(approver, { type: 'ApproveCase', caseId: 'c1', opinion: '准予' })).toMatchObject({
      code: 'not-allowed-in-state',
      message: expect.stringContaining('last step'),
    });
    expect(claimed().error(approver, { type: 'PassTask', taskId: 'c1.t1', opinion: '' }).code).toBe(
      'invalid-command',
    );
    expect(
      atDecision().error(head, { type: 'PassTask', taskId: 'c1.t3', opinion: '同意' }).message,
    ).toContain('last step');
  });

  it('approval records timeliness and the Art. 44 deadline to issue the result (10 working days)', () => {
    const d = atDecision();
    const [approved] = d.send(
      head,
      { type: 'ApproveCase', caseId: 'c1', opinion: '准予许可' },
      at('2026-03-20'),
    );
    expect(approved).toMatchObject({
      type: 'case.Approved',
      data: {
        taskId: 'c1.t3',
        approvedOn: '2026-03-20',
        resultDueBy: '2026-04-03',
        withinStatutoryLimit: true,
        withinPromisedLimit: false,
      },
    });
    expect(d.current.status).toBe('delivery.awaitingResult');
  });

  it('Art. 38: a denial states its reasons and the remedies — administrative review within 60 days, lawsuit within 6 months', () => {
    const d = atDecision();
    const [denied] = d.send(head, DENIAL);
    expect(denied).toMatchObject({
      type: 'case.Denied',
      data: {
        reasons: ['经营场所与食品经营项目不相适应'],
        remedies: {
          administrativeReviewDays: 60,
          lawsuitMonths: 6,
          reviewAuthority: '呼和浩特市新城区人民政府',
        },
        decisionNumber: '150102-20260302-0001-D',
      },
    });
    expect(d.current.status).toBe('delivery.issued');
    d.send(clerk, { type: 'DispatchResult', caseId: 'c1', method: 'window' });
    d.send(clerk, { type: 'DeliverResult', caseId: 'c1', recipient: BY_APPLICANT });
    expect(d.current.status).toBe('denied');
  });

  it('Art. 38: a denial without reasons or remedies is refused', () => {
    const error = atDecision().error(head, {
      type: 'DenyCase',
      caseId: 'c1',
      reasons: [],
      remedies: { reviewAuthority: '', court: 'x' },
    });
    expect(error.errors?.map((e) => e.field)).toEqual(['reasons', 'remedies.reviewAuthority']);
  });

  it('a one-step item: its only step decides', () => {
    const d = new CaseDriver('c2', ONE_STEP_GUIDE).given(
      [clerk, application({ itemCode: ONE_STEP_GUIDE.code }), at('2026-03-02')],
      [clerk, { type: 'AcceptCase', caseId: 'c2' }],
      [approver, { type: 'ClaimTask', taskId: 'c2.t1' }],
    );
    expect(d.types(d.send(approver, { type: 'ApproveCase', caseId: 'c2', opinion: '准予登记' }))).toEqual([
      'case.Approved',
    ]);
  });
});

describe('decision deadlines (DOMAIN §5): warning and overdue marks from the durable scheduler', () => {
  it('warns within 3 working days of a due date, marks it overdue after it, and never twice', () => {
    const d = claimed();
    expect(
      d.error(system, { type: 'MarkDecisionWarning', caseId: 'c1', limit: 'statutory' }, at('2026-03-24'))
        .code,
    ).toBe('not-allowed-in-state');
    expect(
      d.send(system, { type: 'MarkDecisionWarning', caseId: 'c1', limit: 'statutory' }, at('2026-03-25')),
    ).toEqual([
      {
        type: 'case.DecisionWarning',
        data: { limit: 'statutory', dueDate: '2026-03-30', workingDaysLeft: 3 },
      },
    ]);
    expect(d.send(system, { type: 'MarkDecisionWarning', caseId: 'c1', limit: 'statutory' })).toEqual([]);
    expect(
      d.error(
        system,
        { type: 'MarkDecisionOverdue', caseId: 'c1', limit: 'statutory' },
        at('2026-03-30', '23:59'),
      ).code,
    ).toBe('not-allowed-in-state');
    expect(
      d.send(system, { type: 'MarkDecisionOverdue', caseId: 'c1', limit: 'statutory' }, at('2026-03-31')),
    ).toHaveLength(1);
    expect(d.send(system, { type: 'MarkDecisionOverdue', caseId: 'c1', limit: 'statutory' })).toEqual([]);
  });

  it('only the scheduler sends deadline commands', () => {
    expect(
      claimed().error(
        head,
        { type: 'MarkDecisionOverdue', caseId: 'c1', limit: 'statutory' },
        at('2026-03-31'),
      ).code,
    ).toBe('forbidden');
  });
});

describe('督办 — a supervision notice on a task near or past its due date', () => {
  // Task c1.t1 (review) is due 2026-03-12; the warning window is 3 working days (DEFAULT_CASE_POLICY).
  const supervise = { type: 'SendSupervisionNotice' as const, taskId: 'c1.t1', note: '请于到期前办结' };
  const admin = { userId: 'admin-1', name: '管理员', role: 'admin' as const };

  it('the head of the task department sends it near the due date; the case stays where it was', () => {
    const d = claimed();
    expect(d.send(head, supervise, at('2026-03-10'))).toEqual([
      {
        type: 'case.SupervisionNoticeSent',
        data: {
          taskId: 'c1.t1',
          stepDueDate: '2026-03-12',
          workingDaysLeft: 2,
          note: '请于到期前办结',
          by: { userId: 'head-1', name: '陈局' },
          sentOn: '2026-03-10',
        },
      },
    ]);
    expect(d.current.status).toBe('backOffice.underReview');
  });

  it('an administrator sends it past the due date, counted in working days', () => {
    const d = accepted();
    expect(d.send(admin, supervise, at('2026-03-16'))[0]).toMatchObject({
      data: { workingDaysLeft: -2, by: { userId: 'admin-1' } },
    });
  });

  it('refused while the task is far from its due date: a state refusal with the due date', () => {
    const d = claimed();
    expect(d.error(head, supervise, at('2026-03-03'))).toMatchObject({
      code: 'not-allowed-in-state',
      message: expect.stringContaining('2026-03-12'),
    });
  });

  it('refused to an approver and to the head of another department', () => {
    const d = claimed();
    expect(d.error(approver, supervise, at('2026-03-11')).code).toBe('forbidden');
    expect(
      d.error({ ...head, userId: 'head-9', department: OTHER_DEPT }, supervise, at('2026-03-11')).code,
    ).toBe('forbidden');
  });
});
