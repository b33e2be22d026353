import type { Actor } from '@one-window/shared';
import { caseHistory } from '../history/case-history.js';
import { DEMO_ACTORS as A, type CaseWorld, openCaseWorld, windowReceipt } from '../testing/index.js';
import { OutOfScopeError } from './out-of-scope.error.js';
import { scopeForActor } from './read-scope.js';

/** 困难残疾人生活补贴和重度残疾人护理补贴: decided by civil affairs, reviewed by the township, verified by the disabled persons' federation. */
const DISABILITY_SUBSIDY = '11150102DEM000005X4DEM000000008';
const townshipApprover: Actor = {
  userId: 'approver-town',
  name: '乌云',
  role: 'approver',
  department: '150102-baoheshao-town',
};
const federationApprover: Actor = {
  userId: 'approver-fed',
  name: '其木格',
  role: 'approver',
  department: '150102-disabled-persons-federation',
};
const federationHead: Actor = { ...federationApprover, userId: 'head-fed', role: 'head' };

describe('an approver’s read scope covers every case one of their department’s steps belongs to', () => {
  let w: CaseWorld;
  let caseId: string;
  beforeAll(async () => {
    w = await openCaseWorld({ start: '2026-03-02T01:30:00Z' });
    const received = await w.send(
      windowReceipt(DISABILITY_SUBSIDY, [
        { code: 'application', form: 'original' },
        { code: 'bank-account', form: 'copy' },
      ]),
      A.clerk,
    );
    caseId = received.caseId;
    await w.send({ type: 'AcceptCase', caseId }, A.clerk);
    // The township reviews; the case moves on to the federation's verification step.
    await w.send({ type: 'ClaimTask', taskId: `${caseId}.t1` }, townshipApprover);
    await w.send({ type: 'PassTask', taskId: `${caseId}.t1`, opinion: '情况属实' }, townshipApprover);
    await w.settle();
  });
  afterAll(async () => w.dispose());

  it('opens the case, lists it and shows its timeline and history to a later step’s approver and head', async () => {
    for (const actor of [federationApprover, federationHead, townshipApprover]) {
      const scope = scopeForActor(actor);
      expect(w.readModels.cases.summary(caseId, scope)).toMatchObject({
        caseId,
        department: '150102-civil-affairs',
        currentStep: '审核',
      });
      expect(w.readModels.cases.list({}, scope).items.map((c) => c.caseId)).toEqual([caseId]);
      expect((await w.readModels.timeline.timeline(caseId, scope))?.caseId).toBe(caseId);
      expect((await caseHistory(w.store, caseId, { scope })).revision).toBeGreaterThan(0);
    }
    // The federation's queue holds only its own step's task, not the township's.
    const queue = w.readModels.tasks.queue({ role: 'approver' }, scopeForActor(federationApprover));
    expect(queue.items.map((t) => t.taskId)).toEqual([`${caseId}.t2`]);
  });

  it('puts the case on a later step’s deadline board once it nears its limit', () => {
    w.clock.set('2026-03-20T02:00:00Z');
    const board = w.readModels.cases.deadlineBoard({}, scopeForActor(federationApprover));
    expect(board.items.map((c) => c.caseId)).toEqual([caseId]);
  });

  it('still refuses an approver of a department with no step in the case', async () => {
    const scope = scopeForActor(A.approver);
    expect(() => w.readModels.cases.summary(caseId, scope)).toThrow(OutOfScopeError);
    expect(w.readModels.cases.list({}, scope).total).toBe(0);
    await expect(w.readModels.timeline.timeline(caseId, scope)).rejects.toThrow(OutOfScopeError);
    await expect(caseHistory(w.store, caseId, { scope })).rejects.toThrow(OutOfScopeError);
  });

  it('keeps the scope after the cases read model is rebuilt from the log', async () => {
    await w.readModels.runner.rebuild({ projections: ['cases'] });
    const scope = scopeForActor(federationApprover);
    expect(w.readModels.cases.list({}, scope).total).toBe(1);
    expect(w.readModels.cases.list({}, scopeForActor(A.approver)).total).toBe(0);
  });
});
