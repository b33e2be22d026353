import { scopeForActor } from '../scope/read-scope.js';
import { OutOfScopeError } from '../scope/out-of-scope.error.js';
import { acceptedFoodLicence, DEMO_ACTORS as A, type CaseWorld, openCaseWorld } from '../testing/index.js';

describe('approver task queues', () => {
  let w: CaseWorld;
  beforeEach(async () => {
    w = await openCaseWorld({ start: '2026-03-02T01:30:00Z' });
  });
  afterEach(async () => w.dispose());

  it('puts the green channel first, then the nearest due date, and shows who holds each task', async () => {
    const early = await acceptedFoodLicence(w);
    w.clock.set('2026-03-03T01:30:00Z');
    const later = await acceptedFoodLicence(w);
    w.clock.set('2026-03-04T01:30:00Z');
    const green = await acceptedFoodLicence(w, { greenChannel: true });
    await w.send({ type: 'ClaimTask', taskId: `${early.caseId}.t1` }, A.approver);
    await w.settle();

    const department = w.readModels.tasks.queue({ role: 'approver' }, scopeForActor(A.approver2));
    expect(department.items.map((t) => [t.caseId, t.status, t.holder?.name ?? null])).toEqual([
      [green.caseId, 'open', null],
      [early.caseId, 'claimed', '李强'],
      [later.caseId, 'open', null],
    ]);
    expect(department.items[0]).toMatchObject({
      label: '审查',
      greenChannel: true,
      promisedDueDate: '2026-03-11',
    });

    const mine = w.readModels.tasks.queue(
      { queue: 'mine', userId: A.approver.userId },
      scopeForActor(A.approver),
    );
    expect(mine.items.map((t) => t.caseId)).toEqual([early.caseId]);
    const open = w.readModels.tasks.queue({ status: 'open' }, scopeForActor(A.approver));
    expect(open.items.map((t) => t.caseId)).toEqual([green.caseId, later.caseId]);
    expect(w.readModels.tasks.queue({ role: 'head' }, scopeForActor(A.head)).total).toBe(0);
    expect(w.readModels.tasks.queue({}, scopeForActor(A.civilAffairsApprover)).total).toBe(0);
  });

  it('moves a task along the steps: passed tasks leave the queue, the next step’s task joins it', async () => {
    const { caseId } = await acceptedFoodLicence(w);
    await w.send({ type: 'ClaimTask', taskId: `${caseId}.t1` }, A.approver);
    await w.send({ type: 'ReleaseTask', taskId: `${caseId}.t1` }, A.approver);
    await w.send({ type: 'ClaimTask', taskId: `${caseId}.t1` }, A.approver2);
    await w.send({ type: 'PassTask', taskId: `${caseId}.t1`, opinion: '同意' }, A.approver2);
    await w.settle();
    const queue = w.readModels.tasks.queue({}, scopeForActor(A.approver));
    expect(queue.items.map((t) => [t.taskId, t.label, t.status])).toEqual([[`${caseId}.t2`, '审核', 'open']]);
    expect(
      w.readModels.tasks.forCase(caseId).map((t) => [t.label, t.status, t.holder?.userId ?? null]),
    ).toEqual([
      ['审查', 'passed', A.approver2.userId],
      ['审核', 'open', null],
    ]);
    expect(() => w.readModels.tasks.task(`${caseId}.t2`, scopeForActor(A.civilAffairsApprover))).toThrow(
      OutOfScopeError,
    );
  });

  it('a special procedure marks the task while it runs; its end clears the mark and re-ranks the task by the moved due date', async () => {
    const first = await acceptedFoodLicence(w);
    w.clock.set('2026-03-03T01:30:00Z');
    const second = await acceptedFoodLicence(w);
    const caseId = first.caseId;
    await w.send({ type: 'ClaimTask', taskId: `${caseId}.t1` }, A.approver);
    await w.send(
      { type: 'StartSpecialProcedure', caseId, kind: 'inspection', reason: '现场核查', expectedDays: 5 },
      A.approver,
    );
    await w.settle();
    const during = w.readModels.tasks.queue({ role: 'approver' }, scopeForActor(A.approver));
    expect(during.items.map((t) => [t.caseId, t.specialProcedure])).toEqual([
      [caseId, true],
      [second.caseId, false],
    ]);
    w.clock.set('2026-03-10T01:30:00Z');
    await w.send({ type: 'EndSpecialProcedure', caseId, n: 1, result: '合格' }, A.approver);
    await w.settle();
    const after = w.readModels.tasks.queue({ role: 'approver' }, scopeForActor(A.approver));
    // Its due dates moved by the working days it stood still: now after the second case's.
    expect(after.items.map((t) => [t.caseId, t.specialProcedure])).toEqual([
      [second.caseId, false],
      [caseId, false],
    ]);
    expect(after.items[1].promisedDueDate! > after.items[0].promisedDueDate!).toBe(true);
  });
});
