/**
 * The catalog codes and params of the refusals `available` and `authorize` answer (ADR 15): the
 * console words a refusal from its code and params, so a refusal that loses them shows the hall
 * the English. Mutation testing left these open (docs/adr/0014-mutation-testing.md): rules.spec.ts
 * reads only the words.
 */
import type { ServiceGuide } from '@one-window/catalog';
import { CaseDriver } from '../testing/case-driver.js';
import {
  GUIDE,
  OTHER_DEPT,
  application,
  approver,
  calendar,
  clerk,
  head,
  system,
} from '../testing/fixtures.js';
import { resolveNow } from './decide-context.js';
import * as rules from './rules.js';
import { accepted, at, claimed, received, receivedIncomplete } from '../testing/scenarios.js';

const on = (date: string) => resolveNow({ now: new Date(at(date)), actor: system, calendar });

/** The guide with each material named in Chinese, so a name is not its code. */
const NAMED: ServiceGuide = {
  ...GUIDE,
  materials: GUIDE.materials.map((m) => ({ ...m, name: `材料·${m.code}` })),
};
/** A fresh case on the guide (NAMED unless told). */
const named = (guide: ServiceGuide = NAMED) => new CaseDriver('c1', guide);

/** A refusal's code and params, or its plain words when it has none. */
const ref = (reason: ReturnType<typeof rules.available>) =>
  reason instanceof rules.Refusal ? { message: reason.message, ...reason.reason } : reason;

/** What `available` answers on receipt day to accepting the case with deficiency (容缺), as `ref` reads it. */
const deferral = (d: CaseDriver) =>
  ref(rules.available('AcceptWithDeficiency', d.current, {}, on('2026-03-02')));

describe('available: each refusal carries its catalog code and params (ADR 15)', () => {
  it('Law Art. 32: accepting with materials missing names them by code and by the guide’s name, on the 5th working day (2026-03-09); the day after, the case counts as accepted', () => {
    const state = receivedIncomplete(named()).current;
    expect(ref(rules.available('AcceptCase', state, {}, on('2026-03-09')))).toEqual({
      message:
        'materials safety-rules, staff-health are missing: give one complete correction notice, or accept with deficiency (容缺)',
      code: 'not-allowed-in-state.materials-missing',
      params: {
        codes: ['safety-rules', 'staff-health'],
        materials: ['材料·safety-rules', '材料·staff-health'],
      },
    });
    expect(rules.available('AcceptCase', state, {}, on('2026-03-06'))).toBeInstanceOf(rules.Refusal);
    expect(rules.available('AcceptCase', state, {}, on('2026-03-10'))).toBeNull();
  });

  it('容缺: nothing missing, and a material the guide does not defer, each have their code; the refusal names only the material that cannot be deferred', () => {
    const guide: ServiceGuide = {
      ...NAMED,
      materials: NAMED.materials.map((m) =>
        m.code === 'safety-rules' ? { ...m, deficiencyAllowed: false } : m,
      ),
    };
    expect(deferral(receivedIncomplete(named(guide)))).toEqual({
      message: 'safety-rules cannot be deferred (容缺): request a correction',
      code: 'not-allowed-in-state.not-deferrable',
      params: { codes: ['safety-rules'], materials: ['材料·safety-rules'] },
    });
    const complete = received(named());
    expect(deferral(complete)).toEqual({
      message: 'no materials are missing: accept the case',
      code: 'not-allowed-in-state.nothing-missing',
    });
    expect(deferral(receivedIncomplete(named()))).toBeNull();
  });

  it('a key material missing cannot be deferred even where the guide lists it for 容缺', () => {
    const guide: ServiceGuide = {
      ...NAMED,
      materials: NAMED.materials.map((m) => (m.code === 'staff-health' ? { ...m, key: true } : m)),
    };
    expect(deferral(receivedIncomplete(named(guide)))).toEqual({
      message: 'staff-health cannot be deferred (容缺): request a correction',
      code: 'not-allowed-in-state.not-deferrable',
      params: { codes: ['staff-health'], materials: ['材料·staff-health'] },
    });
  });

  it('a held task names its holder; an unclaimed one must be claimed first', () => {
    const today = on('2026-03-03');
    const held = claimed(named());
    expect(
      ref(rules.available('ClaimTask', held.current, { task: held.current.context.tasks[0] }, today)),
    ).toEqual({
      message: 'task c1.t1 is already held by 李明',
      code: 'not-allowed-in-state.held-by',
      params: { holder: '李明' },
    });
    const free = accepted(named());
    const task = free.current.context.tasks[0];
    for (const type of ['PassTask', 'ReturnTask', 'StartSpecialProcedure'] as const) {
      expect(ref(rules.available(type, free.current, { task }, today))).toEqual({
        message: 'task c1.t1 must be claimed first',
        code: 'not-allowed-in-state.claim-first',
      });
    }
    expect(rules.available('ClaimTask', free.current, { task }, today)).toBeNull();
  });

  it('Law Art. 42: a second extension is refused with its code', () => {
    const d = claimed(named()).given([
      head,
      { type: 'ExtendTimeLimit', caseId: 'c1', days: 10, reason: '需补充专家论证' },
    ]);
    expect(ref(rules.available('ExtendTimeLimit', d.current, {}, on('2026-03-04')))).toEqual({
      message: 'the time limit has already been extended once (Law Art. 42)',
      code: 'not-allowed-in-state.already-extended',
    });
    expect(rules.available('ExtendTimeLimit', claimed(named()).current, {}, on('2026-03-04'))).toBeNull();
  });
});

describe('who: a guide whose steps lie in two departments (DOMAIN §2, Law Art. 45)', () => {
  const TWO_DEPARTMENTS: ServiceGuide = {
    ...NAMED,
    steps: NAMED.steps.map((s, i) => (i === 1 ? { ...s, department: OTHER_DEPT } : s)),
  };
  const atSecondStep = () =>
    new CaseDriver('c1', TWO_DEPARTMENTS).given(
      [clerk, application(), at('2026-03-02')],
      [clerk, { type: 'AcceptCase', caseId: 'c1' }],
      [approver, { type: 'ClaimTask', taskId: 'c1.t1' }],
      [approver, { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' }],
    );
  const otherApprover = { userId: 'appr-9', name: '刘洋', role: 'approver' as const, department: OTHER_DEPT };
  const otherHead = { userId: 'head-9', name: '吴局', role: 'head' as const, department: OTHER_DEPT };

  it("a special procedure started on the second department's step is ended by that department, not by the guide's", () => {
    const d = atSecondStep().given(
      [otherApprover, { type: 'ClaimTask', taskId: 'c1.t2' }],
      [
        otherApprover,
        { type: 'StartSpecialProcedure', caseId: 'c1', kind: 'inspection', reason: '核查', expectedDays: 3 },
      ],
    );
    const procedure = d.current.context.specialProcedures[0];
    expect(rules.authorize('EndSpecialProcedure', d.current, otherApprover, { procedure })).toBeNull();
    expect(rules.authorize('EndSpecialProcedure', d.current, otherHead, { procedure })).toBeNull();
    expect(rules.authorize('EndSpecialProcedure', d.current, approver, { procedure })).toBe(
      `only an approver or head of ${OTHER_DEPT} may end the special procedure`,
    );
    expect(rules.authorize('EndSpecialProcedure', d.current, head, { procedure })).toBe(
      `only an approver or head of ${OTHER_DEPT} may end the special procedure`,
    );
  });

  it("Law Art. 42: the head of the current step's department extends, as the guide's head does; an approver of either is refused", () => {
    const state = atSecondStep().current;
    expect(rules.authorize('ExtendTimeLimit', state, otherHead, {})).toBeNull();
    expect(rules.authorize('ExtendTimeLimit', state, head, {})).toBeNull();
    expect(rules.authorize('ExtendTimeLimit', state, otherApprover, {})).toBe(
      `only the head of ${GUIDE.department} may extend the time limit (Law Art. 42)`,
    );
    expect(rules.authorize('ExtendTimeLimit', state, approver, {})).not.toBeNull();
  });
});

describe('when: a recalculation needs one guessed year loaded, not all of them (ADR 12)', () => {
  const guessing = (years: number[]) => {
    const state = accepted(named()).current;
    return { ...state, context: { ...state.context, provisionalYears: years } };
  };
  const loading2027 = resolveNow({
    now: new Date(at('2026-12-28')),
    actor: system,
    calendar: { ...calendar, covers: (year) => year === 2027 },
  });

  it('a case that guessed 2027 and 2028 is recalculated once 2027 alone is loaded; one that guessed only 2028 is refused', () => {
    expect(rules.available('RecalculateDeadlines', guessing([2027, 2028]), {}, loading2027)).toBeNull();
    expect(rules.available('RecalculateDeadlines', guessing([2028, 2027]), {}, loading2027)).toBeNull();
    expect(rules.available('RecalculateDeadlines', guessing([2028]), {}, loading2027)).toBe(
      'no provisional date of this case has its year loaded',
    );
    expect(rules.available('RecalculateDeadlines', guessing([]), {}, loading2027)).toBe(
      'no provisional date of this case has its year loaded',
    );
  });
});
