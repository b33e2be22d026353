/**
 * Where a stored event left its case (ADR 0010): the status and stage the executor recorded in
 * the event's metadata, and for events stored before that — and only them — the statechart's
 * answer from the status the case had (`recordedStatus`). Over the decider's own histories the
 * fallback must say what the fold says, and say nothing where the handling status does not move.
 * (The read models' spec checks the same over generated histories; this one runs with the domain.)
 */
import type { CaseEvent } from '../events.js';
import type { CaseDriver } from '../testing/case-driver.js';
import { BY_APPLICANT, approver, approver2, clerk, head, system } from '../testing/fixtures.js';
import {
  CORRECTION_SUBMITTED,
  DEFICIENCY_ACCEPTANCE,
  REFUSAL,
  accepted,
  at,
  atDecision,
  claimed,
  completed,
  correctionRequested,
  deny,
  inProcedure,
  received,
  receivedIncomplete,
} from '../testing/scenarios.js';
import { evolve, type CaseState } from './case-state.js';
import { recordedStatus } from './recorded-status.js';

const event = (type: string, data: object = {}) => ({ type, data }) as unknown as CaseEvent;
const never = (): string => {
  throw new Error('the status before was asked');
};

/** Each event of the history with the status before and after it, as the fold has them. */
function steps(history: readonly CaseEvent[]) {
  let state: CaseState | null = null;
  return history.map((e, index) => {
    const before = state?.status;
    state = evolve(state, e, index);
    return { event: e, before, after: { status: state.status, stage: state.stage } };
  });
}

const HISTORIES: Record<string, () => CaseDriver> = {
  completed: () => completed(),
  'denied and delivered (Art. 38)': () =>
    deny(atDecision()).given(
      [clerk, { type: 'DispatchResult', caseId: 'c1', method: 'window' }],
      [clerk, { type: 'DeliverResult', caseId: 'c1', recipient: BY_APPLICANT }],
    ),
  'refused (Art. 32)': () => received().given([clerk, REFUSAL]),
  withdrawn: () => accepted().given([clerk, { type: 'WithdrawCase', caseId: 'c1', reason: '申请人撤回' }]),
  'corrected, then accepted': () =>
    correctionRequested().given([clerk, CORRECTION_SUBMITTED], [clerk, { type: 'AcceptCase', caseId: 'c1' }]),
  'correction overdue: counted as withdrawn': () =>
    correctionRequested().given([system, { type: 'MarkCorrectionOverdue', caseId: 'c1' }, at('2026-04-30')]),
  '容缺 accepted and supplied': () =>
    receivedIncomplete().given(
      [clerk, DEFICIENCY_ACCEPTANCE],
      [clerk, { type: 'SupplyDeficiency', caseId: 'c1', materials: CORRECTION_SUBMITTED.materials }],
    ),
  'deemed accepted': () =>
    received().given([system, { type: 'DeemAccepted', caseId: 'c1' }, at('2026-03-10')]),
  'special procedure ended (Art. 45)': () =>
    inProcedure().given([approver, { type: 'EndSpecialProcedure', caseId: 'c1', n: 1, result: '核查合格' }]),
  'returned to the front desk and corrected': () =>
    claimed().given(
      [approver, { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' }],
      [approver2, { type: 'ClaimTask', taskId: 'c1.t2' }],
      [approver2, { type: 'ReturnTask', taskId: 'c1.t2', to: 'front-desk', reason: '缺页' }],
      [clerk, CORRECTION_SUBMITTED],
    ),
  'returned to an earlier step': () =>
    atDecision().given([head, { type: 'ReturnTask', taskId: 'c1.t3', to: 'review', reason: '重审' }]),
};

describe('recordedStatus', () => {
  it.each(Object.keys(HISTORIES))(
    'for an event stored without its status, says where the fold leads, or nothing where the status stays: %s',
    (name) => {
      const history = HISTORIES[name]().events;
      const seen = steps(history).map(({ event: e, before, after }) => {
        const fallback = recordedStatus(e, undefined, () => before);
        if (fallback === undefined)
          expect({ type: e.type, status: before }).toEqual({ type: e.type, status: after.status });
        else expect({ type: e.type, ...fallback }).toEqual({ type: e.type, ...after });
        return fallback && `${e.type} → ${fallback.status}`;
      });
      expect(seen.filter(Boolean).length).toBeGreaterThan(0);
    },
  );

  it('names each status the fallback leads to, and its stage', () => {
    const moves = (d: CaseDriver) =>
      steps(d.events).flatMap(({ event: e, before }) => {
        const r = recordedStatus(e, null, () => before);
        return r ? [`${e.type} → ${r.status} (${r.stage})`] : [];
      });
    expect(moves(HISTORIES.completed())).toEqual([
      'case.Received → frontDesk.received (frontDesk)',
      'case.Accepted → backOffice.underReview (backOffice)',
      'case.Approved → delivery.awaitingResult (delivery)',
      'case.ResultIssued → delivery.issued (delivery)',
      'case.Dispatched → delivery.dispatched (delivery)',
      'case.Delivered → completed (completed)',
    ]);
    expect(moves(HISTORIES['denied and delivered (Art. 38)']()).slice(2)).toEqual([
      'case.Denied → delivery.issued (delivery)',
      'case.Dispatched → delivery.dispatched (delivery)',
      'case.Delivered → denied (denied)',
    ]);
    expect(moves(HISTORIES['returned to the front desk and corrected']()).slice(2)).toEqual([
      'case.TaskReturned → frontDesk.returnedForCorrection (frontDesk)',
      'case.CorrectionSubmitted → backOffice.underReview (backOffice)',
    ]);
    expect(moves(HISTORIES['special procedure ended (Art. 45)']()).slice(2)).toEqual([
      'case.SpecialProcedureStarted → backOffice.specialProcedure (backOffice)',
      'case.SpecialProcedureEnded → backOffice.underReview (backOffice)',
    ]);
    expect(moves(HISTORIES['correction overdue: counted as withdrawn']()).slice(1)).toEqual([
      'case.CorrectionRequested → frontDesk.correctionRequested (frontDesk)',
      'case.CorrectionOverdue → withdrawn (withdrawn)',
    ]);
    expect(moves(HISTORIES['refused (Art. 32)']()).slice(1)).toEqual(['case.Refused → refused (refused)']);
  });

  it('reads the status and stage the executor recorded, before any fallback and without asking the status before', () => {
    const approved = event('case.Approved');
    expect(recordedStatus(approved, { status: 'delivery.issued', stage: 'delivery' }, never)).toEqual({
      status: 'delivery.issued',
      stage: 'delivery',
    });
    // Only both together are a record: one without the other is an old event's, asked of the chart.
    expect(
      recordedStatus(approved, { status: 'delivery.issued' } as never, () => 'backOffice.underReview'),
    ).toEqual({
      status: 'delivery.awaitingResult',
      stage: 'delivery',
    });
    expect(recordedStatus(approved, { stage: 'delivery' } as never, () => 'backOffice.underReview')).toEqual({
      status: 'delivery.awaitingResult',
      stage: 'delivery',
    });
    expect(recordedStatus(approved, null, () => 'backOffice.underReview')).toEqual({
      status: 'delivery.awaitingResult',
      stage: 'delivery',
    });
  });

  it('a receipt starts the case at the front desk without a status before', () => {
    expect(recordedStatus(event('case.Received'), null, never)).toEqual({
      status: 'frontDesk.received',
      stage: 'frontDesk',
    });
    expect(recordedStatus(event('case.Received'), null)).toEqual({
      status: 'frontDesk.received',
      stage: 'frontDesk',
    });
  });

  it('an event no transition of the handling region leads anywhere: nothing, and the status before is not asked', () => {
    for (const type of [
      'case.TaskCreated',
      'case.TaskClaimed',
      'case.Extended',
      'case.Rated',
      'case.ObligationOpened',
    ]) {
      expect(recordedStatus(event(type), null, never)).toBeUndefined();
    }
  });

  it('a moving event with no status before, or one that is not a state of the chart: nothing', () => {
    expect(recordedStatus(event('case.Approved'), null)).toBeUndefined();
    expect(recordedStatus(event('case.Approved'), null, () => undefined)).toBeUndefined();
    expect(recordedStatus(event('case.Approved'), null, () => 'backOffice.nowhere')).toBeUndefined();
    expect(recordedStatus(event('case.Approved'), null, () => '')).toBeUndefined();
  });

  it('a moving event from a state that does not take it: nothing', () => {
    expect(recordedStatus(event('case.Approved'), null, () => 'frontDesk.received')).toBeUndefined();
    expect(
      recordedStatus(event('case.Delivered', { outcome: 'approved' }), null, () => 'delivery.issued'),
    ).toBeUndefined();
    expect(recordedStatus(event('case.Accepted'), null, () => 'completed')).toBeUndefined();
  });

  it('a state that does not take the event hands it to its parent: the stage’s own transitions', () => {
    // backOffice's own case.Withdrawn, from its child specialProcedure.
    expect(recordedStatus(event('case.Withdrawn'), null, () => 'backOffice.specialProcedure')).toEqual({
      status: 'withdrawn',
      stage: 'withdrawn',
    });
    // frontDesk's own case.Withdrawn, from its child correctionRequested.
    expect(recordedStatus(event('case.Withdrawn'), null, () => 'frontDesk.correctionRequested')?.status).toBe(
      'withdrawn',
    );
    expect(
      recordedStatus(event('case.SpecialProcedureStarted'), null, () => 'backOffice.underReview'),
    ).toEqual({
      status: 'backOffice.specialProcedure',
      stage: 'backOffice',
    });
  });

  it('the guards that read the event decide: a return to the front desk, a delivered denial', () => {
    const returned = (to: string) => event('case.TaskReturned', { taskId: 'c1.t2', to, reason: 'x' });
    expect(recordedStatus(returned('front-desk'), null, () => 'backOffice.underReview')).toEqual({
      status: 'frontDesk.returnedForCorrection',
      stage: 'frontDesk',
    });
    // To an earlier step the case stays in review: the transition without a target is taken.
    expect(recordedStatus(returned('review'), null, () => 'backOffice.underReview')).toBeUndefined();
    const delivered = (outcome: string) => event('case.Delivered', { outcome });
    expect(recordedStatus(delivered('denied'), null, () => 'delivery.dispatched')).toEqual({
      status: 'denied',
      stage: 'denied',
    });
    expect(recordedStatus(delivered('approved'), null, () => 'delivery.dispatched')).toEqual({
      status: 'completed',
      stage: 'completed',
    });
  });

  it('a transition into a stage leads to its initial state, all the way down', () => {
    expect(recordedStatus(event('case.Accepted'), null, () => 'frontDesk.received')?.status).toBe(
      'backOffice.underReview',
    );
    expect(
      recordedStatus(event('case.CorrectionSubmitted'), null, () => 'frontDesk.returnedForCorrection'),
    ).toEqual({
      status: 'backOffice.underReview',
      stage: 'backOffice',
    });
    expect(recordedStatus(event('case.Refused'), null, () => 'frontDesk.correctionSubmitted')).toEqual({
      status: 'refused',
      stage: 'refused',
    });
  });
});
