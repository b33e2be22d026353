/**
 * ADR 12: dates counted Monday–Friday over a year without an official schedule are counted again
 * once the administrator loads that year — every deadline still open, old → new, in one event.
 */
import { decisionDue } from '@one-window/calendar';
import type { CaseEvent, DeadlineChange } from '../events.js';
import type { CaseState } from './case-state.js';
import { currentTask } from './context.js';
import { provisionalOf } from './dates.js';
import type { Now } from './decide-context.js';
import { acceptedCommands } from './state-meta.js';

export function recalculate(state: CaseState, now: Now): CaseEvent[] {
  const { context } = state;
  const official = now.calendar.official;
  const years = context.provisionalYears.filter((year) => official.covers(year));
  if (years.length === 0) return [];
  const changes: DeadlineChange[] = [];
  const { guide } = context;

  if (
    context.acceptance &&
    context.decision === null &&
    context.statutoryDueDate &&
    context.promisedDueDate
  ) {
    const suspensions = context.specialProcedures
      .filter((procedure) => procedure.endedOn !== null)
      .map((procedure) => ({ from: procedure.startedOn, to: procedure.endedOn! }));
    const due = (limitDays: number, extensionDays: number) =>
      official.reckon(
        (days) =>
          decisionDue(days, {
            acceptedOn: context.acceptance!.acceptedOn,
            limitDays,
            extensionDays,
            suspensions,
          }).due,
        { provisional: true },
      ).value;
    changes.push(
      {
        deadline: 'statutory',
        from: context.statutoryDueDate,
        to: due(guide.statutoryLimitDays, context.extension?.days ?? 0),
      },
      { deadline: 'promised', from: context.promisedDueDate, to: due(guide.promisedLimitDays, 0) },
    );
  }
  const accepts = acceptedCommands(state.snapshot);
  // Waiting for the acceptance decision: the states where the case may be accepted (or deemed so).
  if (accepts.has('AcceptCase')) {
    changes.push({
      deadline: 'acceptance-decision',
      from: context.acceptanceDecideBy,
      to: now.calendar.addWorkingDays(context.deemedAcceptanceFrom, now.policy.correctionNoticeWorkingDays),
    });
  }
  const task = currentTask(context);
  const step = task && guide.steps[task.stepIndex];
  if (task && step && (task.status === 'open' || task.status === 'claimed')) {
    changes.push({
      deadline: 'step',
      taskId: task.taskId,
      from: task.stepDueDate,
      to: now.calendar.addWorkingDays(task.createdOn, step.timeLimitDays),
    });
  }
  const decision = context.decision;
  // The result is still to issue: the states whose result-issue deadline the scheduler watches.
  if (accepts.has('MarkResultIssueOverdue') && decision?.outcome === 'approved' && decision.resultDueBy) {
    changes.push({
      deadline: 'result-issue',
      from: decision.resultDueBy,
      to: now.calendar.addWorkingDays(decision.on, now.policy.resultIssueWorkingDays),
    });
  }

  const stillGuessed = context.provisionalYears.filter((year) => !official.covers(year));
  const guessedNow = provisionalOf(now, ...changes.map((change) => change.to)).provisional?.years ?? [];
  const remaining = [...new Set([...stillGuessed, ...guessedNow])].sort((a, b) => a - b);
  const coverage = official.coverage().byYear;
  return [
    {
      type: 'case.DeadlinesRecalculated',
      data: {
        years,
        calendar: coverage.filter((entry) => years.includes(entry.year)),
        changes,
        recalculatedOn: now.today,
        ...(remaining.length > 0 ? { provisional: { years: remaining } } : {}),
      },
    },
  ];
}
