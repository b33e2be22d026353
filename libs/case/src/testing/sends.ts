/**
 * What people (and the scheduler) could send to a case right now: for each command the decider
 * lists as allowed, one valid-looking payload. The model-based and property tests walk cases
 * with it. `bounded` caps the side features (returns, releases, special procedures, extension,
 * ratings before the end) so that the model-based walk stays finite.
 */
import type { Actor } from '@one-window/shared';
import type { CaseCommand } from '../commands.js';
import { allowedCommands } from '../domain/allowed-commands.js';
import type { CaseState } from '../domain/case-state.js';
import { stillMissing } from '../domain/guide-snapshot.js';
import {
  PEOPLE,
  application,
  calendar,
  clerk,
  incompleteApplication,
  originals,
  system,
} from './fixtures.js';

export type Send = {
  readonly type: string;
  readonly actor: Actor;
  readonly command: CaseCommand;
  readonly at: string;
};

export const FINISHED = new Set(['completed', 'refused', 'withdrawn', 'denied']);
export const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
export const dayAfter = (date: string) => `${nextDay(date)}T10:00:00+08:00`;

/** A valid-looking payload for each command the decider says a person may send now. */
export function commandsFor(state: CaseState, actor: Actor, at: string, bounded = true): CaseCommand[] {
  const { context } = state;
  const caseId = context.caseId;
  const today = at.slice(0, 10);
  // Keeps the walk finite: the side features (returns, releases) are offered only on a plain case.
  const plain =
    !bounded ||
    (context.deficiency === null &&
      context.extension === null &&
      context.specialProcedures.length === 0 &&
      context.marks.length === 0);
  return allowedCommands(state, { now: new Date(at), actor, calendar }).flatMap((allowed): CaseCommand[] => {
    const taskId = allowed.taskId ?? '';
    const obligationId = allowed.obligationId ?? '';
    switch (allowed.type) {
      case 'AcceptCase':
        return [{ type: 'AcceptCase', caseId }];
      case 'AcceptWithDeficiency': {
        const missing = stillMissing(context);
        return missing.length === 0
          ? []
          : [
              {
                type: 'AcceptWithDeficiency',
                caseId,
                missing: missing.map((code) => ({ code })),
                supplyBy: calendar.addWorkingDays(today, 2),
                commitmentSigned: true,
              },
            ];
      }
      case 'RequestCorrection': {
        const missing = stillMissing(context);
        return [
          {
            type: 'RequestCorrection',
            caseId,
            items: (missing.length ? missing : ['layout']).map((code) => ({ code, problem: '补正' })),
          },
        ];
      }
      case 'SubmitCorrection':
        return [
          {
            type: 'SubmitCorrection',
            caseId,
            materials: originals(...(context.correction?.items ?? [{ code: 'layout' }]).map((i) => i.code)),
          },
        ];
      case 'RefuseCase':
        return [
          { type: 'RefuseCase', caseId, reason: '不属于本机关职权', legalBasis: '《行政许可法》第三十二条' },
        ];
      case 'WithdrawCase':
        return [{ type: 'WithdrawCase', caseId, reason: '撤回' }];
      case 'SupplyDeficiency':
        return [
          {
            type: 'SupplyDeficiency',
            caseId,
            materials: originals(...(context.deficiency?.missing ?? [])),
          },
        ];
      case 'ClaimTask':
        return [{ type: 'ClaimTask', taskId }];
      case 'PassTask':
        return [{ type: 'PassTask', taskId, opinion: '同意' }];
      case 'ReturnTask': {
        if (context.tasks.length >= 4) return [];
        const task = context.tasks.find((t) => t.taskId === taskId);
        return [
          { type: 'ReturnTask', taskId, to: 'front-desk', reason: '补正' },
          ...(task && task.stepIndex > 0
            ? [{ type: 'ReturnTask' as const, taskId, to: context.guide.steps[0].name, reason: '重审' }]
            : []),
        ];
      }
      case 'ReleaseTask':
        return plain && (!bounded || context.tasks.length === 1) ? [{ type: 'ReleaseTask', taskId }] : [];
      case 'StartSpecialProcedure':
        return context.specialProcedures.length >= 1
          ? []
          : [{ type: 'StartSpecialProcedure', caseId, kind: 'inspection', reason: '核查', expectedDays: 3 }];
      case 'EndSpecialProcedure':
        return [{ type: 'EndSpecialProcedure', caseId, n: allowed.n ?? 0, result: '合格' }];
      case 'ExtendTimeLimit':
        return bounded && (context.specialProcedures.length > 0 || context.marks.length > 0)
          ? []
          : [{ type: 'ExtendTimeLimit', caseId, days: 5, reason: '专家论证' }];
      case 'ApproveCase':
        return [{ type: 'ApproveCase', caseId, opinion: '准予' }];
      case 'DenyCase':
        return [
          {
            type: 'DenyCase',
            caseId,
            reasons: ['条件不符'],
            remedies: { reviewAuthority: '区政府', court: '区法院' },
          },
        ];
      case 'IssueResult':
        return [{ type: 'IssueResult', caseId, certificateNumber: 'JY-1', electronic: true }];
      case 'DispatchResult':
        return [{ type: 'DispatchResult', caseId, method: 'window' }];
      case 'DeliverResult':
        return [
          {
            type: 'DeliverResult',
            caseId,
            recipient: {
              collectedBy: 'applicant',
              name: context.applicant.name,
              idType: context.applicant.idType,
              idNumber: context.applicant.idNumber,
            },
          },
        ];
      case 'RateService':
        // Ratings are offered once the handling has ended (the decider specs rate at every stage).
        return bounded && (context.ratings.length >= 2 || !FINISHED.has(state.stage))
          ? []
          : [
              { type: 'RateService', caseId, level: 1, channel: 'window-device' },
              { type: 'RateService', caseId, level: 5, channel: 'sms', stage: 'overall' },
            ];
      case 'RecordCallback':
        return [{ type: 'RecordCallback', obligationId, notes: '回访', verified: true }];
      case 'RectifyObligation':
        return [{ type: 'RectifyObligation', obligationId, measures: '整改' }];
      case 'ExplainObligation':
        return [{ type: 'ExplainObligation', obligationId, explanation: '无法律依据' }];
      case 'ReceiveApplication':
      case 'DeemAccepted':
      case 'MarkCorrectionOverdue':
      case 'MarkDeficiencyOverdue':
      case 'MarkDecisionWarning':
      case 'MarkDecisionOverdue':
      case 'MarkResultIssueOverdue':
      case 'MarkObligationOverdue':
      case 'RecalculateDeadlines':
        return []; // not offered by allowedCommands: see nextSends and timers
      default:
        return []; // a command slice's (ADR 0010): its own spec sends it
    }
  });
}

/** The scheduler's commands where they apply, each sent just after the deadline it is about. */
export function timers(state: CaseState, bounded = true): Send[] {
  const { context, status } = state;
  const caseId = context.caseId;
  const send = (command: CaseCommand, at: string): Send => ({
    type: command.type,
    actor: system,
    command,
    at,
  });
  const out: Send[] = [];
  if (status === 'frontDesk.received' || status === 'frontDesk.correctionSubmitted') {
    out.push(send({ type: 'DeemAccepted', caseId }, dayAfter(context.acceptanceDecideBy)));
  }
  if (status === 'frontDesk.correctionRequested' && context.correction) {
    out.push(send({ type: 'MarkCorrectionOverdue', caseId }, dayAfter(context.correction.correctBy)));
  }
  if (context.deficiency && !context.deficiency.overdue && context.deficiency.missing.length > 0) {
    out.push(send({ type: 'MarkDeficiencyOverdue', caseId }, dayAfter(context.deficiency.supplyBy)));
  }
  const due = context.statutoryDueDate;
  if (
    status === 'backOffice.underReview' &&
    due &&
    context.tasks.length === 1 &&
    context.deficiency === null
  ) {
    if (context.marks.length === 0)
      out.push(send({ type: 'MarkDecisionWarning', caseId, limit: 'statutory' }, `${due}T10:00:00+08:00`));
    if (context.marks.length === 1)
      out.push(send({ type: 'MarkDecisionOverdue', caseId, limit: 'statutory' }, dayAfter(due)));
  }
  if (
    status === 'delivery.awaitingResult' &&
    context.decision?.resultDueBy &&
    (!bounded || context.marks.length === 0)
  ) {
    out.push(send({ type: 'MarkResultIssueOverdue', caseId }, dayAfter(context.decision.resultDueBy)));
  }
  for (const o of context.obligations) {
    if (o.status === 'open' && !o.overdue.includes('callback')) {
      out.push(
        send(
          { type: 'MarkObligationOverdue', obligationId: o.obligationId, deadline: 'callback' },
          new Date(Date.parse(o.callbackDueAt) + 1000).toISOString(),
        ),
      );
    }
    if (o.status === 'called-back' && !o.overdue.includes('rectification')) {
      out.push(
        send(
          { type: 'MarkObligationOverdue', obligationId: o.obligationId, deadline: 'rectification' },
          dayAfter(o.rectifyDueBy),
        ),
      );
    }
  }
  return out;
}

/** Everything that could happen next: a receipt for no case yet, else every person's commands and the due timers. */
export function nextSends(state: CaseState | null, at: string, bounded = true): Send[] {
  if (state === null) {
    return [application(), incompleteApplication()].map((command) => ({
      type: command.type,
      actor: clerk,
      command,
      at,
    }));
  }
  return [
    ...PEOPLE.flatMap((actor) =>
      commandsFor(state, actor, at, bounded).map((command) => ({ type: command.type, actor, command, at })),
    ),
    ...timers(state, bounded),
  ];
}
