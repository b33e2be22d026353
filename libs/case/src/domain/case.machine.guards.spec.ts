/**
 * The statechart's guards, each on the history that needs it: a real history (written by the
 * decider) folds to where the law puts the case, and the same history with one event the decider
 * could never have written is refused (CaseHistoryError) — never a TypeError, never a silent fold.
 * Complements corrupt-histories.spec.ts.
 */
import type { CaseEvent } from '../events.js';
import { CaseDriver } from '../testing/case-driver.js';
import {
  BY_APPLICANT,
  approver,
  approver2,
  clerk,
  head,
  incompleteApplication,
  reviewer,
  system,
} from '../testing/fixtures.js';
import {
  DEFICIENCY_ACCEPTANCE,
  CORRECTION_SUBMITTED,
  approved,
  at,
  atDecision,
  claimed,
  completed,
  deny,
  received,
} from '../testing/scenarios.js';
import { EVENT_GUARDS } from './case.machine.js';
import { CaseHistoryError, foldCase } from './case-state.js';

const ev = (type: string, data: object) => ({ type, data }) as unknown as CaseEvent;
const ofType = (history: readonly CaseEvent[], type: string): CaseEvent =>
  history.find((e) => e.type === type)!;

/** The fold's refusal: event type and index, or the status the history folds to. */
function fold(history: readonly CaseEvent[]): string {
  try {
    return foldCase(history)!.status;
  } catch (error) {
    if (!(error instanceof CaseHistoryError)) throw error;
    return `#${error.index} ${error.eventType} refused in ${error.status}`;
  }
}

/** Received and accepted, the first step's task not created yet: the case has no current task. */
const noTask = () => {
  const events = claimed().events;
  return events.slice(
    0,
    events.findIndex((e) => e.type === 'case.TaskCreated'),
  );
};

describe('the guards that read the event alone (EVENT_GUARDS, also used for events stored without a status)', () => {
  it('returnsToFrontDesk: a task returned to the front desk, not to a step, and no other event', () => {
    const { returnsToFrontDesk } = EVENT_GUARDS;
    expect(returnsToFrontDesk(ev('case.TaskReturned', { taskId: 'c1.t2', to: 'front-desk' }))).toBe(true);
    expect(returnsToFrontDesk(ev('case.TaskReturned', { taskId: 'c1.t2', to: 'review' }))).toBe(false);
    expect(returnsToFrontDesk(ev('case.TaskPassed', { taskId: 'c1.t2', to: 'front-desk' }))).toBe(false);
  });

  it('deliversDenial: a delivery of a denial (Art. 38), not of a grant, and no other event', () => {
    const { deliversDenial } = EVENT_GUARDS;
    expect(deliversDenial(ev('case.Delivered', { outcome: 'denied' }))).toBe(true);
    expect(deliversDenial(ev('case.Delivered', { outcome: 'approved' }))).toBe(false);
    expect(deliversDenial(ev('case.Dispatched', { outcome: 'denied' }))).toBe(false);
  });
});

describe('tasks: only the current task, and only as its holder has it', () => {
  it('no task is current before case.TaskCreated: claiming, releasing, passing or returning one is refused', () => {
    const history = noTask();
    const real = [...claimed().events, ...approved().events];
    for (const type of ['case.TaskClaimed', 'case.TaskReleased', 'case.TaskPassed', 'case.TaskReturned']) {
      const event =
        type === 'case.TaskClaimed'
          ? ofType(real, type)
          : ev(type, { taskId: 'c1.t1', to: 'front-desk', reason: 'x', opinion: 'x' });
      expect(fold([...history, event])).toBe(`#${history.length} ${type} refused in backOffice.underReview`);
    }
  });

  it('Art. 38: no decision without a current task held at the last step', () => {
    const history = noTask();
    const approval = ofType(approved().events, 'case.Approved');
    const denial = ofType(deny(atDecision()).events, 'case.Denied');
    expect(fold([...history, approval])).toBe(
      `#${history.length} case.Approved refused in backOffice.underReview`,
    );
    expect(fold([...history, denial])).toBe(
      `#${history.length} case.Denied refused in backOffice.underReview`,
    );
    // The last step's task created but not claimed: nobody holds it.
    const atLast = atDecision().events;
    const unclaimed = atLast.slice(0, -1);
    expect(unclaimed[unclaimed.length - 1].type).toBe('case.TaskCreated');
    expect(fold([...unclaimed, approval])).toBe(
      `#${unclaimed.length} case.Approved refused in backOffice.underReview`,
    );
    expect(fold([...unclaimed, denial])).toBe(
      `#${unclaimed.length} case.Denied refused in backOffice.underReview`,
    );
    expect(fold([...atLast, denial])).toBe('delivery.issued');
  });

  it('Art. 38: a denial at a step that is not the last one is refused', () => {
    const denial = ofType(deny(atDecision()).events, 'case.Denied');
    const first = claimed().events;
    expect(fold([...first, denial])).toBe(`#${first.length} case.Denied refused in backOffice.underReview`);
  });

  it('a task reassigned (转办) is folded: the current task has its new holder', () => {
    const d = claimed();
    const reassigned = ev('case.TaskReassigned', {
      taskId: 'c1.t1',
      from: { userId: approver.userId, name: approver.name },
      to: { userId: approver2.userId, name: approver2.name },
      reason: '原承办人休假',
      by: { userId: head.userId, name: head.name },
      reassignedAt: '2026-03-03T02:00:00.000Z',
    });
    const state = foldCase([...d.events, reassigned])!;
    expect(state.context.tasks.find((t) => t.taskId === 'c1.t1')?.holder).toMatchObject({
      userId: approver2.userId,
    });
  });
});

describe('withdrawal and correction are recorded as they move the case', () => {
  it('a withdrawal at the front desk ends the case and keeps its reason', () => {
    const d = received().given([clerk, { type: 'WithdrawCase', caseId: 'c1', reason: '申请人撤回' }]);
    expect(d.current.status).toBe('withdrawn');
    expect(d.current.context.withdrawal).toMatchObject({ reason: '申请人撤回', deemed: false });
  });

  it('materials corrected after the back office returned the case are recorded, and the case goes back to review', () => {
    const d = claimed().given(
      [approver, { type: 'ReturnTask', taskId: 'c1.t1', to: 'front-desk', reason: '缺页' }],
      [clerk, CORRECTION_SUBMITTED],
    );
    expect(d.current.status).toBe('backOffice.underReview');
    expect(d.current.context.visits).toBe(claimed().current.context.visits + 1);
  });
});

describe('delivery: as decided, and 容缺 does not hold back a denial', () => {
  /** 容缺受理, the materials never supplied, walked to the decision step and denied. */
  const deficientDenied = () => {
    const d = new CaseDriver().given(
      [clerk, incompleteApplication(), at('2026-03-02')],
      [clerk, DEFICIENCY_ACCEPTANCE],
    );
    return deny(
      d.given(
        [approver, { type: 'ClaimTask', taskId: 'c1.t1' }],
        [approver, { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' }],
        [approver2, { type: 'ClaimTask', taskId: 'c1.t2' }],
        [approver2, { type: 'PassTask', taskId: 'c1.t2', opinion: '同意' }],
        [head, { type: 'ClaimTask', taskId: 'c1.t3' }],
      ),
    );
  };

  it('a denied case with its deficiency still open is dispatched and delivered: it ends denied', () => {
    const d = deficientDenied().given(
      [clerk, { type: 'DispatchResult', caseId: 'c1', method: 'window' }],
      [clerk, { type: 'DeliverResult', caseId: 'c1', recipient: BY_APPLICANT }],
    );
    expect(d.current.context.deficiency?.missing.length).toBeGreaterThan(0);
    expect(d.current.status).toBe('denied');
    expect(d.current.context.deliveredOn).toBe('2026-03-02');
    expect(fold(d.events)).toBe('denied');
  });

  it('defect fixed: a delivery whose outcome is not the decision’s is refused, not folded to 办结 or 不予许可', () => {
    const granted = completed().events;
    const denied = deficientDenied().given([
      clerk,
      { type: 'DispatchResult', caseId: 'c1', method: 'window' },
    ]).events;
    const delivered = (history: readonly CaseEvent[], outcome: string) => {
      const real = history[history.length - 1];
      return [...history.slice(0, -1), { ...real, data: { ...real.data, outcome } } as CaseEvent];
    };
    expect(fold(granted)).toBe('completed');
    expect(fold(delivered(granted, 'denied'))).toBe(
      `#${granted.length - 1} case.Delivered refused in delivery.dispatched`,
    );
    const deliveredDenial = [
      ...denied,
      {
        ...ofType(granted, 'case.Delivered'),
        data: { ...ofType(granted, 'case.Delivered').data, outcome: 'denied' },
      } as CaseEvent,
    ];
    expect(fold(deliveredDenial)).toBe('denied');
    expect(fold(delivered(deliveredDenial, 'approved'))).toBe(
      `#${denied.length} case.Delivered refused in delivery.dispatched`,
    );
  });
});

describe('Art. 36 follow-up: the rating region leaves 跟进 only when the last open obligation closes', () => {
  const twoOpen = () =>
    completed().given(
      [system, { type: 'RateService', caseId: 'c1', level: 5, channel: 'app' }],
      [clerk, { type: 'RateService', caseId: 'c1', level: 4, channel: 'window-device', stage: 'delivery' }],
      [reviewer, { type: 'RecordCallback', obligationId: 'c1.o1', notes: '回访', verified: true }],
      [reviewer, { type: 'RecordCallback', obligationId: 'c1.o2', notes: '回访', verified: false }],
    );

  it('rectified while another is open: still following up, the rectification recorded; the last one explained closes it', () => {
    const d = twoOpen().given([
      reviewer,
      { type: 'RectifyObligation', obligationId: 'c1.o1', measures: '培训' },
    ]);
    expect(d.current.rating).toBe('followingUp');
    expect(d.current.context.obligations.map((o) => o.status)).toEqual(['rectified', 'called-back']);
    d.send(reviewer, {
      type: 'ExplainObligation',
      obligationId: 'c1.o2',
      explanation: '申请人要求超出法定条件',
    });
    expect(d.current.rating).toBe('noOpenObligation');
  });

  it('explained while another is open: still following up; the last one rectified closes it', () => {
    const d = twoOpen().given([
      reviewer,
      { type: 'ExplainObligation', obligationId: 'c1.o2', explanation: '不属实' },
    ]);
    expect(d.current.rating).toBe('followingUp');
    expect(d.current.context.obligations.map((o) => o.status)).toEqual(['called-back', 'explained']);
    d.send(reviewer, { type: 'RectifyObligation', obligationId: 'c1.o1', measures: '增开窗口' });
    expect(d.current.rating).toBe('noOpenObligation');
  });
});
