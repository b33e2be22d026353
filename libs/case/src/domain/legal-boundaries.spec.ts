/**
 * Every deadline the engine computes or checks, pinned on its boundary: the day before, the day
 * itself and the day after (and for Art. 36's 48 hours, the second). Mutation testing found each
 * of these lines could move by one without a test noticing (docs/adr/0014-mutation-testing.md).
 * Received and accepted Monday 2026-03-02: the Art. 32 notice is due 2026-03-09, the statutory
 * decision 2026-03-30, the promised one 2026-03-16.
 */
import type { Actor } from '@one-window/shared';
import type { CaseCommand } from '../commands.js';
import { CaseDriver } from '../testing/case-driver.js';
import { BY_APPLICANT, GUIDE, approver, clerk, head, reviewer, system } from '../testing/fixtures.js';
import {
  CORRECTION_REQUEST,
  CORRECTION_SUBMITTED,
  DENIAL,
  accepted,
  at,
  claimed,
  oneStep,
  received,
  receivedIncomplete,
} from '../testing/scenarios.js';

/** Whether the command goes through on that day (on a fresh case each time). */
const passes = (build: () => CaseDriver, actor: Actor, command: CaseCommand, when: string) => {
  try {
    build().send(actor, command, when);
    return true;
  } catch {
    return false;
  }
};
/** Goes through on the day before and on the day itself, refused the day after (a last day). */
const UP_TO_THE_DAY = [true, true, false];
/** Refused on the day before and on the day itself, goes through the day after (a deadline passed). */
const ONLY_THE_DAY_AFTER = [false, false, true];
/** Whether what was done on each day was recorded late. */
const lateness = (doneOn: (day: string) => object | undefined, days: readonly string[]) =>
  days.map((day) => (doneOn(day) as { late?: boolean } | undefined)?.late);
/** The outcome on the day before, the day itself and the day after. */
const onDays = (
  build: () => CaseDriver,
  actor: Actor,
  command: CaseCommand,
  days: readonly [string, string, string],
) => days.map((day) => passes(build, actor, command, at(day)));

/** A timer the system sends is refused on the day before and on the day itself, and goes through the day after. */
const expectTimerOnlyTheDayAfter = (
  build: () => CaseDriver,
  timer: CaseCommand,
  days: readonly [string, string, string],
) => expect(onDays(build, system, timer, days)).toEqual(ONLY_THE_DAY_AFTER);

/** One-step item accepted 2026-03-02: statutory due 2026-03-23 (15 working days), promised 2026-03-05. */
const oneStepClaimed = () => claimed(oneStep());

describe('Law Art. 32: the correction notice within 5 working days of receipt (due 2026-03-09)', () => {
  it('a notice on the day before and on the 5th working day itself is given; on the day after it is refused', () => {
    expect(
      onDays(receivedIncomplete, clerk, CORRECTION_REQUEST, ['2026-03-06', '2026-03-09', '2026-03-10']),
    ).toEqual(UP_TO_THE_DAY);
  });

  it('deemed acceptance is not decided before or on the 5th working day, only on the day after', () => {
    const deem: CaseCommand = { type: 'DeemAccepted', caseId: 'c1' };
    expectTimerOnlyTheDayAfter(receivedIncomplete, deem, ['2026-03-06', '2026-03-09', '2026-03-10']);
  });

  it('a clerk accepting on the 5th working day accepts on that day; on the day after, the case counts as accepted from receipt', () => {
    const accept = (day: string) => received().send(clerk, { type: 'AcceptCase', caseId: 'c1' }, at(day))[0];
    expect(accept('2026-03-09')).toMatchObject({ type: 'case.Accepted', data: { acceptedOn: '2026-03-09' } });
    expect(accept('2026-03-10')).toMatchObject({
      type: 'case.DeemedAccepted',
      data: { acceptedOn: '2026-03-02' },
    });
  });
});

describe('the correction period: 10 working days from the notice (given 2026-03-04, due 2026-03-18)', () => {
  const noticed = () => receivedIncomplete().given([clerk, CORRECTION_REQUEST, at('2026-03-04')]);

  it('the notice records the due day', () => {
    expect(noticed().current.context.correction?.correctBy).toBe('2026-03-18');
  });

  it('a correction submitted on the day before or on its due day is taken; on the day after it is refused', () => {
    expect(onDays(noticed, clerk, CORRECTION_SUBMITTED, ['2026-03-17', '2026-03-18', '2026-03-19'])).toEqual(
      UP_TO_THE_DAY,
    );
  });

  it('the application counts as withdrawn only from the day after the due day', () => {
    const overdue: CaseCommand = { type: 'MarkCorrectionOverdue', caseId: 'c1' };
    expectTimerOnlyTheDayAfter(noticed, overdue, ['2026-03-17', '2026-03-18', '2026-03-19']);
  });

  it('a correction date the clerk sets must be after today', () => {
    const withDate = (correctBy: string): CaseCommand => ({ ...CORRECTION_REQUEST, correctBy });
    expect(passes(receivedIncomplete, clerk, withDate('2026-03-04'), at('2026-03-04'))).toBe(false);
    expect(passes(receivedIncomplete, clerk, withDate('2026-03-05'), at('2026-03-04'))).toBe(true);
  });
});

describe('Law Art. 32 容缺: supply by a date after today and not after the promised due date (2026-03-16)', () => {
  const defer = (supplyBy: string): CaseCommand => ({
    type: 'AcceptWithDeficiency',
    caseId: 'c1',
    missing: [{ code: 'safety-rules' }, { code: 'staff-health' }],
    supplyBy,
    commitmentSigned: true,
  });
  const deficient = () => receivedIncomplete().given([clerk, defer('2026-03-13')]);
  const supply: CaseCommand = {
    type: 'SupplyDeficiency',
    caseId: 'c1',
    materials: [
      { code: 'safety-rules', form: 'original' },
      { code: 'staff-health', form: 'copy' },
    ],
  };

  it('the supply-by date: today is refused, tomorrow taken; the promised due date taken, the day after refused', () => {
    expect(passes(receivedIncomplete, clerk, defer('2026-03-02'), at('2026-03-02'))).toBe(false);
    expect(passes(receivedIncomplete, clerk, defer('2026-03-03'), at('2026-03-02'))).toBe(true);
    expect(passes(receivedIncomplete, clerk, defer('2026-03-16'), at('2026-03-02'))).toBe(true);
    expect(passes(receivedIncomplete, clerk, defer('2026-03-17'), at('2026-03-02'))).toBe(false);
  });

  it('materials supplied on the day before or on the supply-by day are on time; on the day after, late', () => {
    const late = (day: string) => deficient().send(clerk, supply, at(day))[0]?.data;
    expect(lateness(late, ['2026-03-12', '2026-03-13', '2026-03-16'])).toEqual(ONLY_THE_DAY_AFTER);
  });

  it('the deficiency is marked overdue only after the supply-by day', () => {
    const overdue: CaseCommand = { type: 'MarkDeficiencyOverdue', caseId: 'c1' };
    expectTimerOnlyTheDayAfter(deficient, overdue, ['2026-03-12', '2026-03-13', '2026-03-16']);
  });

  it('a key material cannot be deferred even when the guide lists it for 容缺', () => {
    const keyGuide = {
      ...GUIDE,
      materials: GUIDE.materials.map((m) => (m.code === 'safety-rules' ? { ...m, key: true } : m)),
    };
    const d = receivedIncomplete(new CaseDriver('c1', keyGuide));
    const error = d.error(clerk, defer('2026-03-13'));
    expect(error.code).toBe('not-allowed-in-state');
    expect(error.message).toBe('Safety-rules cannot be deferred (容缺): request a correction');
  });
});

describe('Law Art. 42: the decision within 20 working days (statutory due 2026-03-30; promised 2026-03-16)', () => {
  const overdue = (limit: 'statutory' | 'promised'): CaseCommand => ({
    type: 'MarkDecisionOverdue',
    caseId: 'c1',
    limit,
  });
  const warning = (limit: 'statutory' | 'promised'): CaseCommand => ({
    type: 'MarkDecisionWarning',
    caseId: 'c1',
    limit,
  });

  it('overdue only from the day after the due date', () => {
    expectTimerOnlyTheDayAfter(accepted, overdue('statutory'), ['2026-03-27', '2026-03-30', '2026-03-31']);
    expectTimerOnlyTheDayAfter(accepted, overdue('promised'), ['2026-03-13', '2026-03-16', '2026-03-17']);
  });

  it('the yellow warning from 3 working days before the due date (2026-03-11), not 4; past the due date it is moot', () => {
    const warn = (day: string) => accepted().send(system, warning('promised'), at(day));
    expect(passes(accepted, system, warning('promised'), at('2026-03-10'))).toBe(false);
    expect(warn('2026-03-11')).toEqual([
      {
        type: 'case.DecisionWarning',
        data: { limit: 'promised', dueDate: '2026-03-16', workingDaysLeft: 3 },
      },
    ]);
    expect(warn('2026-03-16')[0]).toMatchObject({ data: { workingDaysLeft: 0 } });
    expect(warn('2026-03-17')).toEqual([]);
  });

  it('a decision on the statutory due day is within the limit; on the day after it is late (one-step item, due 2026-03-23)', () => {
    const timeliness = (day: string) =>
      oneStepClaimed().send(approver, { type: 'ApproveCase', caseId: 'c1', opinion: '准予' }, at(day))[0]
        .data;
    expect(timeliness('2026-03-20')).toMatchObject({
      withinStatutoryLimit: true,
      withinPromisedLimit: false,
    });
    expect(timeliness('2026-03-23')).toMatchObject({ withinStatutoryLimit: true });
    expect(timeliness('2026-03-24')).toMatchObject({ withinStatutoryLimit: false });
    expect(timeliness('2026-03-05')).toMatchObject({ withinPromisedLimit: true });
    expect(timeliness('2026-03-04')).toMatchObject({ withinPromisedLimit: true });
    expect(timeliness('2026-03-06')).toMatchObject({ withinPromisedLimit: false });
  });

  it('a denial on the day after the statutory due day is late too', () => {
    const deny = (day: string) => oneStepClaimed().send(approver, DENIAL, at(day))[0].data;
    expect(deny('2026-03-23')).toMatchObject({ withinStatutoryLimit: true });
    expect(deny('2026-03-24')).toMatchObject({ withinStatutoryLimit: false });
  });
});

describe('Law Art. 42: one extension by 1 to 10 working days moves the statutory due date the timers read', () => {
  const extend = (days: number): CaseCommand => ({
    type: 'ExtendTimeLimit',
    caseId: 'c1',
    days,
    reason: '需专家论证',
  });

  it('0 days is refused, 1 and 10 are taken, 11 refused', () => {
    expect(claimed().error(head, extend(0)).errors?.[0]).toMatchObject({ field: 'days' });
    expect(claimed().send(head, extend(1))[0]).toMatchObject({ data: { statutoryDueDate: '2026-03-31' } });
    expect(claimed().send(head, extend(10))[0]).toMatchObject({ data: { statutoryDueDate: '2026-04-14' } });
    expect(claimed().error(head, extend(11)).errors?.[0]).toMatchObject({ field: 'days' });
  });

  it('after the extension the case is due on the new date: not overdue the day after the old one, nor on the new one; overdue the day after', () => {
    const extended = () => claimed().given([head, extend(10)]);
    expect(extended().current.context.statutoryDueDate).toBe('2026-04-14');
    const overdue: CaseCommand = { type: 'MarkDecisionOverdue', caseId: 'c1', limit: 'statutory' };
    expectTimerOnlyTheDayAfter(extended, overdue, ['2026-03-31', '2026-04-14', '2026-04-15']);
  });
});

describe('Law Art. 45: a special procedure moves a due date only when it starts before it', () => {
  const start = (expectedDays = 5): CaseCommand => ({
    type: 'StartSpecialProcedure',
    caseId: 'c1',
    kind: 'inspection',
    reason: '现场核查',
    expectedDays,
  });
  const end: CaseCommand = { type: 'EndSpecialProcedure', caseId: 'c1', n: 1, result: '核查合格' };
  /** Started on `day`, ended two working days later: the promised due date is 2026-03-16. */
  const endedAfter = (startedOn: string, endedOn: string) =>
    claimed()
      .given([approver, start(), at(startedOn)])
      .send(approver, end, at(endedOn))[0].data;

  // [test, started on, ended on, working days suspended, promised due date, statutory due date]
  it.each([
    [
      'started the day before the promised due date (Fri 2026-03-13): it moves by the 2 working days',
      '2026-03-13',
      '2026-03-17',
      2,
      '2026-03-18',
      '2026-04-01',
    ],
    [
      'started on the promised due date itself: the promised date stays, the statutory one moves',
      '2026-03-16',
      '2026-03-18',
      2,
      '2026-03-16',
      '2026-04-01',
    ],
    [
      'started the day after the promised due date: the promised date stays',
      '2026-03-17',
      '2026-03-19',
      2,
      '2026-03-16',
      '2026-04-01',
    ],
    [
      'ended on the day it started: no working day is suspended and nothing moves',
      '2026-03-04',
      '2026-03-04',
      0,
      '2026-03-16',
      '2026-03-30',
    ],
  ])('%s', (_, startedOn, endedOn, suspendedWorkingDays, promisedDueDate, statutoryDueDate) => {
    expect(endedAfter(startedOn, endedOn)).toMatchObject({
      suspendedWorkingDays,
      promisedDueDate,
      statutoryDueDate,
    });
  });

  it('the expected duration is 1 to 365 days', () => {
    const starts = (days: number) => passes(claimed, approver, start(days), at('2026-03-04'));
    expect([0, 1, 365, 366].map(starts)).toEqual([false, true, true, false]);
  });
});

describe('Law Art. 44: the result issued within 10 working days of approval (approved 2026-03-02, due 2026-03-16)', () => {
  const approved = () =>
    oneStepClaimed().given([
      approver,
      { type: 'ApproveCase', caseId: 'c1', opinion: '准予' },
      at('2026-03-02'),
    ]);
  const issue: CaseCommand = {
    type: 'IssueResult',
    caseId: 'c1',
    certificateNumber: 'GT-0001',
    electronic: true,
  };

  it('the approval records the due day', () => {
    expect(approved().current.context.decision).toMatchObject({ resultDueBy: '2026-03-16' });
  });

  it('issued on the day before or on the due day is on time; on the day after, late', () => {
    const late = (day: string) => approved().send(clerk, issue, at(day))[0].data;
    expect(lateness(late, ['2026-03-13', '2026-03-16', '2026-03-17'])).toEqual(ONLY_THE_DAY_AFTER);
  });

  it('marked overdue only from the day after the due day', () => {
    const overdue: CaseCommand = { type: 'MarkResultIssueOverdue', caseId: 'c1' };
    expectTimerOnlyTheDayAfter(approved, overdue, ['2026-03-13', '2026-03-16', '2026-03-17']);
  });
});

describe('Art. 36: a bad rating is called back within 48 hours and rectified within 15 days (rated 2026-03-03 09:00)', () => {
  const rated = () =>
    oneStepClaimed().given(
      [approver, { type: 'ApproveCase', caseId: 'c1', opinion: '准予' }],
      [clerk, { type: 'IssueResult', caseId: 'c1', certificateNumber: 'GT-0001', electronic: true }],
      [clerk, { type: 'DispatchResult', caseId: 'c1', method: 'window' }],
      [clerk, { type: 'DeliverResult', caseId: 'c1', recipient: BY_APPLICANT }, at('2026-03-03', '08:00')],
      [system, { type: 'RateService', caseId: 'c1', level: 4, channel: 'app' }, at('2026-03-03', '09:00')],
    );
  const callback: CaseCommand = {
    type: 'RecordCallback',
    obligationId: 'c1.o1',
    notes: '已回访',
    verified: true,
  };
  const callbackLate = (time: string) => rated().send(reviewer, callback, time)[0].data;

  it('a callback a second before and at exactly 48 hours is on time; a second after, late', () => {
    expect(
      lateness(callbackLate, [
        '2026-03-05T08:59:59+08:00',
        '2026-03-05T09:00:00+08:00',
        '2026-03-05T09:00:01+08:00',
      ]),
    ).toEqual(ONLY_THE_DAY_AFTER);
  });

  it('the rectification is due on the 15th day (2026-03-18): on time the day before and on it, late the day after', () => {
    const rectifyLate = (day: string) =>
      rated()
        .given([reviewer, callback, at('2026-03-04')])
        .send(reviewer, { type: 'RectifyObligation', obligationId: 'c1.o1', measures: '已整改' }, at(day))[0]
        .data;
    expect(lateness(rectifyLate, ['2026-03-17', '2026-03-18', '2026-03-19'])).toEqual(ONLY_THE_DAY_AFTER);
  });

  it('an explanation on the day after the 15th day is late too', () => {
    const explainLate = (day: string) =>
      rated()
        .given([reviewer, callback, at('2026-03-04')])
        .send(
          reviewer,
          { type: 'ExplainObligation', obligationId: 'c1.o1', explanation: '无法律依据' },
          at(day),
        )[0].data;
    expect(explainLate('2026-03-18')).toMatchObject({ late: false });
    expect(explainLate('2026-03-19')).toMatchObject({ late: true });
  });

  it('the rectification deadline is marked overdue only from the day after the 15th day', () => {
    const overdue: CaseCommand = {
      type: 'MarkObligationOverdue',
      obligationId: 'c1.o1',
      deadline: 'rectification',
    };
    expectTimerOnlyTheDayAfter(rated, overdue, ['2026-03-17', '2026-03-18', '2026-03-19']);
  });
});

describe('督办: a supervision notice from 3 working days before the step is due (task c1.t1 due 2026-03-12)', () => {
  const supervise: CaseCommand = { type: 'SendSupervisionNotice', taskId: 'c1.t1', note: '请按期办结' };

  it('4 working days before is refused, 3 taken; on the due day 0 left, the day after -1', () => {
    expect(passes(claimed, head, supervise, at('2026-03-06'))).toBe(false);
    const left = (day: string) => claimed().send(head, supervise, at(day))[0].data;
    expect(left('2026-03-09')).toMatchObject({ workingDaysLeft: 3 });
    expect(left('2026-03-12')).toMatchObject({ workingDaysLeft: 0 });
    expect(left('2026-03-13')).toMatchObject({ workingDaysLeft: -1 });
  });
});

describe('Law Art. 45: the special procedures the law names, and no other', () => {
  const start = (kind: string): CaseCommand =>
    ({ type: 'StartSpecialProcedure', caseId: 'c1', kind, reason: '依法', expectedDays: 5 }) as CaseCommand;

  // Art. 45: 听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审.
  it.each([
    ['hearing', '听证'],
    ['tender', '招标'],
    ['auction', '拍卖'],
    ['inspection', '检验'],
    ['testing', '检测'],
    ['quarantine', '检疫'],
    ['appraisal', '鉴定'],
    ['expert-review', '专家评审'],
  ])('%s (%s) stops the clock', (kind) => {
    expect(claimed().send(approver, start(kind))[0]).toMatchObject({
      type: 'case.SpecialProcedureStarted',
      data: { n: 1, kind, startedOn: '2026-03-02', taskId: 'c1.t1' },
    });
  });

  it('an unknown kind is refused on the field', () => {
    expect(claimed().error(approver, start('meeting')).errors?.[0]).toMatchObject({ field: 'kind' });
  });
});
