import { type BusinessDate, chinaDate, chinaDayEnd, toEpochDay } from './dates.js';
import { InvalidCalendarInputError } from './errors.js';
import { checkDayCount, type WorkingDays } from './working-days.js';

/** Administrative Licensing Law Art. 42: 20 working days, extendable once by 10. */
export const STATUTORY_DECISION_DAYS = 20;
export const STATUTORY_EXTENSION_DAYS = 10;
/** Art. 42 joint or centralised handling: 45 working days, extendable by 15. */
export const JOINT_HANDLING_DECISION_DAYS = 45;
export const JOINT_HANDLING_EXTENSION_DAYS = 15;
/** Art. 32: one complete correction notice within 5 working days of receipt, or the case counts as accepted. */
export const CORRECTION_NOTICE_DAYS = 5;

/** A special procedure (Art. 45): its working days after `from` up to and including `to` do not count. */
export interface SuspensionPeriod {
  readonly from: BusinessDate;
  /** Missing while the procedure is still running. */
  readonly to?: BusinessDate;
}

export interface DecisionClock {
  /** The clock starts at acceptance; the acceptance day itself is not counted. */
  readonly acceptedOn: BusinessDate;
  /** The item's statutory (or promised) limit in working days. */
  readonly limitDays: number;
  /** Working days granted by extensions, in total. */
  readonly extensionDays?: number;
  readonly suspensions?: readonly SuspensionPeriod[];
  /** Today. Needed while a suspension is open: the open period is taken to run through today. */
  readonly asOf?: BusinessDate;
}

export interface DecisionDue {
  readonly due: BusinessDate;
  /** Working days special procedures took out of the count before the due date. */
  readonly suspendedWorkingDays: number;
  /** A special procedure is running: the due date moves one working day later for each working day it lasts. */
  readonly clockStopped: boolean;
}

/**
 * The decision due date: `limitDays + extensionDays` counted working days after acceptance, where a
 * working day inside a suspension does not count. A suspension that begins after the due date
 * changes nothing — an overdue case is not rescued by starting a special procedure.
 */
export function decisionDue(days: WorkingDays, clock: DecisionClock): DecisionDue {
  checkDayCount(clock.limitDays, 'limitDays');
  checkDayCount(clock.extensionDays ?? 0, 'extensionDays');
  const suspensions = clock.suspensions ?? [];
  const periods = mergePeriods(suspensions.map((period, i) => closedPeriod(period, i, clock.asOf)));
  const total = clock.limitDays + (clock.extensionDays ?? 0);
  // Fixed point of due = start + total + (suspended working days up to due): each round can only move
  // the date later, and never past the day-by-day answer (see the property test), so it stops there.
  let suspended = 0;
  let due = days.addWorkingDays(clock.acceptedOn, total);
  for (;;) {
    const nowSuspended = suspendedWorkingDays(days, periods, clock.acceptedOn, due);
    if (nowSuspended === suspended) break;
    suspended = nowSuspended;
    due = days.addWorkingDays(clock.acceptedOn, total + suspended);
  }
  return {
    due,
    suspendedWorkingDays: suspended,
    clockStopped: suspensions.some((period) => period.to === undefined),
  };
}

interface ClosedPeriod {
  readonly from: BusinessDate;
  readonly to: BusinessDate;
}

/** Periods are half-open `(from, to]`, so touching or overlapping ones merge into one. */
function mergePeriods(periods: readonly ClosedPeriod[]): ClosedPeriod[] {
  const merged: ClosedPeriod[] = [];
  const nonEmpty = periods.filter((period) => period.from < period.to);
  for (const period of nonEmpty.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))) {
    const last = merged.at(-1);
    if (last && period.from <= last.to)
      merged[merged.length - 1] = { from: last.from, to: maxDate(last.to, period.to) };
    else merged.push(period);
  }
  return merged;
}

function suspendedWorkingDays(
  days: WorkingDays,
  periods: readonly ClosedPeriod[],
  start: BusinessDate,
  end: BusinessDate,
): number {
  let count = 0;
  for (const period of periods) {
    const [from, to] = [maxDate(period.from, start), minDate(period.to, end)];
    if (from < to) count += days.workingDaysBetween(from, to);
  }
  return count;
}

const maxDate = (a: BusinessDate, b: BusinessDate) => (a > b ? a : b);
const minDate = (a: BusinessDate, b: BusinessDate) => (a < b ? a : b);

export function decisionDueDate(days: WorkingDays, clock: DecisionClock): BusinessDate {
  return decisionDue(days, clock).due;
}

function closedPeriod(period: SuspensionPeriod, index: number, asOf?: BusinessDate): ClosedPeriod {
  toEpochDay(period.from, `suspensions[${index}].from`);
  if (period.to === undefined && asOf === undefined) {
    throw new InvalidCalendarInputError(
      'asOf',
      `suspensions[${index}] is still running: pass asOf (today) to compute where the due date stands`,
    );
  }
  const to = period.to ?? asOf!;
  toEpochDay(to, period.to === undefined ? 'asOf' : `suspensions[${index}].to`);
  if (period.to !== undefined && period.to < period.from) {
    throw new InvalidCalendarInputError(
      `suspensions[${index}]`,
      `suspension ends (${period.to}) before it starts (${period.from})`,
    );
  }
  return { from: period.from, to };
}

/**
 * Working days from today to the due date: 0 on the due day, negative exactly when overdue — at
 * least -1 even on the weekend right after a Friday due date, when no working day has passed yet.
 */
export function workingDaysLeft(days: WorkingDays, today: BusinessDate, due: BusinessDate): number {
  const overdue = toEpochDay(today, 'today') > toEpochDay(due, 'due');
  const left = days.workingDaysBetween(today, due);
  return overdue ? Math.min(-1, left) : left;
}

export type WarningLevel = 'none' | 'yellow' | 'red';

export interface WarningPolicy {
  /** Yellow when 0 ≤ working days left ≤ this. */
  readonly yellowWithinWorkingDays: number;
}

/** "Near the limit" (DOMAIN §5) is a setting; 3 working days is our default. */
export const DEFAULT_WARNING_POLICY: WarningPolicy = { yellowWithinWorkingDays: 3 };

/** Red once the due day has ended in China time; yellow within the policy's working days; else none. */
export function warningLevel(
  days: WorkingDays,
  today: BusinessDate,
  due: BusinessDate,
  policy: WarningPolicy = DEFAULT_WARNING_POLICY,
): WarningLevel {
  return levelFor(workingDaysLeft(days, today, due), policy);
}

function levelFor(workingDaysLeft: number, policy: WarningPolicy): WarningLevel {
  if (workingDaysLeft < 0) return 'red';
  return workingDaysLeft <= policy.yellowWithinWorkingDays ? 'yellow' : 'none';
}

export interface DeadlineStatus {
  readonly due: BusinessDate;
  readonly workingDaysLeft: number;
  readonly level: WarningLevel;
}

/** Days left and warning level as of an instant (its China-time date). */
export function deadlineStatus(
  days: WorkingDays,
  now: Date,
  due: BusinessDate,
  policy: WarningPolicy = DEFAULT_WARNING_POLICY,
): DeadlineStatus {
  const left = workingDaysLeft(days, chinaDate(now), due);
  return { due, workingDaysLeft: left, level: levelFor(left, policy) };
}

/** Last day to give the one complete correction notice; the case counts as accepted after it. */
export function correctionNoticeDeadline(
  days: WorkingDays,
  receivedOn: BusinessDate,
  limitDays: number = CORRECTION_NOTICE_DAYS,
): BusinessDate {
  return days.addWorkingDays(receivedOn, limitDays);
}

/** Whether a business-date deadline has passed at an instant: from 24:00 China time of the due day. */
export function isPastDue(now: Date, due: BusinessDate): boolean {
  return now.getTime() >= chinaDayEnd(due).getTime();
}
