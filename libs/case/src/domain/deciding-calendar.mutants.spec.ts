/**
 * The calendar the decider counts on (calendar.ts, ADR 12; Law Art. 32 and 42: the applicant gets
 * a decision whatever the hall's IT knows): a year after the loaded ones is counted Monday–Friday
 * and flagged, a year before the first is refused — and a calendar with no year at all refuses
 * every year. Mutation testing left these open (docs/adr/0014-mutation-testing.md), with what
 * `resolveNow` fills in when the context leaves it out.
 */
import { CalendarCoverageError, WorkingCalendar } from '@one-window/calendar';
import { CaseDriver } from '../testing/case-driver.js';
import { application, clerk } from '../testing/fixtures.js';
import { decidingCalendar } from './calendar.js';
import { resolveNow } from './decide-context.js';
import { DomainError } from './errors.js';
import { NO_STAFF } from './staff.js';

/** chinese-days' years only: 2004–2026 covered, 2027 not. */
const builtin = () => decidingCalendar(WorkingCalendar.create());

describe('ADR 12: the deciding calendar', () => {
  it('isWorkingDay: National Day 2026-10-01 is not, Friday 10-09 is; a 2027 weekday is guessed working', () => {
    const days = builtin();
    expect(days.isWorkingDay('2026-10-01')).toBe(false);
    expect(days.isWorkingDay('2026-10-09')).toBe(true);
    expect(days.isWorkingDay('2027-01-04')).toBe(true);
  });

  it('a year before the first covered one (2003) is refused, naming it', () => {
    expect(() => builtin().isWorkingDay('2003-06-02')).toThrow(CalendarCoverageError);
    expect(() => builtin().addWorkingDays('2003-06-02', 1)).toThrow(expect.objectContaining({ year: 2003 }));
  });

  it('a calendar that covers no year refuses every year', () => {
    const none = decidingCalendar(WorkingCalendar.create([], { builtin: false }));
    expect(() => none.addWorkingDays('2026-03-02', 5)).toThrow(expect.objectContaining({ year: 2026 }));
  });

  it('provisionalOf names the years not loaded from today to the latest date given, skipping dates not set', () => {
    expect(builtin().provisionalOf('2026-12-30', undefined, '2027-01-05', null)).toEqual({
      provisional: { years: [2027] },
    });
    expect(builtin().provisionalOf('2026-03-02', '2026-03-30', undefined)).toEqual({});
  });
});

describe('a receipt on a day no calendar covers (2003) is refused by the decider with the year', () => {
  it('a DomainError calendar-not-covered naming 2003', () => {
    const d = new CaseDriver();
    d.calendar = WorkingCalendar.create();
    const error = d.error(clerk, application(), '2003-06-02T10:00:00+08:00');
    expect(error).toBeInstanceOf(DomainError);
    expect([error.name, error.code, error.year]).toEqual(['DomainError', 'calendar-not-covered', 2003]);
  });
});

describe('resolveNow: what the context leaves out', () => {
  it('no staff directory: nobody is known; no query code: none at all, not an empty key', () => {
    const now = resolveNow({
      now: new Date('2026-03-02T02:00:00Z'),
      actor: clerk,
      calendar: WorkingCalendar.create(),
    });
    expect(now.staff).toBe(NO_STAFF);
    expect(Object.keys(now)).not.toContain('queryCode');
    expect(now.today).toBe('2026-03-02');
  });
});
