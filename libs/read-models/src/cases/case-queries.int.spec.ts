import { ALL_SCOPE, scopeForActor } from '../scope/read-scope.js';
import { OutOfScopeError } from '../scope/out-of-scope.error.js';
import { InvalidQueryError } from '../queries/invalid-query.error.js';
import {
  acceptedFoodLicence,
  DEMO_ACTORS as A,
  decideFoodLicence,
  deliverFoodLicence,
  handInSafetyRules,
  caseWorldPerTest,
  receiveFoodLicence,
} from '../testing/index.js';

// Tuesday 28 April 2026, 09:30 in Hohhot: the Labour Day holiday (1–5 May) is three days away.
const START = '2026-04-28T01:30:00Z';

describe('case list, summary and deadline board', () => {
  const w = caseWorldPerTest({ start: START });

  it('shows due dates, and working days left and the warning as of today, skipping the Labour Day holiday', async () => {
    const { caseId } = await acceptedFoodLicence(w);
    await w.settle();
    const onAcceptance = w.readModels.cases.summary(caseId, ALL_SCOPE)!;
    expect(onAcceptance).toMatchObject({
      status: 'backOffice.underReview',
      stage: 'backOffice',
      currentStep: '审查',
      acceptedOn: '2026-04-28',
      promisedDueDate: '2026-05-08',
      statutoryDueDate: '2026-05-14',
      warning: 'none',
      workingDaysLeft: 5,
    });
    expect(onAcceptance.dueDates.statutory).toMatchObject({
      dueDate: '2026-05-14',
      workingDaysLeft: 10,
      warning: 'none',
    });

    // Thursday 30 April: eight natural days to go, but only 6, 7 and 8 May are working days.
    w.clock.set('2026-04-30T02:00:00Z');
    expect(w.readModels.cases.summary(caseId, ALL_SCOPE)).toMatchObject({
      warning: 'yellow',
      workingDaysLeft: 3,
    });
    // Saturday 9 May is a make-up working day, and the promised limit ended with Friday.
    w.clock.set('2026-05-09T02:00:00Z');
    expect(w.readModels.cases.summary(caseId, ALL_SCOPE)).toMatchObject({
      warning: 'red',
      workingDaysLeft: -1,
    });
  });

  it('lists a clerk only their own hall’s cases, filtered and searched, newest first, in pages', async () => {
    const first = await acceptedFoodLicence(w, { applicant: { name: '巴特尔' } });
    w.clock.advance(60_000);
    const second = await receiveFoodLicence(w, { applicant: { name: '其其格' } });
    w.clock.advance(60_000);
    await receiveFoodLicence(w, { applicant: { name: '王芳' }, greenChannel: true });
    await w.settle();
    const clerk = scopeForActor(A.clerk);
    const all = w.readModels.cases.list({}, clerk);
    expect(all.total).toBe(3);
    expect(all.items.map((c) => c.applicantName)).toEqual(['王芳', '其其格', '巴特尔']);
    expect(w.readModels.cases.list({}, scopeForActor(A.otherHallClerk)).total).toBe(0);
    expect(
      w.readModels.cases.list({ status: 'frontDesk.received' }, clerk).items.map((c) => c.caseId),
    ).toHaveLength(2);
    expect(w.readModels.cases.list({ q: '其其' }, clerk).items.map((c) => c.caseId)).toEqual([second.caseId]);
    expect(w.readModels.cases.list({ q: first.caseNumber }, clerk).items.map((c) => c.caseId)).toEqual([
      first.caseId,
    ]);
    expect(w.readModels.cases.list({ greenChannel: true }, clerk).total).toBe(1);
    expect(
      w.readModels.cases.list({ item: '11150102DEM000004X4DEM000000004', stage: 'backOffice' }, clerk).total,
    ).toBe(1);
    expect(
      w.readModels.cases.list({ receivedFrom: '2026-04-28', receivedTo: '2026-04-28' }, clerk).total,
    ).toBe(3);
    const page2 = w.readModels.cases.list({ page: 2, pageSize: 2 }, clerk);
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((c) => c.applicantName)).toEqual(['巴特尔']);
    // An approver reads the cases their department decides.
    expect(w.readModels.cases.list({}, scopeForActor(A.approver)).total).toBe(3);
    expect(w.readModels.cases.list({}, scopeForActor(A.civilAffairsApprover)).total).toBe(0);
  });

  it('filters by warning level, and the deadline board shows yellow and red cases, most urgent first', async () => {
    const early = await acceptedFoodLicence(w);
    w.clock.set('2026-04-29T01:30:00Z');
    const later = await acceptedFoodLicence(w);
    await receiveFoodLicence(w); // not accepted: no decision clock, never on the board
    await w.settle();
    w.clock.set('2026-04-30T02:00:00Z');
    // early: promised 8 May, 3 working days left → yellow; later: promised 11 May, 4 left → none.
    expect(w.readModels.cases.list({ warning: 'yellow' }, ALL_SCOPE).items.map((c) => c.caseId)).toEqual([
      early.caseId,
    ]);
    expect(w.readModels.cases.list({ warning: 'none' }, ALL_SCOPE).total).toBe(2);
    w.clock.set('2026-05-09T02:00:00Z');
    const board = w.readModels.cases.deadlineBoard({}, ALL_SCOPE);
    expect(board.items.map((c) => [c.caseId, c.warning])).toEqual([
      [early.caseId, 'red'],
      [later.caseId, 'yellow'],
    ]);
    expect(w.readModels.cases.deadlineBoard({ warning: 'red' }, ALL_SCOPE).total).toBe(1);
    expect(
      w.readModels.cases.list({ warning: 'red' }, scopeForActor(A.clerk)).items.map((c) => c.caseId),
    ).toEqual([early.caseId]);
  });

  const requestCorrection = (caseId: string) =>
    w.send(
      { type: 'RequestCorrection', caseId, items: [{ code: 'safety-rules', problem: '未提交' }] },
      A.clerk,
    );

  it('puts cases awaiting the acceptance decision on the acceptance board by their 5-working-day limit (Art. 32), not while the applicant corrects', async () => {
    const plain = await receiveFoodLicence(w);
    const green = await receiveFoodLicence(w, { greenChannel: true });
    const correcting = await receiveFoodLicence(w, { deficient: true });
    await requestCorrection(correcting.caseId);
    const decided = await acceptedFoodLicence(w); // its decision clock runs, the acceptance board is done with it
    // Wednesday 29 April: a correction handed in starts the 5 working days again from the hand-in.
    w.clock.set('2026-04-29T02:00:00Z');
    const resubmitted = await receiveFoodLicence(w, { deficient: true });
    await requestCorrection(resubmitted.caseId);
    await handInSafetyRules(w, resubmitted.caseId, 'SubmitCorrection');
    await w.settle();
    const board = (warning?: 'yellow' | 'red') =>
      w.readModels.cases
        .deadlineBoard({ deadline: 'acceptance', warning }, ALL_SCOPE)
        .items.map((c) => [c.caseId, c.dueDate, c.warning, c.workingDaysLeft]);
    // Received Tuesday 28 April: 29, 30 April, then 6, 7, 8 May after the Labour Day holiday.
    // On 29 April four are left: not yet within the warning's three.
    expect(board()).toEqual([]);
    expect(w.readModels.cases.summary(plain.caseId, ALL_SCOPE)!.correctionNoticeDueBy).toBe('2026-05-08');
    w.clock.set('2026-05-06T02:00:00Z');
    expect(board('yellow')).toEqual([
      [green.caseId, '2026-05-08', 'yellow', 2],
      [plain.caseId, '2026-05-08', 'yellow', 2],
      [resubmitted.caseId, '2026-05-09', 'yellow', 3],
    ]);
    // Saturday 9 May is a make-up working day: the ones received on 28 April are past it, the
    // correction handed in on 29 April is due on Saturday.
    w.clock.set('2026-05-09T02:00:00Z');
    expect(board()).toEqual([
      [green.caseId, '2026-05-08', 'red', -1],
      [plain.caseId, '2026-05-08', 'red', -1],
      [resubmitted.caseId, '2026-05-09', 'yellow', 0],
    ]);
    expect(board('red').map(([id]) => id)).toEqual([green.caseId, plain.caseId]);
    // The case's summary gives the same limit while it runs, and none once decided or while correcting.
    const acceptanceDue = (caseId: string) =>
      w.readModels.cases.summary(caseId, ALL_SCOPE)!.dueDates.acceptance;
    expect(acceptanceDue(plain.caseId)).toMatchObject({
      dueDate: '2026-05-08',
      warning: 'red',
      workingDaysLeft: -1,
    });
    expect(acceptanceDue(resubmitted.caseId)).toMatchObject({ dueDate: '2026-05-09', warning: 'yellow' });
    expect(acceptanceDue(correcting.caseId)).toBeNull();
    expect(acceptanceDue(decided.caseId)).toBeNull();
    const clerk = w.readModels.cases.deadlineBoard(
      { deadline: 'acceptance', pageSize: 1 },
      scopeForActor(A.clerk),
    );
    expect(clerk).toMatchObject({ total: 3, items: [{ caseId: green.caseId }] });
    const next = w.readModels.cases.deadlineBoard(
      { deadline: 'acceptance', pageSize: 2, cursor: clerk.nextCursor! },
      scopeForActor(A.clerk),
    );
    expect(next.items.map((c) => c.caseId)).toEqual([plain.caseId, resubmitted.caseId]);
    expect(next.nextCursor).toBeNull();
    expect(
      w.readModels.cases.deadlineBoard({ deadline: 'acceptance' }, scopeForActor(A.otherHallClerk)).total,
    ).toBe(0);
    // The decision board is not the acceptance board.
    expect(w.readModels.cases.deadlineBoard({}, ALL_SCOPE).items.map((c) => c.caseId)).not.toContain(
      plain.caseId,
    );
    expect(() => w.readModels.cases.deadlineBoard({ deadline: 'notice' as never }, ALL_SCOPE)).toThrow(
      InvalidQueryError,
    );
  });

  it('keeps a completed case’s due dates in the list and gives its completion date', async () => {
    const { caseId } = await acceptedFoodLicence(w);
    await decideFoodLicence(w, caseId);
    w.clock.set('2026-04-30T02:00:00Z');
    await deliverFoodLicence(w, caseId);
    await w.settle();
    const [item] = w.readModels.cases.list({}, ALL_SCOPE).items;
    expect(item).toMatchObject({
      caseId,
      status: 'completed',
      completedOn: '2026-04-30',
      promisedDueDate: '2026-05-08',
      statutoryDueDate: '2026-05-14',
      warning: 'none',
      workingDaysLeft: null,
    });
  });

  it('freezes the days left while a special procedure stops the clock (Art. 45)', async () => {
    const { caseId } = await acceptedFoodLicence(w);
    const taskId = `${caseId}.t1`;
    await w.send({ type: 'ClaimTask', taskId }, A.approver);
    await w.send(
      { type: 'StartSpecialProcedure', caseId, kind: 'inspection', reason: '现场核查', expectedDays: 5 },
      A.approver,
    );
    await w.settle();
    w.clock.set('2026-05-12T02:00:00Z');
    const summary = w.readModels.cases.summary(caseId, ALL_SCOPE)!;
    expect(summary).toMatchObject({
      status: 'backOffice.specialProcedure',
      clockStopped: true,
      clockStoppedOn: '2026-04-28',
    });
    expect(summary.dueDates.promised).toMatchObject({ workingDaysLeft: 5, warning: 'none' });
    await w.send({ type: 'EndSpecialProcedure', caseId, n: 1, result: '合格' }, A.approver);
    await w.settle();
    const resumed = w.readModels.cases.summary(caseId, ALL_SCOPE)!;
    expect(resumed.clockStopped).toBe(false);
    expect(resumed.suspendedWorkingDays).toBeGreaterThan(0);
    expect(resumed.promisedDueDate! > '2026-05-08').toBe(true);
    expect(resumed.workingDaysLeft).toBe(5);
  });

  it('shows each material’s state and the open deficiencies of an acceptance with deficiency (容缺)', async () => {
    const { caseId } = await receiveFoodLicence(w, { deficient: true });
    await w.send(
      {
        type: 'AcceptWithDeficiency',
        caseId,
        missing: [{ code: 'safety-rules' }],
        supplyBy: '2026-05-07',
        commitmentSigned: true,
      },
      A.clerk,
    );
    await w.settle();
    const summary = w.readModels.cases.summary(caseId, ALL_SCOPE)!;
    expect(summary.acceptanceKind).toBe('with-deficiency');
    expect(summary.supplyBy).toBe('2026-05-07');
    expect(Object.fromEntries(summary.materials.map((m) => [m.code, m.state]))).toEqual({
      application: 'submitted',
      'business-licence': 'shared',
      'legal-representative-id': 'shared',
      'layout-and-process': 'submitted',
      'safety-rules': 'deficient',
    });
    expect(summary.openDeficiencies.map((m) => m.code)).toEqual(['safety-rules']);
    await handInSafetyRules(w, caseId, 'SupplyDeficiency');
    await w.settle();
    const supplied = w.readModels.cases.summary(caseId, ALL_SCOPE)!;
    expect(supplied.openDeficiencies).toEqual([]);
    expect(supplied.supplyBy).toBeNull();
  });

  it('refuses a case outside the caller’s scope and a filter it cannot answer', async () => {
    const { caseId } = await receiveFoodLicence(w);
    await w.settle();
    expect(() => w.readModels.cases.summary(caseId, scopeForActor(A.otherHallClerk))).toThrow(
      OutOfScopeError,
    );
    expect(w.readModels.cases.summary('no-such-case', ALL_SCOPE)).toBeUndefined();
    expect(() => w.readModels.cases.list({ status: 'lost' as never }, ALL_SCOPE)).toThrow(InvalidQueryError);
    expect(() => w.readModels.cases.list({ pageSize: 1000 }, ALL_SCOPE)).toThrow(InvalidQueryError);
    expect(() => w.readModels.cases.list({ receivedFrom: '28/04/2026' }, ALL_SCOPE)).toThrow(
      InvalidQueryError,
    );
  });
});
