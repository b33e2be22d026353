import { InvalidYearScheduleError } from './errors.js';
import { parseYearSchedule } from './year-schedule.js';

const valid = {
  year: 2027,
  holidays: ['2027-02-06', '2027-01-01'],
  workingWeekends: ['2027-02-14'],
  source: 'test fixture',
  publishedAt: '2026-11-01',
};

function problemsOf(input: unknown): readonly string[] {
  try {
    parseYearSchedule(input);
  } catch (error) {
    if (error instanceof InvalidYearScheduleError) return error.problems;
    throw error;
  }
  throw new Error('expected the schedule to be refused');
}

describe('year schedule validation (the State Council’s yearly holiday notice, loaded by an administrator)', () => {
  it('accepts a valid schedule and sorts its dates', () => {
    expect(parseYearSchedule(valid)).toEqual({ ...valid, holidays: ['2027-01-01', '2027-02-06'] });
  });

  it('refuses dates outside the schedule’s year', () => {
    expect(problemsOf({ ...valid, holidays: ['2026-12-31', '2027-01-01'] })).toEqual([
      'holidays must fall inside the schedule’s year: 2026-12-31',
    ]);
  });

  it('refuses a make-up working day that is not a Saturday or Sunday', () => {
    expect(problemsOf({ ...valid, workingWeekends: ['2027-02-15'] })).toEqual([
      'workingWeekends must be Saturdays or Sundays (调休 make-up days): 2027-02-15',
    ]);
  });

  it('refuses a day that is both a holiday and a make-up day', () => {
    expect(problemsOf({ ...valid, holidays: ['2027-01-01', '2027-02-14'] })).toEqual([
      'workingWeekends must not also be listed as holidays: 2027-02-14',
    ]);
  });

  it('refuses impossible or badly written dates and duplicates', () => {
    expect(problemsOf({ ...valid, holidays: ['2027-02-30', '2027-1-2', 20270101] })).toEqual(
      expect.arrayContaining([
        'each value in holidays must be a string',
        'holidays must be real dates written YYYY-MM-DD: 2027-02-30, 2027-1-2',
      ]),
    );
    expect(problemsOf({ ...valid, holidays: ['2027-01-01', '2027-01-01'] })).toEqual([
      "All holidays's elements must be unique",
    ]);
  });

  it('refuses an empty holiday list: a year without New Year’s Day would be a silent Monday–Friday guess', () => {
    expect(problemsOf({ ...valid, holidays: [] })).toEqual([
      expect.stringContaining('holidays must not be empty'),
    ]);
  });

  it('lists every problem at once: missing source, bad year, unknown fields, bad publishedAt', () => {
    const problems = problemsOf({
      year: 2027.5,
      holidays: ['2027-01-01'],
      workingWeekends: [],
      note: 'x',
      publishedAt: 'soon',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'year must be an integer number',
        'source should not be empty',
        'property note should not exist',
        'publishedAt must be a valid ISO 8601 date string',
      ]),
    );
  });

  it('refuses what is not an object', () => {
    for (const input of [null, [], '2027', 2027])
      expect(problemsOf(input)).toEqual(['a year schedule must be a JSON object']);
  });
});
