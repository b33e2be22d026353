import chineseDays from 'chinese-days';
import { CalendarCoverageError, InvalidCalendarInputError, InvalidYearScheduleError } from './errors.js';
import { fromEpochDay, toEpochDay } from './dates.js';
import { WorkingCalendar } from './working-calendar.js';
import type { YearSchedule } from './year-schedule.js';

// Built in each test, not at module load: a mutation tool counts code run at load as covering every test.
let calendar: WorkingCalendar;
beforeEach(() => {
  calendar = WorkingCalendar.create();
});

/** A made-up 2027 for tests: not the State Council's schedule. */
const TEST_2027: YearSchedule = {
  year: 2027,
  holidays: [
    '2027-01-01',
    '2027-01-02',
    '2027-01-03',
    '2027-02-05',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
  ],
  workingWeekends: ['2027-02-14'],
  source: 'test fixture, not an official schedule',
};

describe('WorkingCalendar — DOMAIN §5 worked examples (due = N working days after the start day)', () => {
  it('2025-09-26 + 20 → 2025-10-30 across National Day and Mid-Autumn 2025, make-up 09-28 and 10-11', () => {
    expect(calendar.addWorkingDays('2025-09-26', 20)).toBe('2025-10-30');
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true);
    expect(calendar.workingDaysBetween('2025-09-26', '2025-10-30')).toBe(20);
  });

  it('2026-02-12 + 5 → 2026-02-26 across Spring Festival 2026, make-up Saturday 02-14', () => {
    expect(calendar.addWorkingDays('2026-02-12', 5)).toBe('2026-02-26');
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
  });
});

describe('WorkingCalendar — holiday seasons 2024–2026 (State Council notices; Law Art. 82)', () => {
  // [season, holidays (first..last), make-up days, start, n, due]
  const seasons: [string, [string, string], string[], string, number, string][] = [
    [
      '2024 Spring Festival',
      ['2024-02-10', '2024-02-17'],
      ['2024-02-04', '2024-02-18'],
      '2024-02-08',
      3,
      '2024-02-19',
    ],
    ['2024 Qingming', ['2024-04-04', '2024-04-06'], ['2024-04-07'], '2024-04-03', 2, '2024-04-08'],
    [
      '2024 Labour Day',
      ['2024-05-01', '2024-05-05'],
      ['2024-04-28', '2024-05-11'],
      '2024-04-26',
      3,
      '2024-04-30',
    ],
    ['2024 Dragon Boat', ['2024-06-10', '2024-06-10'], [], '2024-06-07', 1, '2024-06-11'],
    ['2024 Mid-Autumn', ['2024-09-15', '2024-09-17'], ['2024-09-14'], '2024-09-13', 2, '2024-09-18'],
    [
      '2024 National Day',
      ['2024-10-01', '2024-10-07'],
      ['2024-09-29', '2024-10-12'],
      '2024-09-27',
      3,
      '2024-10-08',
    ],
    [
      '2025 Spring Festival',
      ['2025-01-28', '2025-02-04'],
      ['2025-01-26', '2025-02-08'],
      '2025-01-24',
      3,
      '2025-02-05',
    ],
    ['2025 Qingming', ['2025-04-04', '2025-04-06'], [], '2025-04-03', 1, '2025-04-07'],
    ['2025 Labour Day', ['2025-05-01', '2025-05-05'], ['2025-04-27'], '2025-04-30', 1, '2025-05-06'],
    ['2025 Dragon Boat', ['2025-05-31', '2025-06-02'], [], '2025-05-30', 1, '2025-06-03'],
    [
      '2025 National Day + Mid-Autumn',
      ['2025-10-01', '2025-10-08'],
      ['2025-09-28', '2025-10-11'],
      '2025-09-30',
      1,
      '2025-10-09',
    ],
    ['2026 New Year', ['2026-01-01', '2026-01-03'], ['2026-01-04'], '2025-12-31', 1, '2026-01-04'],
    [
      '2026 Spring Festival',
      ['2026-02-15', '2026-02-23'],
      ['2026-02-14', '2026-02-28'],
      '2026-02-13',
      2,
      '2026-02-24',
    ],
    ['2026 Qingming', ['2026-04-04', '2026-04-06'], [], '2026-04-03', 1, '2026-04-07'],
    ['2026 Labour Day', ['2026-05-01', '2026-05-05'], ['2026-05-09'], '2026-04-30', 1, '2026-05-06'],
    ['2026 Dragon Boat', ['2026-06-19', '2026-06-21'], [], '2026-06-18', 1, '2026-06-22'],
    ['2026 Mid-Autumn', ['2026-09-25', '2026-09-27'], ['2026-09-20'], '2026-09-24', 1, '2026-09-28'],
    ['2026 National Day', ['2026-10-01', '2026-10-07'], ['2026-10-10'], '2026-09-30', 1, '2026-10-08'],
  ];

  it.each(seasons)(
    '%s: every holiday is a rest day, every make-up day a working day, due dates skip them',
    (_season, [first, last], makeUps, start, n, due) => {
      for (let day = toEpochDay(first); day <= toEpochDay(last); day++) {
        expect([fromEpochDay(day), calendar.isWorkingDay(fromEpochDay(day))]).toEqual([
          fromEpochDay(day),
          false,
        ]);
        expect(calendar.describeDay(fromEpochDay(day)).reason).toBe('holiday');
      }
      for (const day of makeUps) {
        expect(calendar.describeDay(day)).toMatchObject({ working: true, reason: 'make-up-working-day' });
      }
      expect(calendar.addWorkingDays(start, n)).toBe(due);
      expect(calendar.workingDaysBetween(start, due)).toBe(n);
    },
  );

  it.each([
    ['2024-05-10', '2024-05-11'],
    ['2024-10-11', '2024-10-12'],
    ['2025-02-07', '2025-02-08'],
    ['2025-04-25', '2025-04-27'],
    ['2026-02-27', '2026-02-28'],
    ['2026-05-08', '2026-05-09'],
    ['2026-09-18', '2026-09-20'],
    ['2026-10-09', '2026-10-10'],
  ])('a make-up weekend day counts: the working day after %s is %s', (start, next) => {
    expect(calendar.nextWorkingDay(start)).toBe(next);
  });

  // chinese-days parses dates as UTC but reads them in local time: west of UTC its answers shift a day (2,116 wrong in Los Angeles).
  const eastOfUtc = new Date('2026-01-01T00:00:00Z').getTimezoneOffset() <= 0 ? it : it.skip;
  eastOfUtc('agrees with chinese-days’ own isWorkday on every day it covers (2004–2026)', () => {
    for (let day = toEpochDay('2004-01-01'); day <= toEpochDay('2026-12-31'); day++) {
      const date = fromEpochDay(day);
      if (calendar.isWorkingDay(date) !== chineseDays.isWorkday(date))
        throw new Error(`disagreement on ${date}`);
    }
  });
});

describe('WorkingCalendar — counting rules (Law Art. 82: the start day is not counted)', () => {
  it('does not count the start day', () => {
    expect(calendar.addWorkingDays('2026-03-09', 1)).toBe('2026-03-10');
    expect(calendar.workingDaysBetween('2026-03-09', '2026-03-09')).toBe(0);
    expect(calendar.workingDaysBetween('2026-03-09', '2026-03-10')).toBe(1);
  });

  it('starting on a holiday or a weekend counts from the next working day', () => {
    expect(calendar.addWorkingDays('2025-10-03', 1)).toBe('2025-10-09');
    expect(calendar.addWorkingDays('2026-03-07', 1)).toBe('2026-03-09');
    expect(calendar.addWorkingDays('2026-03-08', 5)).toBe('2026-03-13');
  });

  it('0 working days after a date is that date', () => {
    expect(calendar.addWorkingDays('2025-10-03', 0)).toBe('2025-10-03');
  });

  it('workingDaysBetween is negative when `to` is before `from`', () => {
    expect(calendar.workingDaysBetween('2025-10-30', '2025-09-26')).toBe(-20);
  });

  it('refuses impossible dates and day counts with a typed error', () => {
    for (const bad of ['2026-02-30', '2026-2-3', '2026-13-01', '', '2026-03-09T00:00:00Z']) {
      expect(() => calendar.isWorkingDay(bad)).toThrow(InvalidCalendarInputError);
    }
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => calendar.addWorkingDays('2026-03-09', n)).toThrow(InvalidCalendarInputError);
    }
  });
});

describe('WorkingCalendar — coverage guard (DOMAIN §5: never a silent Monday–Friday guess)', () => {
  it('covers 2004–2026 from chinese-days and not 2027, which chinese-days would treat as Monday–Friday', () => {
    const coverage = calendar.coverage();
    expect(coverage.years[0]).toBe(2004);
    expect(coverage.years.at(-1)).toBe(2026);
    expect(coverage.byYear.find((c) => c.year === 2026)).toMatchObject({ kind: 'chinese-days' });
    expect(calendar.covers(2027)).toBe(false);
    expect(chineseDays.isWorkday(new Date(2027, 0, 1, 12))).toBe(true); // the silent guess we refuse
  });

  it('refuses a computation that reaches a day in 2027, naming the year and how to load it', () => {
    expect(calendar.addWorkingDays('2026-12-24', 5)).toBe('2026-12-31');
    const error = catchError(() => calendar.addWorkingDays('2026-12-24', 6));
    expect(error).toBeInstanceOf(CalendarCoverageError);
    expect(error).toMatchObject({ type: 'calendar-coverage', year: 2027, date: '2027-01-01' });
    expect((error as Error).message).toMatch(/does not cover 2027.*load/s);
    expect(() => calendar.isWorkingDay('2027-03-01')).toThrow(CalendarCoverageError);
    expect(() => calendar.workingDaysBetween('2026-12-01', '2027-01-10')).toThrow(CalendarCoverageError);
    expect(() => calendar.describeDay('2027-03-01')).toThrow(CalendarCoverageError);
    expect(() => calendar.isWorkingDay('2003-12-31')).toThrow(/does not cover 2003/);
  });

  it('with { provisional: true } counts 2027 Monday–Friday and flags the result', () => {
    expect(calendar.addWorkingDays('2026-12-28', 5, { provisional: true })).toEqual({
      value: '2027-01-04',
      provisional: true,
      uncoveredYears: [2027],
      sources: [{ year: 2026, kind: 'chinese-days', source: expect.stringMatching(/^chinese-days \d/) }],
    });
    expect(calendar.isWorkingDay('2027-01-01', { provisional: true })).toMatchObject({
      value: true,
      provisional: true,
    });
    expect(calendar.workingDaysBetween('2026-12-31', '2027-01-08', { provisional: true }).value).toBe(6);
  });

  it('a provisional computation inside covered years is not flagged', () => {
    expect(calendar.addWorkingDays('2025-09-26', 20, { provisional: true })).toMatchObject({
      value: '2025-10-30',
      provisional: false,
      uncoveredYears: [],
    });
  });

  it('reckon() reports every covered year a computation looked at', () => {
    const reckoning = calendar.reckon((days) => days.addWorkingDays('2025-12-20', 20));
    expect(reckoning.value).toBe('2026-01-19');
    expect(reckoning.sources.map((s) => s.year)).toEqual([2025, 2026]);
  });

  it('loading 2027 makes it covered and the loaded days are used', () => {
    const loaded = WorkingCalendar.create([TEST_2027]);
    expect(loaded.covers(2027)).toBe(true);
    expect(loaded.coverage().byYear.at(-1)).toEqual({ year: 2027, kind: 'loaded', source: TEST_2027.source });
    expect(loaded.addWorkingDays('2026-12-28', 5)).toBe('2027-01-05');
    expect(loaded.addWorkingDays('2027-02-04', 2)).toBe('2027-02-10');
    expect(loaded.nextWorkingDay('2027-02-12')).toBe('2027-02-14');
    expect(loaded.addWorkingDays('2026-12-28', 5, { provisional: true }).provisional).toBe(false);
  });

  it('a year between covered years stays uncovered', () => {
    const gap = WorkingCalendar.create([
      { ...TEST_2027, year: 2028, holidays: ['2028-01-01'], workingWeekends: [] },
    ]);
    expect(gap.covers(2027)).toBe(false);
    expect(() => gap.isWorkingDay('2027-06-01')).toThrow(CalendarCoverageError);
    expect(gap.isWorkingDay('2028-06-01')).toBe(true);
  });
});

describe('WorkingCalendar — loaded years', () => {
  it('a loaded year replaces chinese-days for that whole year', () => {
    const corrected = WorkingCalendar.create([
      {
        year: 2026,
        holidays: ['2026-01-01', '2026-03-02'],
        workingWeekends: ['2026-03-07'],
        source: 'test correction',
      },
    ]);
    expect(corrected.isWorkingDay('2026-03-02')).toBe(false);
    expect(corrected.isWorkingDay('2026-03-07')).toBe(true);
    expect(corrected.isWorkingDay('2026-10-08')).toBe(true); // National Day 2026 is not in the loaded schedule
    expect(corrected.coverage().byYear.find((c) => c.year === 2026)).toMatchObject({ kind: 'loaded' });
    expect(corrected.isWorkingDay('2025-10-08')).toBe(false); // other years still from chinese-days
  });

  it('the later of two schedules for one year wins', () => {
    const twice = WorkingCalendar.create([
      TEST_2027,
      { ...TEST_2027, holidays: ['2027-01-01'], source: 'second' },
    ]);
    expect(twice.isWorkingDay('2027-02-05')).toBe(true);
    expect(twice.describeDay('2027-01-01').source.source).toBe('second');
  });

  it('refuses an invalid schedule', () => {
    expect(() => WorkingCalendar.create([{ ...TEST_2027, workingWeekends: ['2027-02-15'] }])).toThrow(
      InvalidYearScheduleError,
    );
  });

  it('without the built-in source only loaded years are covered', () => {
    const only = WorkingCalendar.create([TEST_2027], { builtin: false });
    expect(only.coverage().years).toEqual([2027]);
    expect(() => only.isWorkingDay('2026-06-01')).toThrow(CalendarCoverageError);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
