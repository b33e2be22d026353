import { decisionDue } from './deadlines.js';
import { InvalidCalendarInputError } from './errors.js';
import {
  callbackDue,
  DEFAULT_RATING_LIMITS,
  type RatingLimits,
  rectificationDue,
} from './rating-deadlines.js';
import { thrown } from './testing/thrown.js';
import { calendarPerTest } from './testing/calendar-per-test.js';

/** What a refusal names: the field the caller got wrong, in the error and in its words. */
function refusal(run: () => unknown): { type: string; field: string; message: string } {
  const { type, field, message } = thrown(run, InvalidCalendarInputError);
  return { type, field, message };
}

describe('the bad-rating limits refuse bad input by field (Art. 36: 48 hours, 15 natural days)', () => {
  const ratedAt = '2026-01-05T16:30:00Z';

  it('an instant that is not one: ratedAt, for the callback and for the rectification', () => {
    for (const due of [callbackDue, rectificationDue])
      expect(refusal(() => due('yesterday'))).toEqual({
        type: 'invalid-calendar-input',
        field: 'ratedAt',
        message: 'ratedAt is not a valid instant',
      });
  });

  it('a limit that is not a whole number above 0 names its setting and the value', () => {
    expect(refusal(() => callbackDue(ratedAt, { ...DEFAULT_RATING_LIMITS, callbackHours: 0 }))).toEqual({
      type: 'invalid-calendar-input',
      field: 'callbackHours',
      message: 'callbackHours must be a whole number > 0, got 0',
    });
    expect(
      refusal(() => rectificationDue(ratedAt, { ...DEFAULT_RATING_LIMITS, rectificationDays: 1.5 })),
    ).toEqual({
      type: 'invalid-calendar-input',
      field: 'rectificationDays',
      message: 'rectificationDays must be a whole number > 0, got 1.5',
    });
  });

  it('a rectification rule the calendar does not know (a setting from outside TypeScript) is refused, not guessed', () => {
    const limits = { ...DEFAULT_RATING_LIMITS, rectificationRule: 'working-days' } as unknown as RatingLimits;
    expect(refusal(() => rectificationDue(ratedAt, limits))).toEqual({
      type: 'invalid-calendar-input',
      field: 'rectificationRule',
      message: 'unknown rule working-days',
    });
  });
});

describe('special procedures (Art. 45) given in any order suspend each working day once', () => {
  const calendar = calendarPerTest();
  const accepted = { acceptedOn: '2026-03-02', limitDays: 20 };

  it('overlapping periods listed latest first give the due date they give in order', () => {
    const inOrder = [
      { from: '2026-03-10', to: '2026-03-13' },
      { from: '2026-03-12', to: '2026-03-16' },
    ];
    const expected = { due: '2026-04-03', suspendedWorkingDays: 4, clockStopped: false };
    expect(decisionDue(calendar(), { ...accepted, suspensions: inOrder })).toEqual(expected);
    expect(decisionDue(calendar(), { ...accepted, suspensions: [...inOrder].reverse() })).toEqual(expected);
    // Three, shuffled: (03-03, 03-05] and (03-04, 03-06] overlap too; 2 + 4 + 1 working days.
    const three = [
      inOrder[1],
      { from: '2026-03-04', to: '2026-03-06' },
      inOrder[0],
      { from: '2026-03-03', to: '2026-03-05' },
    ];
    expect(decisionDue(calendar(), { ...accepted, suspensions: three })).toMatchObject({
      suspendedWorkingDays: 7,
    });
  });
});
