/**
 * A stored history the decider could never have written does not fold: the machine's guards
 * restate the decider's invariants, and folding stops with a CaseHistoryError naming the event.
 * Each history below is a real one (written by the decider) with one event added or changed.
 */
import type { CaseEvent } from '../events.js';
import { CaseDriver } from '../testing/case-driver.js';
import { approver, clerk, head, incompleteApplication } from '../testing/fixtures.js';
import { CaseHistoryError, foldCase } from './case-state.js';
import { DEFICIENCY_ACCEPTANCE, accepted, approved, at, claimed } from '../testing/scenarios.js';

const extended = () =>
  claimed().given([head, { type: 'ExtendTimeLimit', caseId: 'c1', days: 5, reason: '需专家论证' }]);
const passed = () => claimed().given([approver, { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' }]);
const deficientApproved = () => {
  const d = new CaseDriver().given(
    [clerk, incompleteApplication(), at('2026-03-02')],
    [clerk, DEFICIENCY_ACCEPTANCE],
  );
  for (const n of [1, 2]) {
    d.send(approver, { type: 'ClaimTask', taskId: `c1.t${n}` });
    d.send(approver, { type: 'PassTask', taskId: `c1.t${n}`, opinion: '同意' });
  }
  return d.given(
    [head, { type: 'ClaimTask', taskId: 'c1.t3' }],
    [head, { type: 'ApproveCase', caseId: 'c1', opinion: '准予' }],
  );
};

const last = (d: CaseDriver): CaseEvent => d.events[d.events.length - 1];
const ofType = <T extends CaseEvent['type']>(d: CaseDriver, type: T) =>
  d.events.find((e): e is Extract<CaseEvent, { type: T }> => e.type === type)!;
const withTask = <E extends CaseEvent>(event: E, taskId: string): E => ({
  ...event,
  data: { ...event.data, taskId },
});

/** The fold's refusal: event type and index, or 'folds' when the history folds. */
function refusal(history: readonly CaseEvent[]): string {
  try {
    foldCase(history);
    return 'folds';
  } catch (error) {
    if (!(error instanceof CaseHistoryError)) throw error;
    return `#${error.index} ${error.eventType} in ${error.status}`;
  }
}

describe('a corrupt history is refused when folded (CaseHistoryError)', () => {
  it('the real histories used below fold', () => {
    for (const d of [extended(), passed(), approved(), deficientApproved()]) {
      expect(refusal(d.events)).toBe('folds');
    }
  });

  it('no case before case.Received, and no second case.Received', () => {
    const history = accepted().events;
    expect(refusal(history.slice(1))).toBe('#0 case.Accepted in none');
    expect(refusal([...history, history[0]])).toBe('#3 case.Received in backOffice.underReview');
  });

  it('Law Art. 42: a second extension', () => {
    const d = extended();
    expect(refusal([...d.events, last(d)])).toBe(
      `#${d.events.length} case.Extended in backOffice.underReview`,
    );
  });

  it('two tasks at once: a task created while another is current', () => {
    const d = passed();
    const created = last(d); // c1.t2, created as c1.t1 was passed
    expect(created.type).toBe('case.TaskCreated');
    const history = [...d.events, withTask(created, 'c1.t3')];
    expect(refusal(history)).toBe(`#${d.events.length} case.TaskCreated in backOffice.underReview`);
  });

  it('a held task claimed again, and a task claimed that is not the current one', () => {
    const d = claimed();
    const claim = last(d);
    expect(refusal([...d.events, claim])).toMatch(/case\.TaskClaimed/);
    const p = passed();
    expect(refusal([...p.events, withTask(ofType(d, 'case.TaskClaimed'), 'c1.t1')])).toMatch(
      /case\.TaskClaimed/,
    );
  });

  it('a task released, passed or returned that nobody holds, or that is not current', () => {
    const a = accepted();
    const c = claimed().given([approver, { type: 'ReleaseTask', taskId: 'c1.t1' }]);
    const released = last(c);
    expect(refusal([...a.events, released])).toMatch(/^#\d+ case\.TaskReleased/);
    const passedEvent = ofType(passed(), 'case.TaskPassed');
    expect(refusal([...a.events, passedEvent])).toMatch(/^#\d+ case\.TaskPassed/);
    expect(refusal([...claimed().events, withTask(passedEvent, 'c1.t2')])).toMatch(/^#\d+ case\.TaskPassed/);
    const returned = last(
      claimed().given([approver, { type: 'ReturnTask', taskId: 'c1.t1', to: 'front-desk', reason: '补正' }]),
    );
    expect(refusal([...a.events, returned])).toMatch(/^#\d+ case\.TaskReturned/);
  });

  it('a decision at a step that is not the last one (Art. 38)', () => {
    const approvedEvent = ofType(approved(), 'case.Approved');
    expect(refusal([...claimed().events, withTask(approvedEvent, 'c1.t1')])).toMatch(/^#\d+ case\.Approved/);
  });

  it('a supervision notice on a task that is not current', () => {
    const d = claimed().given([
      head,
      { type: 'SendSupervisionNotice', taskId: 'c1.t1', note: '请按期办结' },
      at('2026-03-10'),
    ]);
    const notice = last(d);
    expect(refusal([...passed().events, notice])).toMatch(/^#\d+ case\.SupervisionNoticeSent/);
  });

  it('容缺: materials supplied when no deficiency is open, and a result issued while one is', () => {
    const supplied = last(
      deficientApproved().given([
        clerk,
        { type: 'SupplyDeficiency', caseId: 'c1', materials: [{ code: 'safety-rules', form: 'original' }] },
      ]),
    );
    expect(refusal([...accepted().events, supplied])).toMatch(/^#\d+ case\.DeficiencySupplied/);
    const issued = last(
      approved().given([
        clerk,
        { type: 'IssueResult', caseId: 'c1', certificateNumber: 'GT-0001', electronic: true },
      ]),
    );
    expect(refusal([...deficientApproved().events, issued])).toMatch(/^#\d+ case\.ResultIssued/);
  });
});
