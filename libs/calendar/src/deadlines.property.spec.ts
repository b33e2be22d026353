import fc from 'fast-check';
import { fromEpochDay, toEpochDay } from './dates.js';
import { decisionDue, type SuspensionPeriod } from './deadlines.js';
import { calendarPerTest } from './testing/calendar-per-test.js';

const calendar = calendarPerTest();

/** Art. 45 read literally: walk day by day, counting working days outside every suspension. */
function walk(acceptedOn: string, total: number, periods: readonly Required<SuspensionPeriod>[]) {
  let day = acceptedOn;
  let suspended = 0;
  for (let counted = 0; counted < total;) {
    day = calendar().nextWorkingDay(day);
    if (periods.some((p) => p.from < day && day <= p.to)) suspended++;
    else counted++;
  }
  return { due: day, suspendedWorkingDays: suspended };
}

const base = toEpochDay('2024-01-01');
const date = (offset: number) => fromEpochDay(base + offset);
const period = fc
  .tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: -3, max: 40 }))
  .map(([from, length]) => ({ from: date(from), to: date(from + length) }));

describe('decision due date with suspensions (Art. 45) — property', () => {
  it('equals the day-by-day count for any set of suspensions, overlapping, empty or after the due date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 }),
        fc.integer({ min: 0, max: 45 }),
        fc.array(period, { maxLength: 4 }),
        (accepted, limitDays, periods) => {
          const acceptedOn = date(accepted);
          const valid = periods.filter((p) => p.from <= p.to);
          const result = decisionDue(calendar(), { acceptedOn, limitDays, suspensions: valid });
          const expected = walk(acceptedOn, limitDays, valid);
          return result.due === expected.due && result.suspendedWorkingDays === expected.suspendedWorkingDays;
        },
      ),
    );
  });
});
