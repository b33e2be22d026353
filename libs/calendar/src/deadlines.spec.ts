import {
  correctionNoticeDeadline,
  decisionDue,
  decisionDueDate,
  deadlineStatus,
  CORRECTION_NOTICE_DAYS,
  isPastDue,
  JOINT_HANDLING_DECISION_DAYS,
  JOINT_HANDLING_EXTENSION_DAYS,
  STATUTORY_DECISION_DAYS,
  STATUTORY_EXTENSION_DAYS,
  warningLevel,
  workingDaysLeft,
} from './deadlines.js';
import { InvalidCalendarInputError } from './errors.js';
import { calendarPerTest } from './testing/calendar-per-test.js';

const calendar = calendarPerTest();

describe('decision due date (Law Art. 42: 20 working days from acceptance)', () => {
  it('counts the statutory limit in working days after the acceptance day', () => {
    expect(decisionDue(calendar(), { acceptedOn: '2025-09-26', limitDays: STATUTORY_DECISION_DAYS })).toEqual(
      {
        due: '2025-10-30',
        suspendedWorkingDays: 0,
        clockStopped: false,
      },
    );
  });

  it('a case decided on the spot (limit 0) is due on its acceptance day', () => {
    expect(decisionDueDate(calendar(), { acceptedOn: '2026-03-09', limitDays: 0 })).toBe('2026-03-09');
  });

  it('an extension adds its working days once (Art. 42: +10 with the head’s approval)', () => {
    expect(
      decisionDueDate(calendar(), {
        acceptedOn: '2025-09-26',
        limitDays: STATUTORY_DECISION_DAYS,
        extensionDays: STATUTORY_EXTENSION_DAYS,
      }),
    ).toBe('2025-11-13');
  });

  it('refuses a negative or fractional limit', () => {
    expect(() => decisionDue(calendar(), { acceptedOn: '2026-03-02', limitDays: -1 })).toThrow(
      InvalidCalendarInputError,
    );
    expect(() =>
      decisionDue(calendar(), { acceptedOn: '2026-03-02', limitDays: 20, extensionDays: 0.5 }),
    ).toThrow(InvalidCalendarInputError);
  });
});

describe('clock suspension for special procedures (Art. 45: their time does not count)', () => {
  const accepted = { acceptedOn: '2026-03-02', limitDays: 20 };

  it('without a suspension the case is due 2026-03-30', () => {
    expect(decisionDueDate(calendar(), accepted)).toBe('2026-03-30');
  });

  it('the working days after the procedure starts up to and including the day it ends do not count', () => {
    expect(
      decisionDue(calendar(), { ...accepted, suspensions: [{ from: '2026-03-10', to: '2026-03-13' }] }),
    ).toEqual({
      due: '2026-04-02',
      suspendedWorkingDays: 3,
      clockStopped: false,
    });
  });

  it('holidays inside a suspension are not counted twice', () => {
    // Accepted 2026-03-20, due 2026-04-20; suspended (04-02, 04-08] holds 04-03, 04-07, 04-08 (04-04..06 Qingming).
    const clock = { acceptedOn: '2026-03-20', limitDays: 20 };
    expect(decisionDueDate(calendar(), clock)).toBe('2026-04-20');
    expect(
      decisionDue(calendar(), { ...clock, suspensions: [{ from: '2026-04-02', to: '2026-04-08' }] }),
    ).toMatchObject({
      due: '2026-04-23',
      suspendedWorkingDays: 3,
    });
  });

  it('overlapping suspensions suspend each day once; one started and ended the same day suspends nothing', () => {
    const due = decisionDue(calendar(), {
      ...accepted,
      suspensions: [
        { from: '2026-03-10', to: '2026-03-13' },
        { from: '2026-03-12', to: '2026-03-16' },
        { from: '2026-03-20', to: '2026-03-20' },
      ],
    });
    expect(due).toMatchObject({ due: '2026-04-03', suspendedWorkingDays: 4 });
  });

  it('Art. 45 boundary: a suspension started the day before the due date moves it; one started on the due day does not', () => {
    const startingOn = (from: string) =>
      decisionDue(calendar(), { ...accepted, suspensions: [{ from, to: '2026-04-03' }] });
    // (03-27, 04-03] holds 03-30 … 04-03: five working days; 04-04 … 06 is 清明.
    expect(startingOn('2026-03-27')).toMatchObject({ due: '2026-04-07', suspendedWorkingDays: 5 });
    expect(startingOn('2026-03-30')).toMatchObject({ due: '2026-03-30', suspendedWorkingDays: 0 });
    expect(startingOn('2026-03-31')).toMatchObject({ due: '2026-03-30', suspendedWorkingDays: 0 });
  });

  it('a suspension that starts after the due date does not rescue an overdue case', () => {
    expect(
      decisionDueDate(calendar(), { ...accepted, suspensions: [{ from: '2026-04-01', to: '2026-04-10' }] }),
    ).toBe('2026-03-30');
  });

  it('while a procedure runs the due date moves with today and the working days left stay the same', () => {
    const running = { ...accepted, suspensions: [{ from: '2026-03-10' }] };
    const thursday = decisionDue(calendar(), { ...running, asOf: '2026-03-12' });
    const friday = decisionDue(calendar(), { ...running, asOf: '2026-03-13' });
    expect(thursday).toEqual({ due: '2026-04-01', suspendedWorkingDays: 2, clockStopped: true });
    expect(friday.due).toBe('2026-04-02');
    expect(workingDaysLeft(calendar(), '2026-03-12', thursday.due)).toBe(14);
    expect(workingDaysLeft(calendar(), '2026-03-13', friday.due)).toBe(14);
  });

  it('a running procedure needs today (asOf); a period that ends before it starts is refused', () => {
    expect(() => decisionDue(calendar(), { ...accepted, suspensions: [{ from: '2026-03-10' }] })).toThrow(
      /asOf/,
    );
    expect(() =>
      decisionDue(calendar(), { ...accepted, suspensions: [{ from: '2026-03-10', to: '2026-03-09' }] }),
    ).toThrow(InvalidCalendarInputError);
  });

  it('suspension and extension together', () => {
    expect(
      decisionDueDate(calendar(), {
        ...accepted,
        extensionDays: 10,
        suspensions: [{ from: '2026-03-10', to: '2026-03-13' }],
      }),
    ).toBe('2026-04-17');
  });
});

describe('days left and warning level (DOMAIN §5: yellow near the limit, red when overdue)', () => {
  const due = '2026-03-30'; // a Monday

  it.each([
    ['2026-03-23', 5, 'none'],
    ['2026-03-24', 4, 'none'],
    ['2026-03-25', 3, 'yellow'],
    ['2026-03-27', 1, 'yellow'],
    ['2026-03-28', 1, 'yellow'],
    ['2026-03-30', 0, 'yellow'],
    ['2026-03-31', -1, 'red'],
    ['2026-04-03', -4, 'red'],
  ] as const)('on %s: %i working days left, %s (default yellow within 3)', (today, left, level) => {
    expect(workingDaysLeft(calendar(), today, due)).toBe(left);
    expect(warningLevel(calendar(), today, due)).toBe(level);
  });

  it('the weekend right after a Friday due date is already overdue (-1, red)', () => {
    expect(workingDaysLeft(calendar(), '2026-03-28', '2026-03-27')).toBe(-1);
    expect(workingDaysLeft(calendar(), '2026-03-30', '2026-03-27')).toBe(-1);
    expect(warningLevel(calendar(), '2026-03-28', '2026-03-27')).toBe('red');
  });

  it('the yellow threshold is a setting', () => {
    expect(warningLevel(calendar(), '2026-03-23', due, { yellowWithinWorkingDays: 5 })).toBe('yellow');
    expect(warningLevel(calendar(), '2026-03-27', due, { yellowWithinWorkingDays: 0 })).toBe('none');
    expect(warningLevel(calendar(), '2026-03-30', due, { yellowWithinWorkingDays: 0 })).toBe('yellow');
  });

  it('status at an instant uses its China-time date', () => {
    // 2026-03-30T15:59Z is 23:59 on the due day in China; one minute later the case is overdue.
    expect(deadlineStatus(calendar(), new Date('2026-03-30T15:59:00Z'), due)).toEqual({
      due,
      workingDaysLeft: 0,
      level: 'yellow',
    });
    expect(deadlineStatus(calendar(), new Date('2026-03-30T16:00:00Z'), due).level).toBe('red');
    expect(isPastDue(new Date('2026-03-30T15:59:59.999Z'), due)).toBe(false);
    expect(isPastDue(new Date('2026-03-30T16:00:00Z'), due)).toBe(true);
  });
});

describe('correction notice deadline (Law Art. 32: within 5 working days of receipt)', () => {
  it('is 5 working days after receipt, skipping National Day 2025', () => {
    expect(correctionNoticeDeadline(calendar(), '2025-09-26')).toBe('2025-10-10');
  });

  it('takes another limit where a regulation sets one', () => {
    expect(correctionNoticeDeadline(calendar(), '2026-03-09', 3)).toBe('2026-03-12');
  });
});

describe('the limits the law sets (Administrative Licensing Law)', () => {
  it('Art. 42: 20 working days, extendable once by 10; joint handling 45, extendable by 15; Art. 32: 5', () => {
    expect([STATUTORY_DECISION_DAYS, STATUTORY_EXTENSION_DAYS]).toEqual([20, 10]);
    expect([JOINT_HANDLING_DECISION_DAYS, JOINT_HANDLING_EXTENSION_DAYS]).toEqual([45, 15]);
    expect(CORRECTION_NOTICE_DAYS).toBe(5);
  });
});
