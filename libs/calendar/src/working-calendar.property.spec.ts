import fc from 'fast-check';
import { fromEpochDay, toEpochDay } from './dates.js';
import { WorkingCalendar } from './working-calendar.js';

// Built in each test, not at module load: a mutation tool counts code run at load as covering every test.
let calendar: WorkingCalendar;
beforeEach(() => {
  calendar = WorkingCalendar.create();
});
// Starts and counts chosen so every walk stays inside 2004–2026, the covered years.
const start = fc.integer({ min: toEpochDay('2004-01-01'), max: toEpochDay('2026-06-30') }).map(fromEpochDay);
const count = fc.integer({ min: 1, max: 30 });

describe('working-day arithmetic properties (Law Art. 82 counting)', () => {
  it('N working days after any date is a working day, later than the start', () => {
    fc.assert(
      fc.property(start, count, (s, n) => {
        const due = calendar.addWorkingDays(s, n);
        return calendar.isWorkingDay(due) && due > s;
      }),
    );
  });

  it('workingDaysBetween(start, addWorkingDays(start, n)) === n, and -n the other way', () => {
    fc.assert(
      fc.property(start, fc.nat({ max: 30 }), (s, n) => {
        const due = calendar.addWorkingDays(s, n);
        return calendar.workingDaysBetween(s, due) === n && calendar.workingDaysBetween(due, s) === -n;
      }),
    );
  });

  it('the due date is the first day that reaches N: the day before it has counted only N-1', () => {
    fc.assert(
      fc.property(start, count, (s, n) => {
        const due = calendar.addWorkingDays(s, n);
        return calendar.workingDaysBetween(s, fromEpochDay(toEpochDay(due) - 1)) === n - 1;
      }),
    );
  });

  it('adding in two steps equals adding at once', () => {
    fc.assert(
      fc.property(start, count, count, (s, a, b) => {
        return (
          calendar.addWorkingDays(calendar.addWorkingDays(s, a), b) === calendar.addWorkingDays(s, a + b)
        );
      }),
    );
  });
});
