/**
 * ADR 12: once the administrator loads a year the case's dates guessed Monday–Friday, every
 * deadline still open is counted again on the official schedule — and only those: the Art. 32
 * five-working-day acceptance decision while the case is at the front desk, the statutory (Art. 42,
 * with its extension) and promised limits until the decision, Art. 45's ended special procedures
 * left out of the count, the open step's own limit, and the Art. 44 ten-working-day issue of an
 * approved result. The 2027 schedule used is the example file: 1–3 January is New Year's holiday.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkingCalendar, type YearSchedule } from '@one-window/calendar';
import type { CaseEvent } from '../events.js';
import { CaseDriver } from '../testing/case-driver.js';
import { application, approver, clerk, head, system } from '../testing/fixtures.js';
import { approvedBeforeTheYearEnds, at, correctionRequest } from '../testing/scenarios.js';

const SCHEDULE_2027 = JSON.parse(
  readFileSync(join(process.cwd(), 'libs/calendar/data/2027.example.json'), 'utf8'),
) as YearSchedule;
/** The first two changes of a recalculation: the statutory and the promised limit, each [from, to]. */
const limitsMoved = (statutory: [string, string], promised: [string, string]) => [
  { deadline: 'statutory', from: statutory[0], to: statutory[1] },
  { deadline: 'promised', from: promised[0], to: promised[1] },
];
const recalculate = (d: CaseDriver, on: string) => {
  d.calendar = WorkingCalendar.create([SCHEDULE_2027]);
  const events = d.send(system, { type: 'RecalculateDeadlines', caseId: 'c1' }, at(on));
  expect(events.map((e) => e.type)).toEqual(['case.DeadlinesRecalculated']);
  return (events[0] as Extract<CaseEvent, { type: 'case.DeadlinesRecalculated' }>).data;
};
const received = (on: string) => new CaseDriver().given([clerk, application(), at(on)]);

describe('Art. 32: the five working days to decide on acceptance are counted again at the front desk', () => {
  it('received on 28 December: the 4 January guess moves to 5 January, and nothing else is due yet', () => {
    const d = received('2026-12-28');
    expect(d.current.context).toMatchObject({ acceptanceDecideBy: '2027-01-04', provisionalYears: [2027] });
    const data = recalculate(d, '2026-12-29');
    expect(data.changes).toEqual([{ deadline: 'acceptance-decision', from: '2027-01-04', to: '2027-01-05' }]);
    expect(data).not.toHaveProperty('provisional');
    expect(d.current.context.acceptanceDecideBy).toBe('2027-01-05');
  });

  it('a correction handed in on 29 December restarts the count from that day: the 5 January guess moves to 6 January', () => {
    const d = received('2026-12-21').given(
      [clerk, correctionRequest({ layout: '比例不符' }), at('2026-12-22')],
      [
        clerk,
        { type: 'SubmitCorrection', caseId: 'c1', materials: [{ code: 'layout', form: 'original' }] },
        at('2026-12-29'),
      ],
    );
    expect(d.current.status).toBe('frontDesk.correctionSubmitted');
    const data = recalculate(d, '2026-12-30');
    expect(data.changes).toEqual([{ deadline: 'acceptance-decision', from: '2027-01-05', to: '2027-01-06' }]);
  });

  it('while the applicant is correcting, no acceptance decision is due, so none is counted', () => {
    const d = received('2026-12-28').given([
      clerk,
      correctionRequest({ layout: '比例不符' }),
      at('2026-12-29'),
    ]);
    expect(d.current.status).toBe('frontDesk.correctionRequested');
    expect(recalculate(d, '2026-12-30').changes).toEqual([]);
  });
});

describe('Art. 42 and 45: the statutory and promised limits, and the open step, until the decision', () => {
  const accepted = () =>
    received('2026-12-21').given([clerk, { type: 'AcceptCase', caseId: 'c1' }, at('2026-12-21')]);
  const claim = [approver, { type: 'ClaimTask', taskId: 'c1.t1' }, at('2026-12-22')] as const;
  /** 现场核查 started on 22 December, expected to take `expectedDays`. */
  const inspection = (expectedDays: number) =>
    [
      approver,
      {
        type: 'StartSpecialProcedure',
        caseId: 'c1',
        kind: 'inspection',
        reason: '现场核查',
        expectedDays,
      },
      at('2026-12-22'),
    ] as const;
  /** The inspection ended (核查合格) on `day`. */
  const inspected = (day: string) =>
    [approver, { type: 'EndSpecialProcedure', caseId: 'c1', n: 1, result: '核查合格' }, at(day)] as const;

  it('an accepted case: statutory and promised move past New Year, the open step is counted again where it stands', () => {
    const data = recalculate(accepted(), '2026-12-28');
    expect(data.changes).toEqual([
      { deadline: 'statutory', from: '2027-01-18', to: '2027-01-19' },
      { deadline: 'promised', from: '2027-01-04', to: '2027-01-05' },
      { deadline: 'step', taskId: 'c1.t1', from: '2026-12-31', to: '2026-12-31' },
    ]);
  });

  it('a claimed step is counted again too', () => {
    const d = accepted().given(claim);
    expect(recalculate(d, '2026-12-28').changes.map((c) => c.deadline)).toEqual([
      'statutory',
      'promised',
      'step',
    ]);
  });

  it('Art. 42: the extension granted is counted again with the statutory limit, not with the promised one', () => {
    const d = accepted().given(claim, [
      head,
      { type: 'ExtendTimeLimit', caseId: 'c1', days: 10, reason: '需补充专家论证' },
      at('2026-12-22'),
    ]);
    const data = recalculate(d, '2026-12-28');
    expect(data.changes.slice(0, 2)).toEqual(
      limitsMoved(['2027-02-01', '2027-02-02'], ['2027-01-04', '2027-01-05']),
    );
  });

  it('Art. 45: an ended special procedure stays out of the count; a running one is counted when it ends', () => {
    const d = accepted().given(claim, inspection(2), inspected('2026-12-24'));
    // 22–24 December took 2 working days: 18 → 20 January guessed, 19 → 21 January counted.
    const data = recalculate(d, '2026-12-28');
    expect(data.changes.slice(0, 2)).toEqual(
      limitsMoved(['2027-01-20', '2027-01-21'], ['2027-01-06', '2027-01-07']),
    );
  });

  it('Art. 45: a procedure still running is not yet a suspension: the limits are counted from acceptance', () => {
    const d = accepted().given(claim, inspection(20));
    expect(d.current.status).toBe('backOffice.specialProcedure');
    expect(recalculate(d, '2026-12-28').changes.slice(0, 2)).toEqual(
      limitsMoved(['2027-01-18', '2027-01-19'], ['2027-01-04', '2027-01-05']),
    );
  });

  it('a year-long inspection pushes the limits into 2028: loading 2027 counts what it can and 2028 stays guessed', () => {
    const d = accepted().given(claim, inspection(200), inspected('2027-12-20'));
    expect(d.current.context.provisionalYears).toEqual([2027, 2028]);
    const data = recalculate(d, '2027-12-21');
    expect(data).toMatchObject({
      years: [2027],
      calendar: [{ year: 2027, kind: 'loaded' }],
      provisional: { years: [2028] },
    });
    // 2027's holidays all fall inside the suspension, which counts no day of it either way.
    expect(data.changes.slice(0, 2)).toEqual(
      limitsMoved(['2028-01-14', '2028-01-14'], ['2027-12-31', '2027-12-31']),
    );
    expect(d.current.context.provisionalYears).toEqual([2028]);
  });
});

describe('Art. 44: the ten working days to issue an approved result', () => {
  const approved = approvedBeforeTheYearEnds;

  it('approved on 28 December: the result is due 12 January, not the guessed 11th; the decided limits are not counted', () => {
    const d = approved();
    expect(d.current.status).toBe('delivery.awaitingResult');
    const data = recalculate(d, '2026-12-29');
    expect(data.changes).toEqual([{ deadline: 'result-issue', from: '2027-01-11', to: '2027-01-12' }]);
    expect(d.current.context.decision?.resultDueBy).toBe('2027-01-12');
  });
});
