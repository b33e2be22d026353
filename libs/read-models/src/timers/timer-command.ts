import type { TimerCaseCommand, TimerKind } from './timer-types.js';

/** The case engine's command for a due timer; `subject` is the decision limit or the obligation id. */
export function timerCommand(kind: TimerKind, caseId: string, subject: string): TimerCaseCommand {
  switch (kind) {
    case 'deemed-acceptance':
      return { type: 'DeemAccepted', caseId };
    case 'correction-overdue':
      return { type: 'MarkCorrectionOverdue', caseId };
    case 'deficiency-overdue':
      return { type: 'MarkDeficiencyOverdue', caseId };
    case 'decision-warning':
      return {
        type: 'MarkDecisionWarning',
        caseId,
        limit: subject === 'promised' ? 'promised' : 'statutory',
      };
    case 'decision-overdue':
      return {
        type: 'MarkDecisionOverdue',
        caseId,
        limit: subject === 'promised' ? 'promised' : 'statutory',
      };
    case 'result-issue-overdue':
      return { type: 'MarkResultIssueOverdue', caseId };
    case 'callback-overdue':
      return { type: 'MarkObligationOverdue', obligationId: subject, deadline: 'callback' };
    case 'rectification-overdue':
      return { type: 'MarkObligationOverdue', obligationId: subject, deadline: 'rectification' };
    case 'deadlines-recalculation':
      return { type: 'RecalculateDeadlines', caseId };
    default: {
      const unknown: never = kind;
      throw new Error(`Unknown timer kind ${String(unknown)}`);
    }
  }
}
