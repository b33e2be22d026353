import { scopeForActor } from '../scope/read-scope.js';
import { OutOfScopeError } from '../scope/out-of-scope.error.js';
import {
  acceptedFoodLicence,
  DEMO_ACTORS as A,
  FOOD_LICENCE,
  handInSafetyRules,
  caseWorldPerTest,
  receiveFoodLicence,
} from '../testing/index.js';

describe('approver task queues', () => {
  const w = caseWorldPerTest({ start: '2026-03-02T01:30:00Z' });

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

  it('a special procedure marks the task while it runs; its end clears the mark, and the queue keeps the step’s own due date', async () => {
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
    // The case's due dates moved by the working days it stood still; the step's own date (the
    // queue's order) is the engine's, which the special procedure does not move.
    expect(after.items.map((t) => [t.caseId, t.specialProcedure])).toEqual([
      [caseId, false],
      [second.caseId, false],
    ]);
    expect(after.items[0].promisedDueDate! > after.items[1].promisedDueDate!).toBe(true);
    const byCase = w.readModels.tasks.queue(
      { role: 'approver', sort: 'received' },
      scopeForActor(A.approver),
    );
    expect(byCase.items.map((t) => t.caseId)).toEqual([caseId, second.caseId]);
  });

  it('filters by item, step, green channel, 容缺, 延期 and due date, searches by number and name, and counts the queues', async () => {
    const plain = await acceptedFoodLicence(w);
    w.clock.set('2026-03-03T01:30:00Z');
    const green = await acceptedFoodLicence(w, { greenChannel: true, applicant: { name: '乌云其其格' } });
    const deficient = await receiveFoodLicence(w, { deficient: true });
    await w.send(
      {
        type: 'AcceptWithDeficiency',
        caseId: deficient.caseId,
        missing: [{ code: 'safety-rules' }],
        supplyBy: '2026-03-06',
        commitmentSigned: true,
      },
      A.clerk,
    );
    const single = await receiveFoodLicence(w);
    await w.send({ type: 'AcceptCase', caseId: single.caseId }, A.clerk);
    // The extended case: its 审查 passed on to 审核, then the head extends the limit.
    await w.send({ type: 'ClaimTask', taskId: `${plain.caseId}.t1` }, A.approver);
    await w.send({ type: 'PassTask', taskId: `${plain.caseId}.t1`, opinion: '材料齐全' }, A.approver);
    await w.send({ type: 'ClaimTask', taskId: `${plain.caseId}.t2` }, A.approver2);
    await w.send({ type: 'ExtendTimeLimit', caseId: plain.caseId, days: 5, reason: '需专家论证' }, A.head);
    await w.settle();
    const scope = scopeForActor(A.approver);
    const ids = (filter: Parameters<typeof w.readModels.tasks.queue>[0]) =>
      w.readModels.tasks.queue({ role: 'approver', ...filter }, scope).items.map((t) => t.caseId);

    expect(ids({})).toEqual([green.caseId, plain.caseId, deficient.caseId, single.caseId]);
    expect(ids({ greenChannel: true })).toEqual([green.caseId]);
    expect(ids({ greenChannel: false })).toEqual([plain.caseId, deficient.caseId, single.caseId]);
    expect(ids({ step: 'verification' })).toEqual([plain.caseId]);
    expect(ids({ item: FOOD_LICENCE, step: 'review' })).toEqual([
      green.caseId,
      deficient.caseId,
      single.caseId,
    ]);
    expect(ids({ item: 'none' })).toEqual([]);
    expect(ids({ deficiency: true })).toEqual([deficient.caseId]);
    expect(ids({ extended: true })).toEqual([plain.caseId]);
    expect(ids({ q: '乌云' })).toEqual([green.caseId]);
    expect(ids({ q: green.caseNumber.slice(0, -1) }).length).toBeGreaterThan(0);
    expect(ids({ q: green.caseNumber })).toEqual([green.caseId]);
    // 审查 takes 2 working days from 03-03 (due 03-05); 审核 from 03-03 too.
    const all = w.readModels.tasks.queue({ role: 'approver' }, scope).items;
    const soonest = all.map((t) => t.stepDueDate).sort()[0];
    expect(ids({ dueWithin: 0 })).toEqual(
      all.filter((t) => t.stepDueDate <= '2026-03-03').map((t) => t.caseId),
    );
    expect(ids({ dueWithin: 60 })).toEqual(all.map((t) => t.caseId));
    expect(soonest >= '2026-03-03').toBe(true);
    expect(all.find((t) => t.caseId === plain.caseId)).toMatchObject({
      extended: true,
      deficiency: false,
      holder: { name: '宝音' },
    });
    expect(all.find((t) => t.caseId === deficient.caseId)).toMatchObject({
      deficiency: true,
      extended: false,
    });
    expect(all[0].stepWorkingDaysLeft).not.toBeNull();
    expect(ids({ sort: 'received' })).toEqual([plain.caseId, green.caseId, deficient.caseId, single.caseId]);
    // Paging by cursor in the received order reaches every task once.
    const first = w.readModels.tasks.queue({ role: 'approver', sort: 'received', pageSize: 3 }, scope);
    const next = w.readModels.tasks.queue(
      { role: 'approver', sort: 'received', pageSize: 3, cursor: first.nextCursor! },
      scope,
    );
    expect([...first.items, ...next.items].map((t) => t.caseId)).toEqual(ids({ sort: 'received' }));
    expect(next.nextCursor).toBeNull();

    // The 容缺 mark goes once the missing material is supplied.
    await handInSafetyRules(w, deficient.caseId, 'SupplyDeficiency');
    await w.settle();
    expect(ids({ deficiency: true })).toEqual([]);

    expect(
      w.readModels.tasks.counts(
        { userId: A.approver2.userId, role: 'approver', department: A.approver2.department },
        scope,
      ),
    ).toEqual({ mine: 1, unclaimed: 3, mineCapped: false, unclaimedCapped: false });
    expect(() => ids({ dueWithin: 61 })).toThrow(/dueWithin/);
    expect(() => ids({ sort: 'x' as never })).toThrow(/sort/);
  });
});
