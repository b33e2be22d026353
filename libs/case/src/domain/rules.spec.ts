/**
 * The two rule tables read directly (DOMAIN §2 who, the statechart and Law Art. 32, 36, 45 when):
 * `authorize` and `available` answer null or the refusal's words, for the targets a command can
 * name — including none. Mutation testing found these branches pinned by no test
 * (docs/adr/0014-mutation-testing.md).
 */
import type { Actor } from '@one-window/shared';
import { CaseDriver } from '../testing/case-driver.js';
import { GUIDE, HALL, approver, calendar, clerk, head, reviewer, system } from '../testing/fixtures.js';
import { resolveNow } from './decide-context.js';
import * as rules from './rules.js';
import {
  CORRECTION_REQUEST,
  DEFICIENCY_ACCEPTANCE,
  accepted,
  at,
  claimed,
  deny,
  oneStep,
  received,
  receivedIncomplete,
  toDecision,
} from '../testing/scenarios.js';

const on = (date: string) => resolveNow({ now: new Date(at(date)), actor: system, calendar });
const admin: Actor = { userId: 'admin-1', name: '管理员', role: 'admin' };
const deptReviewer: Actor = { ...reviewer, userId: 'rev-2' };
const hallReviewer: Actor = { userId: 'rev-3', name: '周敏', role: 'reviewer', hall: HALL };
const hallApprover: Actor = { ...approver, hall: HALL };

const passed = () => claimed().given([approver, { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' }]);
const oneStepClaimed = () => claimed(oneStep());
const rated = () =>
  oneStepClaimed().given(
    [approver, { type: 'ApproveCase', caseId: 'c1', opinion: '准予' }],
    [
      system,
      { type: 'RateService', caseId: 'c1', level: 5, channel: 'app', stage: 'overall' },
      at('2026-03-03'),
    ],
  );
const calledBack = () =>
  rated().given([
    reviewer,
    { type: 'RecordCallback', obligationId: 'c1.o1', notes: '已回访', verified: true },
  ]);
const task = (d: CaseDriver, n: number) => d.current.context.tasks[n - 1];
/** A rule's answer in words: null, or the refusal's English message. */
const words = (reason: ReturnType<typeof rules.available>): string | null =>
  reason === null || typeof reason === 'string' ? reason : reason.message;
const authorize = (...args: Parameters<typeof rules.authorize>) => words(rules.authorize(...args));
const available = (...args: Parameters<typeof rules.available>) => words(rules.available(...args));

describe('who: authorize (DOMAIN §2)', () => {
  it('before a case exists only a clerk or a channel receives; other commands are left to "no such case"', () => {
    expect(authorize('ReceiveApplication', null, clerk, {})).toBeNull();
    expect(authorize('ReceiveApplication', null, system, {})).toBeNull();
    expect(authorize('ReceiveApplication', null, approver, {})).toBe(
      'only a clerk (or an online channel) receives applications',
    );
    expect(authorize('AcceptCase', null, approver, {})).toBeNull();
  });

  it("a hall's command is a clerk's: an approver who works at the hall is refused", () => {
    expect(authorize('AcceptCase', received().current, hallApprover, {})).toBe(
      `only a clerk of hall ${HALL} may do this`,
    );
  });

  it('Art. 44: the result is handed out by a clerk of the hall, not by an online channel', () => {
    const state = received().current;
    expect(authorize('DeliverResult', state, clerk, {})).toBeNull();
    expect(authorize('DeliverResult', state, system, {})).toBe(`only a clerk of hall ${HALL} may do this`);
  });

  it("an approver's step is its department's approvers' and head's, not a review officer's of that department", () => {
    const state = accepted().current;
    expect(authorize('ClaimTask', state, head, { task: task(accepted(), 1) })).toBeNull();
    expect(authorize('ClaimTask', state, deptReviewer, { task: task(accepted(), 1) })).toBe(
      `only a approver of ${GUIDE.department} may act on step "review"`,
    );
  });

  it('a command that names no task is left to the state rule; a held task names its holder', () => {
    const d = claimed();
    expect(authorize('PassTask', d.current, approver, {})).toBeNull();
    expect(authorize('PassTask', d.current, { ...approver, userId: 'appr-2' }, { task: task(d, 1) })).toBe(
      'the task is held by 李明',
    );
  });

  it('Art. 36: a review officer of the hall follows up, as one of the department does', () => {
    const d = rated();
    const obligation = d.current.context.obligations[0];
    expect(authorize('RecordCallback', d.current, hallReviewer, { obligation })).toBeNull();
    expect(authorize('RecordCallback', d.current, reviewer, { obligation })).toBeNull();
  });

  it('Art. 45: a review officer of the department does not end a special procedure; with no procedure named the state rule answers', () => {
    const d = claimed().given([
      approver,
      { type: 'StartSpecialProcedure', caseId: 'c1', kind: 'inspection', reason: '核查', expectedDays: 3 },
    ]);
    const procedure = d.current.context.specialProcedures[0];
    expect(authorize('EndSpecialProcedure', d.current, deptReviewer, { procedure })).toBe(
      `only an approver or head of ${GUIDE.department} may end the special procedure`,
    );
    expect(authorize('EndSpecialProcedure', d.current, approver, { procedure: null })).toBeNull();
    expect(authorize('EndSpecialProcedure', d.current, clerk, { procedure: null })).toBe(
      'only an approver or head of the department may end the special procedure',
    );
  });

  it('督办 naming no task: an administrator may, a head is refused in words', () => {
    const state = claimed().current;
    expect(authorize('SendSupervisionNotice', state, admin, {})).toBeNull();
    expect(authorize('SendSupervisionNotice', state, head, {})).toBe(
      'only the head of the department or an administrator may send a supervision notice (督办)',
    );
  });
});

describe('when: available', () => {
  it('no case yet: only a receipt', () => {
    expect(available('AcceptCase', null, {}, on('2026-03-02'))).toBe('there is no such case');
    expect(available('ReceiveApplication', null, {}, on('2026-03-02'))).toBeNull();
  });

  it('the words of a state that does not take the command', () => {
    const state = received().current;
    const today = on('2026-03-02');
    expect(available('ReceiveApplication', state, {}, today)).toBe('the case has already been received');
    expect(available('SupplyDeficiency', state, {}, today)).toBe('no deficient materials are open');
    expect(available('MarkDeficiencyOverdue', state, {}, today)).toBe('no deficiency is open');
    expect(available('ClaimTask', state, {}, today)).toBe('task  is not open');
    expect(available('ReleaseTask', state, {}, today)).toBe('task  is not open');
    expect(available('RequestCorrection', accepted().current, {}, today)).toBe(
      'not possible while the case is backOffice.underReview',
    );
  });

  it('Law Art. 32: with materials missing, a clerk may not accept on the 5th working day (2026-03-09), but from the day after the case counts as accepted', () => {
    const state = receivedIncomplete().current;
    expect(available('AcceptCase', state, {}, on('2026-03-09'))).not.toBeNull();
    expect(available('AcceptCase', state, {}, on('2026-03-10'))).toBeNull();
  });

  it('Law Art. 32: refusal (不予受理) is open after the notice deadline too', () => {
    expect(available('RefuseCase', receivedIncomplete().current, {}, on('2026-03-10'))).toBeNull();
  });

  it('容缺: a non-key material the guide does not list for 容缺 cannot be deferred', () => {
    const guide = {
      ...GUIDE,
      materials: GUIDE.materials.map((m) =>
        m.code === 'safety-rules' ? { ...m, deficiencyAllowed: false } : m,
      ),
    };
    const d = receivedIncomplete(new CaseDriver('c1', guide));
    expect(available('AcceptWithDeficiency', d.current, {}, on('2026-03-02'))).toBe(
      'safety-rules cannot be deferred (容缺): request a correction',
    );
    expect(available('AcceptWithDeficiency', received().current, {}, on('2026-03-02'))).toBe(
      'no materials are missing: accept the case',
    );
  });

  it('a correction past its day names the day', () => {
    const d = receivedIncomplete().given([clerk, CORRECTION_REQUEST, at('2026-03-04')]);
    expect(available('SubmitCorrection', d.current, {}, on('2026-03-19'))).toBe(
      'the correction was due by 2026-03-18',
    );
  });

  it('in the back office with nothing deferred, a supply is refused in words', () => {
    expect(available('SupplyDeficiency', accepted().current, {}, on('2026-03-03'))).toBe(
      'no deficient materials are open',
    );
  });

  it('claim, release and act only on the current task, held as each needs', () => {
    const today = on('2026-03-03');
    const held = claimed();
    expect(available('ClaimTask', held.current, { task: task(held, 1) }, today)).toBe(
      'task c1.t1 is already held by 李明',
    );
    const free = accepted();
    expect(available('ReleaseTask', free.current, { task: task(free, 1) }, today)).toBe(
      'task c1.t1 is not held',
    );
    const later = passed();
    expect(available('ReleaseTask', later.current, { task: task(later, 1) }, today)).toBe(
      'task c1.t1 is not open',
    );
    expect(available('PassTask', later.current, { task: task(later, 1) }, today)).toBe(
      'there is no current task to act on',
    );
    expect(available('PassTask', later.current, {}, today)).toBe('there is no current task to act on');
    expect(available('SendSupervisionNotice', later.current, { task: task(later, 1) }, today)).toBe(
      'task c1.t1 is not open',
    );
  });

  it('Art. 45: only the running procedure ends — not an ended one, not none', () => {
    const start = {
      type: 'StartSpecialProcedure',
      caseId: 'c1',
      kind: 'testing',
      reason: '检测',
      expectedDays: 3,
    } as const;
    const d = claimed().given(
      [approver, start, at('2026-03-03')],
      [approver, { type: 'EndSpecialProcedure', caseId: 'c1', n: 1, result: '合格' }, at('2026-03-04')],
      [approver, start, at('2026-03-05')],
    );
    const [first, second] = d.current.context.specialProcedures;
    const today = on('2026-03-06');
    expect(available('EndSpecialProcedure', d.current, { procedure: second }, today)).toBeNull();
    expect(available('EndSpecialProcedure', d.current, { procedure: first }, today)).toBe(
      'that special procedure is not running',
    );
    expect(available('EndSpecialProcedure', d.current, { procedure: null }, today)).toBe(
      'that special procedure is not running',
    );
  });

  it('容缺 and a denial: the written denial is handed out while materials are still missing', () => {
    const deferred = receivedIncomplete(oneStep()).given([
      clerk,
      { ...DEFICIENCY_ACCEPTANCE, supplyBy: '2026-03-05' },
    ]);
    const d = deny(toDecision(deferred));
    expect(available('DispatchResult', d.current, {}, on('2026-03-03'))).toBeNull();
  });

  it('Art. 36: a callback once, rectification after it, nothing on a closed obligation', () => {
    const today = on('2026-03-04');
    const open = rated();
    const o1 = () => open.current.context.obligations[0];
    expect(available('RectifyObligation', open.current, { obligation: o1() }, today)).toBe(
      'call the applicant back first (Art. 36)',
    );
    expect(available('RecordCallback', open.current, {}, today)).toBe(
      'obligation  has already been called back',
    );
    const back = calledBack();
    const o = back.current.context.obligations[0];
    expect(available('RecordCallback', back.current, { obligation: o }, today)).toBe(
      'obligation c1.o1 has already been called back',
    );
    expect(
      available('MarkObligationOverdue', back.current, { obligation: o, deadline: 'callback' }, today),
    ).toBe('the obligation has met that deadline');
    expect(
      available('MarkObligationOverdue', back.current, { obligation: o, deadline: 'rectification' }, today),
    ).toBeNull();
    const closed = back.given([
      reviewer,
      { type: 'RectifyObligation', obligationId: 'c1.o1', measures: '已整改' },
    ]);
    const c = closed.current.context.obligations[0];
    expect(available('ExplainObligation', closed.current, { obligation: c }, today)).toBe(
      'obligation c1.o1 is closed',
    );
    expect(available('ExplainObligation', closed.current, {}, today)).toBe('obligation  is closed');
    expect(
      available('MarkObligationOverdue', closed.current, { obligation: c, deadline: 'rectification' }, today),
    ).toBe('the obligation has met that deadline');
  });
});
