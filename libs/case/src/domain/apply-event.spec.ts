/**
 * What each event records in the case's context, field by field (apply-event.ts): the reducer
 * the machine folds every stored event with. Mutation testing found fields no test read — a
 * deemed acceptance not marked deemed, an extension that left the old statutory due date (Law
 * Art. 42), a withdrawal that left the task held (docs/adr/0014-mutation-testing.md). Each test
 * folds one event into a real received case and compares the whole context.
 */
import type { CaseEvent } from '../events.js';
import { CaseDriver } from '../testing/case-driver.js';
import { application, approver, clerk } from '../testing/fixtures.js';
import { applyEvent, markKey } from './apply-event.js';
import type { CaseContext, ObligationRecord, SpecialProcedureRecord, TaskRecord } from './context.js';
import { ACCEPTED_ON_RECEIPT_DAY } from '../testing/scenarios.js';

type Data<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>['data'];
const ev = <T extends CaseEvent['type']>(type: T, data: Data<T>) => ({ type, data }) as CaseEvent;

/** A complete application received Monday 2026-03-02 (notice due 2026-03-09). */
const received = (): CaseContext =>
  new CaseDriver().given([clerk, application(), '2026-03-02T10:00:00+08:00']).current.context;

const task = (n: number, status: TaskRecord['status'], holder: TaskRecord['holder'] = null): TaskRecord => ({
  taskId: `c1.t${n}`,
  n,
  step: `step-${n}`,
  stepIndex: n - 1,
  label: `步骤${n}`,
  department: '150102-market-regulation',
  role: 'approver',
  createdOn: '2026-03-02',
  stepDueDate: '2026-03-12',
  reason: 'accepted',
  status,
  holder,
});
const li = { userId: 'appr-1', name: '李明' };
const procedure = (n: number, endedOn: string | null): SpecialProcedureRecord => ({
  n,
  kind: 'inspection',
  reason: '现场核查',
  expectedDays: 5,
  taskId: 'c1.t1',
  startedOn: '2026-03-03',
  endedOn,
  result: endedOn ? '合格' : null,
  suspendedWorkingDays: endedOn ? 2 : 0,
});
const obligation = (id: string): ObligationRecord => ({
  obligationId: id,
  n: Number(id.slice(-1)),
  ratingN: 1,
  office: { hall: 'hall-150102', department: '150102-market-regulation' },
  openedAt: '2026-03-03T01:00:00.000Z',
  callbackDueAt: '2026-03-05T01:00:00.000Z',
  rectifyDueBy: '2026-03-18',
  status: 'open',
  callback: null,
  closedAt: null,
  overdue: [],
});
const acceptanceDates = ACCEPTED_ON_RECEIPT_DAY;

describe('acceptance (Law Art. 32): the acceptance, both due dates and the 容缺 deficiency', () => {
  it('case.Received changes nothing: the machine folds it as its input', () => {
    const before = received();
    expect(applyEvent(before, ev('case.Received', {} as Data<'case.Received'>))).toBe(before);
  });

  it('case.Accepted: accepted on its day, not deemed, not with a deficiency; the due dates set', () => {
    const before = received();
    expect(applyEvent(before, ev('case.Accepted', acceptanceDates))).toEqual({
      ...before,
      acceptance: {
        acceptedOn: '2026-03-02',
        voucherNumber: '150102-20260302-0001-A',
        deemed: false,
        withDeficiency: false,
        queryCode: null,
      },
      statutoryDueDate: '2026-03-30',
      promisedDueDate: '2026-03-16',
    });
  });

  it('case.DeemedAccepted: marked deemed; a deficiency recorded before stays', () => {
    const deficiency = { missing: ['staff-health'], supplyBy: '2026-03-13', overdue: false };
    const before = { ...received(), deficiency };
    expect(
      applyEvent(before, ev('case.DeemedAccepted', { ...acceptanceDates, noticeDueBy: '2026-03-09' })),
    ).toEqual({
      ...before,
      acceptance: {
        acceptedOn: '2026-03-02',
        voucherNumber: '150102-20260302-0001-A',
        deemed: true,
        withDeficiency: false,
        queryCode: null,
      },
      statutoryDueDate: '2026-03-30',
      promisedDueDate: '2026-03-16',
      deficiency,
    });
  });

  it('case.AcceptedWithDeficiency: marked with a deficiency, the missing materials due by supplyBy, not overdue', () => {
    const before = received();
    const data = {
      ...acceptanceDates,
      missing: ['safety-rules'],
      supplyBy: '2026-03-13',
      commitmentSigned: true as const,
    };
    expect(applyEvent(before, ev('case.AcceptedWithDeficiency', data))).toEqual({
      ...before,
      acceptance: {
        acceptedOn: '2026-03-02',
        voucherNumber: '150102-20260302-0001-A',
        deemed: false,
        withDeficiency: true,
        queryCode: null,
      },
      statutoryDueDate: '2026-03-30',
      promisedDueDate: '2026-03-16',
      deficiency: { missing: ['safety-rules'], supplyBy: '2026-03-13', overdue: false },
    });
  });

  it('case.DeficiencySupplied: the supplied forms replace the old ones, the rest stay missing, one more visit', () => {
    const before: CaseContext = {
      ...received(),
      materials: [
        { code: 'application', form: 'original' },
        { code: 'safety-rules', form: 'copy' },
      ],
      deficiency: { missing: ['safety-rules', 'staff-health'], supplyBy: '2026-03-13', overdue: false },
    };
    const data = {
      materials: [{ code: 'safety-rules', form: 'original' as const }],
      suppliedOn: '2026-03-05',
      remaining: ['staff-health'],
      late: false,
    };
    expect(applyEvent(before, ev('case.DeficiencySupplied', data))).toEqual({
      ...before,
      materials: [
        { code: 'application', form: 'original' },
        { code: 'safety-rules', form: 'original' },
      ],
      deficiency: { missing: ['staff-health'], supplyBy: '2026-03-13', overdue: false },
      visits: 2,
    });
  });

  it('case.DeficiencyOverdue marks the deficiency overdue and nothing else', () => {
    const before = {
      ...received(),
      deficiency: { missing: ['staff-health'], supplyBy: '2026-03-13', overdue: false },
    };
    expect(
      applyEvent(before, ev('case.DeficiencyOverdue', { supplyBy: '2026-03-13', missing: ['staff-health'] })),
    ).toEqual({
      ...before,
      deficiency: { missing: ['staff-health'], supplyBy: '2026-03-13', overdue: true },
    });
  });
});

describe('the one complete correction notice (Law Art. 32)', () => {
  const notice = {
    items: [{ code: 'layout', problem: '缺' }],
    requestedOn: '2026-03-04',
    correctBy: '2026-03-18',
  };

  it('case.CorrectionRequested records the notice, not submitted yet', () => {
    const before = received();
    expect(applyEvent(before, ev('case.CorrectionRequested', notice))).toEqual({
      ...before,
      correction: { ...notice, submittedOn: null },
    });
  });

  it('case.CorrectionSubmitted before acceptance: the new Art. 32 deadline counts from the resubmission', () => {
    const before: CaseContext = {
      ...received(),
      materials: [{ code: 'application', form: 'copy' }],
      correction: { ...notice, submittedOn: null },
    };
    const data = {
      materials: [
        { code: 'application', form: 'original' as const },
        { code: 'layout', form: 'original' as const },
      ],
      submittedOn: '2026-03-10',
      decideBy: '2026-03-17',
    };
    expect(applyEvent(before, ev('case.CorrectionSubmitted', data))).toEqual({
      ...before,
      materials: data.materials,
      correction: { ...notice, submittedOn: '2026-03-10' },
      acceptanceDecideBy: '2026-03-17',
      deemedAcceptanceFrom: '2026-03-10',
      visits: 2,
    });
  });

  it('case.CorrectionSubmitted after a return (no decideBy): the acceptance deadlines stay', () => {
    const before = received();
    const data = { materials: [{ code: 'layout', form: 'copy' as const }], submittedOn: '2026-03-10' };
    expect(applyEvent(before, ev('case.CorrectionSubmitted', data))).toEqual({
      ...before,
      materials: [...before.materials.filter((m) => m.code !== 'layout'), { code: 'layout', form: 'copy' }],
      correction: null,
      visits: 2,
    });
  });

  it('case.CorrectionOverdue: the application counts as withdrawn (deemed) on that day', () => {
    const before = received();
    expect(
      applyEvent(
        before,
        ev('case.CorrectionOverdue', { correctBy: '2026-03-18', withdrawnOn: '2026-03-19' }),
      ),
    ).toEqual({
      ...before,
      withdrawal: {
        reason: 'correction not supplied by its deadline',
        withdrawnOn: '2026-03-19',
        during: 'frontDesk.correctionRequested',
        deemed: true,
      },
    });
  });

  it('case.Refused records the refusal as given', () => {
    const before = received();
    const data = {
      reason: '不属于本机关职权',
      legalBasis: '第三十二条',
      refusedOn: '2026-03-02',
      voucherNumber: 'x-R',
    };
    expect(applyEvent(before, ev('case.Refused', data))).toEqual({ ...before, refusal: data });
  });
});

describe('withdrawal: the current task closes and a running special procedure ends with the case', () => {
  it('a claimed current task is closed and freed; an earlier passed task and an ended procedure stay', () => {
    const before: CaseContext = {
      ...received(),
      tasks: [task(1, 'passed'), task(2, 'claimed', li)],
      currentTaskId: 'c1.t2',
      specialProcedures: [procedure(1, '2026-03-05'), procedure(2, null)],
    };
    const data = { reason: '申请人撤回', withdrawnOn: '2026-03-10', during: 'backOffice.inProgress' };
    expect(applyEvent(before, ev('case.Withdrawn', data))).toEqual({
      ...before,
      withdrawal: { ...data, deemed: false },
      tasks: [task(1, 'passed'), task(2, 'closed')],
      currentTaskId: null,
      specialProcedures: [
        procedure(1, '2026-03-05'),
        { ...procedure(2, null), endedOn: '2026-03-10', result: 'case withdrawn' },
      ],
    });
  });

  it('an open current task is closed too; a current task already passed is left as it is', () => {
    const open = { ...received(), tasks: [task(1, 'open')], currentTaskId: 'c1.t1' };
    const data = { reason: '申请人撤回', withdrawnOn: '2026-03-10', during: 'backOffice.inProgress' };
    expect(applyEvent(open, ev('case.Withdrawn', data)).tasks).toEqual([task(1, 'closed')]);
    const passed = { ...received(), tasks: [task(1, 'passed')], currentTaskId: 'c1.t1' };
    expect(applyEvent(passed, ev('case.Withdrawn', data)).tasks).toEqual([task(1, 'passed')]);
  });
});

describe('tasks (Law Art. 38): each event changes its own task only', () => {
  const two = (): CaseContext => ({
    ...received(),
    tasks: [task(1, 'passed'), task(2, 'open')],
    currentTaskId: 'c1.t2',
  });
  const { status: _s, holder: _h, ...created } = task(2, 'open');

  it('case.TaskCreated adds an open unheld task, makes it current and forgets the step to resume', () => {
    const before = { ...received(), tasks: [task(1, 'returned')], resumeStepIndex: 0 };
    expect(applyEvent(before, ev('case.TaskCreated', created))).toEqual({
      ...before,
      tasks: [task(1, 'returned'), task(2, 'open')],
      currentTaskId: 'c1.t2',
      resumeStepIndex: null,
    });
  });

  it('case.TaskClaimed: held by the claimer', () => {
    const before = two();
    const data = { taskId: 'c1.t2', holder: li, claimedAt: '2026-03-03T02:00:00.000Z' };
    expect(applyEvent(before, ev('case.TaskClaimed', data))).toEqual({
      ...before,
      tasks: [task(1, 'passed'), task(2, 'claimed', li)],
    });
  });

  it('case.TaskReleased: open again, nobody holds it', () => {
    const before = { ...two(), tasks: [task(1, 'passed'), task(2, 'claimed', li)] };
    const data = { taskId: 'c1.t2', holder: li, releasedAt: '2026-03-03T02:00:00.000Z' };
    expect(applyEvent(before, ev('case.TaskReleased', data))).toEqual({
      ...before,
      tasks: [task(1, 'passed'), task(2, 'open')],
    });
  });

  it('case.TaskPassed: passed, no task current', () => {
    const before = { ...two(), tasks: [task(1, 'passed'), task(2, 'claimed', li)] };
    const data = { taskId: 'c1.t2', opinion: '同意', passedAt: '2026-03-03T02:00:00.000Z' };
    expect(applyEvent(before, ev('case.TaskPassed', data))).toEqual({
      ...before,
      tasks: [task(1, 'passed'), task(2, 'passed', li)],
      currentTaskId: null,
    });
  });

  it('case.TaskReturned: returned, no task current, the case resumes at the returned step', () => {
    const before = { ...two(), tasks: [task(1, 'passed'), task(2, 'claimed', li)] };
    const data = {
      taskId: 'c1.t2',
      to: 'front-desk',
      reason: '补正',
      returnedAt: '2026-03-03T02:00:00.000Z',
    };
    expect(applyEvent(before, ev('case.TaskReturned', data))).toEqual({
      ...before,
      tasks: [task(1, 'passed'), task(2, 'returned', li)],
      currentTaskId: null,
      resumeStepIndex: 1,
    });
    const unknown = { ...data, taskId: 'c1.t9' };
    expect(
      applyEvent({ ...before, resumeStepIndex: 0 }, ev('case.TaskReturned', unknown)).resumeStepIndex,
    ).toBe(0);
  });
});

describe('special procedures (Law Art. 45) and the extension (Art. 42) move the due dates the timers read', () => {
  it('case.SpecialProcedureStarted adds a running procedure with nothing suspended yet', () => {
    const before = { ...received(), specialProcedures: [procedure(1, '2026-03-05')] };
    const data = {
      n: 2,
      kind: 'inspection' as const,
      reason: '现场核查',
      expectedDays: 5,
      taskId: 'c1.t1',
      startedOn: '2026-03-03',
    };
    expect(applyEvent(before, ev('case.SpecialProcedureStarted', data))).toEqual({
      ...before,
      specialProcedures: [procedure(1, '2026-03-05'), procedure(2, null)],
    });
  });

  it('case.SpecialProcedureEnded ends that procedure only and sets both moved due dates', () => {
    const before = {
      ...received(),
      ...acceptanceDates,
      specialProcedures: [procedure(1, '2026-03-05'), procedure(2, null)],
    };
    const data = {
      n: 2,
      result: '合格',
      endedOn: '2026-03-05',
      suspendedWorkingDays: 2,
      statutoryDueDate: '2026-04-01',
      promisedDueDate: '2026-03-18',
    };
    expect(applyEvent(before, ev('case.SpecialProcedureEnded', data))).toEqual({
      ...before,
      specialProcedures: [procedure(1, '2026-03-05'), procedure(2, '2026-03-05')],
      statutoryDueDate: '2026-04-01',
      promisedDueDate: '2026-03-18',
    });
  });

  it('case.Extended records the extension and the new statutory due date; the promised one stays', () => {
    const before = { ...received(), ...acceptanceDates };
    const data = {
      days: 10,
      reason: '情况复杂',
      head: { userId: 'head-1', name: '陈局' },
      previousDueDate: '2026-03-30',
      statutoryDueDate: '2026-04-14',
      extendedOn: '2026-03-20',
    };
    expect(applyEvent(before, ev('case.Extended', data))).toEqual({
      ...before,
      extension: data,
      statutoryDueDate: '2026-04-14',
    });
  });
});

describe('the decision (Law Art. 38, 42, 44) and what follows it', () => {
  const deciding = (): CaseContext => ({
    ...received(),
    tasks: [task(1, 'passed'), task(2, 'claimed', li)],
    currentTaskId: 'c1.t2',
  });

  /** The context after a decision: the task decided, no task current, the decision recorded. */
  const decided = (before: CaseContext, decision: CaseContext['decision']): CaseContext => ({
    ...before,
    tasks: [task(1, 'passed'), task(2, 'decided', li)],
    currentTaskId: null,
    decision,
  });

  it('case.Approved: the task decided, no task current, the decision with its result due date and timeliness', () => {
    const before = deciding();
    const data = {
      taskId: 'c1.t2',
      opinion: '准予许可',
      approvedOn: '2026-03-10',
      resultDueBy: '2026-03-24',
      withinStatutoryLimit: true,
      withinPromisedLimit: false,
    };
    expect(applyEvent(before, ev('case.Approved', data))).toEqual(
      decided(before, {
        outcome: 'approved',
        on: '2026-03-10',
        taskId: 'c1.t2',
        opinion: '准予许可',
        resultDueBy: '2026-03-24',
        withinStatutoryLimit: true,
        withinPromisedLimit: false,
      }),
    );
  });

  it('case.Denied: the task decided, the decision with its reasons, remedies and number', () => {
    const before = deciding();
    const remedies = {
      administrativeReviewDays: 60,
      reviewAuthority: '新城区人民政府',
      lawsuitMonths: 6,
      court: '新城区人民法院',
    };
    const data = {
      taskId: 'c1.t2',
      reasons: ['场所不符合要求'],
      remedies,
      deniedOn: '2026-03-31',
      decisionNumber: 'x-D',
      withinStatutoryLimit: false,
      withinPromisedLimit: false,
    };
    expect(applyEvent(before, ev('case.Denied', data))).toEqual(
      decided(before, {
        outcome: 'denied',
        on: '2026-03-31',
        taskId: 'c1.t2',
        reasons: ['场所不符合要求'],
        remedies,
        decisionNumber: 'x-D',
        withinStatutoryLimit: false,
        withinPromisedLimit: false,
      }),
    );
  });

  it('case.ResultIssued, case.Dispatched, case.Delivered (one more visit) and case.Rated (one more rating)', () => {
    const before = received();
    const issued = { certificateNumber: 'JY1', electronic: true, issuedOn: '2026-03-11', late: false };
    expect(applyEvent(before, ev('case.ResultIssued', issued))).toEqual({ ...before, result: issued });
    const dispatched = { method: 'window' as const, dispatchedOn: '2026-03-11' };
    expect(applyEvent(before, ev('case.Dispatched', dispatched))).toEqual({
      ...before,
      dispatch: dispatched,
    });
    expect(
      applyEvent(before, ev('case.Delivered', { deliveredOn: '2026-03-12', outcome: 'approved' })),
    ).toEqual({
      ...before,
      deliveredOn: '2026-03-12',
      visits: 2,
    });
    const first: Data<'case.Rated'> = {
      n: 1,
      level: 5,
      bad: false,
      channel: 'window-device',
      stage: 'front-desk',
      ratedAt: '2026-03-02T02:10:00.000Z',
    };
    const second: Data<'case.Rated'> = { ...first, n: 2, ratedAt: '2026-03-12T02:10:00.000Z' };
    const once = applyEvent(before, ev('case.Rated', first));
    expect(applyEvent(once, ev('case.Rated', second))).toEqual({
      ...before,
      ratings: [first, second],
    });
  });
});

describe('Art. 36 obligations: each event changes its own obligation only', () => {
  const { status: _s, callback: _c, closedAt: _a, overdue: _o, ...opened } = obligation('o2');
  const two = (): CaseContext => ({ ...received(), obligations: [obligation('o1'), obligation('o2')] });

  it('case.ObligationOpened adds an open obligation, not called back, not closed, nothing overdue', () => {
    const before = { ...received(), obligations: [obligation('o1')] };
    expect(applyEvent(before, ev('case.ObligationOpened', opened))).toEqual({
      ...before,
      obligations: [obligation('o1'), obligation('o2')],
    });
  });

  it('case.CallbackRecorded: called back, with the callback', () => {
    const data = {
      obligationId: 'o2',
      notes: '已回访',
      verified: true,
      calledAt: '2026-03-04T01:00:00.000Z',
      late: false,
    };
    expect(applyEvent(two(), ev('case.CallbackRecorded', data)).obligations).toEqual([
      obligation('o1'),
      { ...obligation('o2'), status: 'called-back', callback: data },
    ]);
  });

  it.each([
    {
      event: ev('case.Rectified', {
        obligationId: 'o2',
        measures: '整改',
        rectifiedAt: '2026-03-10T01:00:00.000Z',
        late: false,
      }),
      status: 'rectified',
      closedAt: '2026-03-10T01:00:00.000Z',
    },
    {
      event: ev('case.Explained', {
        obligationId: 'o2',
        explanation: '说明',
        explainedAt: '2026-03-11T01:00:00.000Z',
        late: true,
      }),
      status: 'explained',
      closedAt: '2026-03-11T01:00:00.000Z',
    },
  ])('$event.type closes it at its instant', ({ event, status, closedAt }) => {
    expect(applyEvent(two(), event).obligations).toEqual([
      obligation('o1'),
      { ...obligation('o2'), status, closedAt },
    ]);
  });

  it('case.ObligationOverdue adds the deadline to the obligation and its mark to the case', () => {
    const before = { ...two(), marks: ['decision-warning:promised:2026-03-16'] };
    const late = applyEvent(
      before,
      ev('case.ObligationOverdue', { obligationId: 'o2', deadline: 'callback', dueAt: 'x' }),
    );
    const later = applyEvent(
      late,
      ev('case.ObligationOverdue', { obligationId: 'o2', deadline: 'rectification', dueAt: 'y' }),
    );
    expect(later).toEqual({
      ...before,
      obligations: [obligation('o1'), { ...obligation('o2'), overdue: ['callback', 'rectification'] }],
      marks: [
        'decision-warning:promised:2026-03-16',
        'obligation-overdue:o2:callback',
        'obligation-overdue:o2:rectification',
      ],
    });
  });
});

describe('deadline marks: a timer whose mark is stored decides nothing again', () => {
  it('each mark is remembered under its own key, after the earlier ones', () => {
    const events = [
      ev('case.DecisionWarning', { limit: 'promised', dueDate: '2026-03-16', workingDaysLeft: 3 }),
      ev('case.DecisionOverdue', { limit: 'statutory', dueDate: '2026-03-30' }),
      ev('case.ResultIssueOverdue', { resultDueBy: '2026-03-24' }),
    ];
    const before = received();
    expect(events.reduce(applyEvent, before)).toEqual({
      ...before,
      marks: [
        'decision-warning:promised:2026-03-16',
        'decision-overdue:statutory:2026-03-30',
        'result-issue-overdue:2026-03-24',
      ],
    });
    expect(
      markKey(
        ev('case.ObligationOverdue', { obligationId: 'o1', deadline: 'callback', dueAt: 'x' }) as never,
      ),
    ).toBe('obligation-overdue:o1:callback');
  });

  it('a supervision notice (督办) changes nothing in the case', () => {
    const before = received();
    const data = {
      taskId: 'c1.t1',
      stepDueDate: '2026-03-12',
      workingDaysLeft: 1,
      note: '请尽快',
      by: li,
      sentOn: '2026-03-11',
    };
    expect(applyEvent(before, ev('case.SupervisionNoticeSent', data))).toBe(before);
  });
});

describe('provisional years (ADR 12): dates counted Monday–Friday in a year not loaded yet', () => {
  it('an event with provisional dates adds its years, once each, in order', () => {
    const before = { ...received(), provisionalYears: [2028] };
    const data = { ...acceptanceDates, provisional: { years: [2028, 2027] } };
    expect(applyEvent(before, ev('case.Accepted', data)).provisionalYears).toEqual([2027, 2028]);
    expect(applyEvent(before, ev('case.Accepted', acceptanceDates)).provisionalYears).toEqual([2028]);
  });

  it('case.DeadlinesRecalculated replaces the years by its own (none when all are loaded) and moves each deadline', () => {
    const before: CaseContext = {
      ...received(),
      ...acceptanceDates,
      provisionalYears: [2027, 2028],
      tasks: [task(1, 'passed'), task(2, 'open')],
      decision: {
        outcome: 'approved',
        on: '2026-03-10',
        taskId: 'c1.t2',
        resultDueBy: '2026-03-24',
        withinStatutoryLimit: true,
        withinPromisedLimit: true,
      },
    };
    const change = (deadline: string, to: string, taskId?: string) => ({
      deadline,
      from: 'x',
      to,
      ...(taskId ? { taskId } : {}),
    });
    const data = {
      years: [2027],
      calendar: [],
      recalculatedOn: '2026-12-01',
      changes: [
        change('statutory', '2026-04-01'),
        change('promised', '2026-03-17'),
        change('acceptance-decision', '2026-03-10'),
        change('step', '2026-03-13', 'c1.t2'),
        change('result-issue', '2026-03-25'),
      ],
    } as Data<'case.DeadlinesRecalculated'>;
    expect(applyEvent(before, ev('case.DeadlinesRecalculated', data))).toEqual({
      ...before,
      provisionalYears: [],
      statutoryDueDate: '2026-04-01',
      promisedDueDate: '2026-03-17',
      acceptanceDecideBy: '2026-03-10',
      tasks: [task(1, 'passed'), { ...task(2, 'open'), stepDueDate: '2026-03-13' }],
      decision: { ...before.decision, resultDueBy: '2026-03-25' },
    });
    const stillGuessed = { ...data, changes: [], provisional: { years: [2028] } };
    expect(applyEvent(before, ev('case.DeadlinesRecalculated', stillGuessed)).provisionalYears).toEqual([
      2028,
    ]);
    const noDecision = { ...before, decision: null };
    expect(applyEvent(noDecision, ev('case.DeadlinesRecalculated', data)).decision).toBeNull();
  });
});

describe('the driver folds real events the same way (a smoke check of the fixtures above)', () => {
  it('a claimed task holds its claimer', () => {
    const d = new CaseDriver().given(
      [clerk, application(), '2026-03-02T10:00:00+08:00'],
      [clerk, { type: 'AcceptCase', caseId: 'c1' }],
      [approver, { type: 'ClaimTask', taskId: 'c1.t1' }],
    );
    expect(d.current.context.tasks[0]).toMatchObject({ taskId: 'c1.t1', status: 'claimed', holder: li });
  });
});
