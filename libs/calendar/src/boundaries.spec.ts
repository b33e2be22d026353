/**
 * The working-day arithmetic on its edges (Law Art. 82: the start day is not counted): each
 * boundary the deadline rules stand on, the day itself, the day before and the day after, and the
 * exact refusal for bad input. Mutation testing asked for each (docs/adr/0014-mutation-testing.md).
 */
import {
  addNaturalDays,
  chinaDate,
  chinaDayEnd,
  epochDayOfYearStart,
  fromEpochDay,
  isBusinessDate,
  isWeekend,
  toEpochDay,
  weekdayOfEpochDay,
  yearOfEpochDay,
} from './dates.js';
import {
  correctionNoticeDeadline,
  CORRECTION_NOTICE_DAYS,
  decisionDue,
  deadlineStatus,
  warningLevel,
  workingDaysLeft,
} from './deadlines.js';
import { CalendarCoverageError, InvalidCalendarInputError } from './errors.js';
import { WorkingCalendar } from './working-calendar.js';
import { calendarPerTest } from './testing/calendar-per-test.js';
import { checkDayCount } from './working-days.js';
import { chineseDaysYears } from './builtin-calendar.js';
import { thrown } from './testing/thrown.js';

const calendar = calendarPerTest();

const refusal = (run: () => unknown) => {
  const { field, message } = thrown(run, InvalidCalendarInputError);
  return { field, message };
};

// First in this file on purpose: the built-in years are read once per module registry, so only the
// first test that builds a calendar runs that code (docs/adr/0014-mutation-testing.md).
describe('where a covered year comes from (DOMAIN §5: the official schedule, named)', () => {
  it('a built-in year names chinese-days and its version; a loaded one its notice and publication day', () => {
    const { version } = chineseDaysYears();
    expect(
      calendar()
        .coverage()
        .byYear.find((c) => c.year === 2026),
    ).toStrictEqual({
      year: 2026,
      kind: 'chinese-days',
      source: `chinese-days ${version}`,
    });
    const notice = {
      year: 2027,
      holidays: ['2027-01-01'],
      workingWeekends: [],
      source: '国办发明电〔2026〕1号',
    };
    const published = WorkingCalendar.create([{ ...notice, publishedAt: '2026-11-01' }], { builtin: false });
    expect(published.coverage().byYear).toStrictEqual([
      { year: 2027, kind: 'loaded', source: notice.source, publishedAt: '2026-11-01' },
    ]);
    const unpublished = WorkingCalendar.create([notice], { builtin: false });
    expect(unpublished.coverage().byYear[0]).not.toHaveProperty('publishedAt');
  });

  it('a computation that looks back to an earlier year after a later one still names both years', () => {
    const loaded = WorkingCalendar.create([
      { year: 2027, holidays: ['2027-01-01'], workingWeekends: [], source: 'test 2027' },
    ]);
    const reckoning = loaded.reckon((days) => [
      days.isWorkingDay('2027-01-04'),
      days.isWorkingDay('2026-03-02'),
    ]);
    expect(reckoning.value).toEqual([true, true]);
    expect(reckoning.sources.map((s) => s.year)).toEqual([2026, 2027]);
    const nothing = loaded.reckon(() => 'no day looked at');
    expect(nothing).toEqual({
      value: 'no day looked at',
      provisional: false,
      uncoveredYears: [],
      sources: [],
    });
  });
});

describe('business dates (DOMAIN §5: YYYY-MM-DD in China time)', () => {
  it('an impossible or badly written date is refused on its field, quoting what came', () => {
    expect(refusal(() => toEpochDay('2026-02-29', 'start'))).toEqual({
      field: 'start',
      message: 'start must be a real date written YYYY-MM-DD, got "2026-02-29"',
    });
    expect(refusal(() => toEpochDay('2026-3-02'))).toEqual({
      field: 'date',
      message: 'date must be a real date written YYYY-MM-DD, got "2026-3-02"',
    });
    expect(refusal(() => toEpochDay(20260302 as unknown as string)).message).toContain('got 20260302');
    expect(toEpochDay('2028-02-29')).toBe(toEpochDay('2028-02-28') + 1);
    expect([isBusinessDate('2026-03-02'), isBusinessDate('2026-13-01'), isBusinessDate(null)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('epoch days: 1970-01-01 is day 0, a Thursday; the day before it a Wednesday', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(fromEpochDay(-1)).toBe('1969-12-31');
    expect([weekdayOfEpochDay(-1), weekdayOfEpochDay(0), weekdayOfEpochDay(2), weekdayOfEpochDay(3)]).toEqual(
      [3, 4, 6, 0],
    );
    expect([
      isWeekend('2026-03-06'),
      isWeekend('2026-03-07'),
      isWeekend('2026-03-08'),
      isWeekend('2026-03-09'),
    ]).toEqual([false, true, true, false]);
  });

  it('a year begins on 1 January: its day, the day before and the day after', () => {
    const start = epochDayOfYearStart(2026);
    expect(fromEpochDay(start)).toBe('2026-01-01');
    expect([yearOfEpochDay(start - 1), yearOfEpochDay(start), yearOfEpochDay(start + 1)]).toEqual([
      2025, 2026, 2026,
    ]);
  });

  it('natural days run across a month and a year', () => {
    expect(addNaturalDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addNaturalDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('a China day ends at 16:00 UTC: the millisecond before is still that day', () => {
    expect(chinaDate(new Date('2026-03-30T15:59:59.999Z'))).toBe('2026-03-30');
    expect(chinaDate(new Date('2026-03-30T16:00:00.000Z'))).toBe('2026-03-31');
    expect(chinaDayEnd('2026-03-30').toISOString()).toBe('2026-03-30T16:00:00.000Z');
    expect(() => chinaDate(new Date('no date'))).toThrow('instant is an invalid Date');
  });
});

describe('day counts: a whole number of days, 0 or more', () => {
  it('0 is a count; -1, 0.5 and NaN are refused on their field', () => {
    expect(() => checkDayCount(0)).not.toThrow();
    expect(refusal(() => checkDayCount(-1))).toEqual({
      field: 'n',
      message: 'n must be a whole number of days ≥ 0, got -1',
    });
    expect(refusal(() => checkDayCount(0.5, 'days')).field).toBe('days');
    expect(refusal(() => calendar().addWorkingDays('2026-03-02', Number.NaN)).message).toContain('got NaN');
  });

  it('the decision clock names the limit or the extension that is wrong', () => {
    expect(refusal(() => decisionDue(calendar(), { acceptedOn: '2026-03-02', limitDays: -1 })).field).toBe(
      'limitDays',
    );
    expect(
      refusal(() => decisionDue(calendar(), { acceptedOn: '2026-03-02', limitDays: 20, extensionDays: -1 }))
        .field,
    ).toBe('extensionDays');
    expect(refusal(() => decisionDue(calendar(), { acceptedOn: '2026-3-2', limitDays: 20 })).field).toBe(
      'start',
    );
  });
});

describe('working days (Law Art. 82): the start day never counts, weekends and holidays do not either', () => {
  it('Friday 2026-03-06: the next working day is Monday; from a Saturday too; 1 working day between Friday and Monday', () => {
    expect(calendar().nextWorkingDay('2026-03-05')).toBe('2026-03-06');
    expect(calendar().nextWorkingDay('2026-03-06')).toBe('2026-03-09');
    expect(calendar().nextWorkingDay('2026-03-07')).toBe('2026-03-09');
    expect(calendar().workingDaysBetween('2026-03-06', '2026-03-09')).toBe(1);
    expect(calendar().workingDaysBetween('2026-03-06', '2026-03-08')).toBe(0);
    expect(calendar().workingDaysBetween('2026-03-09', '2026-03-06')).toBe(-1);
    expect(calendar().workingDaysBetween('2026-03-09', '2026-03-09')).toBe(0);
  });

  it('describes each kind of day with its source: weekday, weekend, holiday, make-up working day', () => {
    const source = { year: 2026, kind: 'chinese-days', source: expect.stringMatching(/^chinese-days /) };
    const days = [
      ['2026-03-02', true, 'weekday'],
      ['2026-03-07', false, 'weekend'],
      ['2026-10-01', false, 'holiday'],
      ['2026-02-14', true, 'make-up-working-day'],
    ] as const;
    for (const [date, working, reason] of days) {
      expect(calendar().describeDay(date)).toEqual({ date, working, reason, source });
    }
    expect(calendar().isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar().isWorkingDay('2026-10-01')).toBe(false);
  });

  it('a year not loaded is counted Monday–Friday only when asked to (provisional): Friday works, Saturday and Sunday do not', () => {
    const guess = (date: string) => calendar().isWorkingDay(date, { provisional: true }).value;
    // 2027-03-05 is a Friday.
    expect([guess('2027-03-05'), guess('2027-03-06'), guess('2027-03-07'), guess('2027-03-08')]).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(calendar().nextWorkingDay('2027-03-05', { provisional: true }).value).toBe('2027-03-08');
    expect(() => calendar().nextWorkingDay('2027-03-05')).toThrow(CalendarCoverageError);
    expect(() => calendar().reckon((days) => days.isWorkingDay('2027-03-05'))).toThrow(CalendarCoverageError);
  });

  it('a reckoning lists the guessed years once each, in order, and the covered years it looked at', () => {
    const reckoning = calendar().reckon(
      (days) => [
        days.isWorkingDay('2028-03-01'),
        days.isWorkingDay('2027-03-01'),
        days.isWorkingDay('2028-03-02'),
        days.isWorkingDay('2026-12-31'),
      ],
      { provisional: true },
    );
    expect(reckoning).toMatchObject({
      value: [true, true, true, true],
      provisional: true,
      uncoveredYears: [2027, 2028],
    });
    expect(reckoning.sources.map((s) => s.year)).toEqual([2026]);
    const inOneYear = calendar().reckon((days) => days.workingDaysBetween('2026-03-02', '2026-03-09'));
    expect(inOneYear).toMatchObject({ value: 5, provisional: false, uncoveredYears: [] });
    expect(inOneYear.sources.map((s) => s.year)).toEqual([2026]);
    expect(calendar().reckon(() => 'nothing counted').sources).toEqual([]);
    expect(
      calendar()
        .reckon((days) => days.isWorkingDay('2025-12-31'))
        .sources.map((s) => s.year),
    ).toEqual([2025]);
  });
});

describe('Law Art. 45 suspensions in the decision clock: half-open (from, to], merged, in any order', () => {
  const accepted = { acceptedOn: '2026-03-02', limitDays: 20 }; // due 2026-03-30 without a suspension

  it('periods given out of order, touching or nested, suspend each working day once', () => {
    expect(
      decisionDue(calendar(), {
        ...accepted,
        suspensions: [
          { from: '2026-03-10', to: '2026-03-12' },
          { from: '2026-03-04', to: '2026-03-06' },
          { from: '2026-03-06', to: '2026-03-10' },
          { from: '2026-03-05', to: '2026-03-06' },
        ],
      }),
    ).toEqual({ due: '2026-04-08', suspendedWorkingDays: 6, clockStopped: false });
  });

  it('a period ending on the day it starts suspends nothing; a running one runs through today', () => {
    expect(
      decisionDue(calendar(), { ...accepted, suspensions: [{ from: '2026-03-10', to: '2026-03-10' }] }),
    ).toEqual({ due: '2026-03-30', suspendedWorkingDays: 0, clockStopped: false });
    expect(
      decisionDue(calendar(), { ...accepted, suspensions: [{ from: '2026-03-10' }], asOf: '2026-03-12' }),
    ).toEqual({ due: '2026-04-01', suspendedWorkingDays: 2, clockStopped: true });
  });

  it('a suspension before acceptance counts only from acceptance', () => {
    expect(
      decisionDue(calendar(), { ...accepted, suspensions: [{ from: '2026-02-26', to: '2026-03-04' }] }),
    ).toEqual({ due: '2026-04-01', suspendedWorkingDays: 2, clockStopped: false });
  });

  it('a running period without today, and one that ends before it starts, are refused with their index', () => {
    expect(
      refusal(() =>
        decisionDue(calendar(), {
          ...accepted,
          suspensions: [{ from: '2026-03-04', to: '2026-03-05' }, { from: '2026-03-10' }],
        }),
      ),
    ).toEqual({
      field: 'asOf',
      message: 'suspensions[1] is still running: pass asOf (today) to compute where the due date stands',
    });
    expect(
      refusal(() =>
        decisionDue(calendar(), { ...accepted, suspensions: [{ from: '2026-03-10', to: '2026-03-09' }] }),
      ),
    ).toEqual({
      field: 'suspensions[0]',
      message: 'suspension ends (2026-03-09) before it starts (2026-03-10)',
    });
    expect(
      refusal(() =>
        decisionDue(calendar(), { ...accepted, suspensions: [{ from: '2026-03-10', to: '2026-3-11' }] }),
      ).field,
    ).toBe('suspensions[0].to');
    expect(
      refusal(() => decisionDue(calendar(), { ...accepted, suspensions: [{ from: 'x', to: '2026-03-11' }] }))
        .field,
    ).toBe('suspensions[0].from');
    expect(
      refusal(() =>
        decisionDue(calendar(), { ...accepted, suspensions: [{ from: '2026-03-10' }], asOf: 'today' }),
      ).field,
    ).toBe('asOf');
  });
});

describe('days left on a due date: 0 on the day, -1 from the day after (DOMAIN §5)', () => {
  it('due Friday 2026-03-27: Thursday 1 left, Friday 0, Saturday, Sunday and Monday -1, Tuesday -2', () => {
    const left = ['2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31'].map(
      (today) => workingDaysLeft(calendar(), today, '2026-03-27'),
    );
    expect(left).toEqual([1, 0, -1, -1, -1, -2]);
    expect(refusal(() => workingDaysLeft(calendar(), '2026-03-26', 'x')).field).toBe('due');
    expect(refusal(() => workingDaysLeft(calendar(), '2026-3-26', '2026-03-27')).field).toBe('today');
  });

  it('warning levels: 4 left none, 3 yellow, 0 yellow, -1 red; at an instant, by its China date', () => {
    const due = '2026-03-30';
    expect(
      ['2026-03-24', '2026-03-25', '2026-03-30', '2026-03-31'].map((d) => warningLevel(calendar(), d, due)),
    ).toEqual(['none', 'yellow', 'yellow', 'red']);
    expect(deadlineStatus(calendar(), new Date('2026-03-24T15:59:00Z'), due)).toEqual({
      due,
      workingDaysLeft: 4,
      level: 'none',
    });
    expect(deadlineStatus(calendar(), new Date('2026-03-24T16:00:00Z'), due)).toEqual({
      due,
      workingDaysLeft: 3,
      level: 'yellow',
    });
    expect(
      deadlineStatus(calendar(), new Date('2026-03-24T16:00:00Z'), due, { yellowWithinWorkingDays: 2 }).level,
    ).toBe('none');
  });

  it('Law Art. 32: the correction notice is due 5 working days after receipt (Monday → next Monday), or as set', () => {
    expect(CORRECTION_NOTICE_DAYS).toBe(5);
    expect(correctionNoticeDeadline(calendar(), '2026-03-02')).toBe('2026-03-09');
    expect(correctionNoticeDeadline(calendar(), '2026-03-02', 4)).toBe('2026-03-06');
  });
});

describe('counting between two days refuses a bad day on its own field', () => {
  it('workingDaysBetween names from or to; the China date of an invalid instant is refused', () => {
    expect(refusal(() => calendar().workingDaysBetween('2026-3-02', '2026-03-09'))).toEqual({
      field: 'from',
      message: 'from must be a real date written YYYY-MM-DD, got "2026-3-02"',
    });
    expect(refusal(() => calendar().workingDaysBetween('2026-03-02', '2026-02-30')).field).toBe('to');
    expect(calendar().chinaDate(new Date('2026-03-30T16:00:00.000Z'))).toBe('2026-03-31');
    expect(refusal(() => calendar().chinaDate(new Date('no date')))).toEqual({
      field: 'instant',
      message: 'instant is an invalid Date',
    });
  });
});

describe('suspensions given out of order (Law Art. 45: every suspended working day counts once)', () => {
  it('an earlier suspension listed after a later overlapping one still merges from its own start', () => {
    const suspensions = [
      { from: '2026-03-05', to: '2026-03-12' },
      { from: '2026-03-10', to: '2026-03-20' },
    ];
    const due = (listed: typeof suspensions) =>
      decisionDue(calendar(), { acceptedOn: '2026-03-02', limitDays: 20, suspensions: listed });
    const inOrder = due(suspensions);
    const reversed = due([...suspensions].reverse());
    // (03-05, 03-20]: 03-06, 03-09…03-13, 03-16…03-20 = 11 working days.
    expect(inOrder.suspendedWorkingDays).toBe(11);
    expect(reversed).toEqual(inOrder);
  });
});
