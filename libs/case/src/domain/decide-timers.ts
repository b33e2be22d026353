/**
 * Deadline marks: the durable scheduler sends these when a due date stored in an event has passed.
 * A mark already stored decides nothing, so a timer firing twice changes nothing.
 */
import type { DecisionLimit } from '../events.js';
import type { CaseEvent } from '../events.js';
import type { CaseState } from './case-state.js';
import type { Now } from './decide-context.js';
import { DomainError } from './errors.js';

export function markDecisionWarning(state: CaseState, limit: DecisionLimit, now: Now): CaseEvent[] {
  const dueDate = dueOf(state, limit);
  const key = `decision-warning:${limit}:${dueDate}`;
  if (state.context.marks.includes(key) || now.today > dueDate) return [];
  const workingDaysLeft = now.calendar.workingDaysBetween(now.today, dueDate);
  if (workingDaysLeft > now.policy.warningWorkingDays) {
    throw DomainError.notAllowedNow(
      `${workingDaysLeft} working days are left before ${dueDate}; no warning yet`,
      {
        code: 'not-allowed-in-state.decision-warning-early',
        params: { limit, dueDate, workingDaysLeft, warningWorkingDays: now.policy.warningWorkingDays },
      },
    );
  }
  return [{ type: 'case.DecisionWarning', data: { limit, dueDate, workingDaysLeft } }];
}

export function markDecisionOverdue(state: CaseState, limit: DecisionLimit, now: Now): CaseEvent[] {
  const dueDate = dueOf(state, limit);
  if (state.context.marks.includes(`decision-overdue:${limit}:${dueDate}`)) return [];
  if (now.today <= dueDate)
    throw DomainError.notAllowedNow(`The ${limit} due date ${dueDate} has not passed`, {
      code: 'not-allowed-in-state.decision-not-overdue',
      params: { limit, dueDate },
    });
  return [{ type: 'case.DecisionOverdue', data: { limit, dueDate } }];
}

function dueOf(state: CaseState, limit: DecisionLimit): string {
  const due = limit === 'promised' ? state.context.promisedDueDate : state.context.statutoryDueDate;
  if (due === null) throw DomainError.conflict('The decision clock has not started');
  return due;
}
