/**
 * What a year schedule's validation draws its lines at (year-schedule.ts; mutation testing,
 * docs/adr/0014-mutation-testing.md): the years 2000–2200 and a source of up to 500 characters on
 * either side of each bound, a badly written date refused once for what it is (not again as
 * outside the year or not a weekend), lists that are not lists refused as such, and the
 * normalised schedule the parse returns.
 */
import { InvalidYearScheduleError } from './errors.js';
import { isExampleSchedule } from './store/year-file.js';
import { parseYearSchedule } from './year-schedule.js';
import { thrown } from './testing/thrown.js';

const schedule = (over: Record<string, unknown> = {}) => ({
  year: 2027,
  holidays: ['2027-01-01'],
  workingWeekends: ['2027-02-20', '2027-02-14'],
  source: '国办发明电〔2026〕7号',
  ...over,
});
const refusal = (input: unknown) => {
  const { year, problems } = thrown(() => parseYearSchedule(input), InvalidYearScheduleError);
  return { year, problems };
};

describe('a year schedule’s bounds', () => {
  it('the year: 1999 refused, 2000 and 2200 taken, 2201 refused', () => {
    expect(refusal(schedule({ year: 1999, holidays: ['1999-01-01'], workingWeekends: [] }))).toEqual({
      year: 1999,
      problems: ['year must not be less than 2000'],
    });
    for (const year of [2000, 2200]) {
      expect(
        parseYearSchedule(schedule({ year, holidays: [`${year}-01-01`], workingWeekends: [] })).year,
      ).toBe(year);
    }
    expect(refusal(schedule({ year: 2201, holidays: ['2201-01-01'], workingWeekends: [] })).problems).toEqual(
      ['year must not be greater than 2200'],
    );
  });

  it('the source: 500 characters taken, 501 refused', () => {
    expect(parseYearSchedule(schedule({ source: 'x'.repeat(500) })).source).toHaveLength(500);
    expect(refusal(schedule({ source: 'x'.repeat(501) })).problems).toEqual([
      'source must be shorter than or equal to 500 characters',
    ]);
  });

  it('a badly written date is refused for that alone, not also as outside the year or on a weekday', () => {
    expect(refusal(schedule({ holidays: ['27-01-01'] })).problems).toEqual([
      'holidays must be real dates written YYYY-MM-DD: 27-01-01',
    ]);
    expect(refusal(schedule({ workingWeekends: ['27-02-14'] })).problems).toEqual([
      'workingWeekends must be real dates written YYYY-MM-DD: 27-02-14',
    ]);
    expect(refusal(schedule({ workingWeekends: ['2026-02-14'] })).problems).toEqual([
      'workingWeekends must fall inside the schedule’s year: 2026-02-14',
    ]);
  });

  it('lists that are not lists are refused as such, and no date check reports on them', () => {
    expect(refusal(schedule({ holidays: {} })).problems).toEqual([
      'each value in holidays must be a string',
      "All holidays's elements must be unique",
      'holidays must not be empty: every year has at least New Year’s Day off',
      'holidays must be an array',
    ]);
    expect(refusal(schedule({ workingWeekends: 7 })).problems).toEqual([
      'each value in workingWeekends must be a string',
      "All workingWeekends's elements must be unique",
      'workingWeekends must be an array',
    ]);
  });

  it('returns the schedule normalised: dates sorted, no publishedAt key when none was given', () => {
    expect(parseYearSchedule(schedule())).toStrictEqual({
      year: 2027,
      holidays: ['2027-01-01'],
      workingWeekends: ['2027-02-14', '2027-02-20'],
      source: '国办发明电〔2026〕7号',
    });
  });
});

describe('a sample file is known by the mark its source starts with', () => {
  it('leading spaces and the letters’ case aside; the mark elsewhere in the source does not count', () => {
    const marked = (source: string) => isExampleSchedule(parseYearSchedule(schedule({ source })));
    expect(marked('  example only: invented dates')).toBe(true);
    expect(marked('国办发明电〔2026〕7号 (EXAMPLE ONLY)')).toBe(false);
  });
});
