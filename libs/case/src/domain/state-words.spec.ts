/**
 * Where a rule depends on the state, it asks the statechart (its tags and its states' own
 * refusal words), not a state name of its own: the one notice already given at 已补正，待受理,
 * and the applicant's time to correct, which binds while a correction notice waits (Art. 32) and
 * not when the back office returned the case (the decision clock runs then).
 */
import type { CaseCommandType } from '../commands.js';
import { CaseDriver } from '../testing/case-driver.js';
import { application, approver, calendar, clerk, system } from '../testing/fixtures.js';
import { commandsFor } from '../testing/sends.js';
import { resolveNow } from './decide-context.js';
import { available } from './rules.js';
import { refusalIn, statusesAccepting } from './state-meta.js';
import { at, receivedIncomplete } from '../testing/scenarios.js';

const on = (date: string) => resolveNow({ now: new Date(at(date)), actor: system, calendar });

/** The clerk sends `type` as the walks of the model-based tests would. */
const clerkSends = (d: CaseDriver, type: CaseCommandType, date: string): CaseDriver =>
  d.given([clerk, commandsFor(d.current, clerk, at(date)).find((c) => c.type === type)!, at(date)]);

const correctionRequested = () => clerkSends(receivedIncomplete(), 'RequestCorrection', '2026-03-04');

describe('rules ask the statechart', () => {
  it('a second correction notice is refused in the words of 已补正，待受理', () => {
    const d = clerkSends(correctionRequested(), 'SubmitCorrection', '2026-03-05');
    expect(d.current.status).toBe('frontDesk.correctionSubmitted');
    expect(available('RequestCorrection', d.current, {}, on('2026-03-05'))).toBe(
      'one complete correction notice has already been given (一次性告知): accept or refuse',
    );
    expect(refusalIn(d.current.snapshot, 'AcceptCase')).toBeUndefined();
  });

  it('the time to correct binds while the notice waits, the day after it does not', () => {
    const d = correctionRequested();
    expect(d.current.snapshot.hasTag('correctionClock')).toBe(true);
    expect(available('SubmitCorrection', d.current, {}, on('2026-03-18'))).toBeNull();
    expect(available('SubmitCorrection', d.current, {}, on('2026-03-19'))).not.toBeNull();
  });

  it('a case the back office returned has no time to correct of its own', () => {
    const d = new CaseDriver().given(
      [clerk, application(), at('2026-03-02')],
      [clerk, { type: 'AcceptCase', caseId: 'c1' }],
      [approver, { type: 'ClaimTask', taskId: 'c1.t1' }],
      [approver, { type: 'ReturnTask', taskId: 'c1.t1', to: 'front-desk', reason: '平面图比例不符' }],
    );
    expect(d.current.status).toBe('frontDesk.returnedForCorrection');
    expect(d.current.snapshot.hasTag('correctionClock')).toBe(false);
    expect(available('SubmitCorrection', d.current, {}, on('2026-06-30'))).toBeNull();
  });
});

describe('statuses by the commands their states accept', () => {
  it('names the statuses a command may be sent in, a stage’s commands in each of its states', () => {
    expect(statusesAccepting('AcceptCase')).toEqual(['frontDesk.received', 'frontDesk.correctionSubmitted']);
    expect(statusesAccepting('SubmitCorrection')).toEqual([
      'frontDesk.correctionRequested',
      'frontDesk.returnedForCorrection',
    ]);
    expect(statusesAccepting('ClaimTask')).toEqual(['backOffice.underReview', 'backOffice.specialProcedure']);
    expect(statusesAccepting('MarkResultIssueOverdue')).toEqual(['delivery.awaitingResult']);
  });
});
