/** 综合窗口出件: the result (or the written denial) is issued, dispatched and delivered (Art. 20, 21, 44). */
import type { DeliverResult, DispatchResult, IssueResult } from '../commands.js';
import type { CaseEvent, DispatchMethod, Recipient, RecipientKind } from '../events.js';
import type { CaseState } from './case-state.js';
import type { Now } from './decide-context.js';
import { DomainError } from './errors.js';
import { Problems } from './problems.js';
import { idNumberProblem } from '@one-window/shared';

const METHODS: readonly DispatchMethod[] = ['window', 'courier', 'electronic'];
const COLLECTED_BY: readonly RecipientKind[] = ['applicant', 'agent'];

export function issueResult(state: CaseState, command: IssueResult, now: Now): CaseEvent[] {
  new Problems()
    .text(command.certificateNumber, 'certificateNumber')
    .boolean(command.electronic, 'electronic')
    .dateAfter(command.validUntil, 'validUntil', now.today)
    .throwIfAny();
  return [
    {
      type: 'case.ResultIssued',
      data: {
        certificateNumber: command.certificateNumber,
        ...(command.validUntil ? { validUntil: command.validUntil } : {}),
        electronic: command.electronic,
        issuedOn: now.today,
        late: now.today > (state.context.decision?.resultDueBy ?? now.today),
      },
    },
  ];
}

export function dispatch(state: CaseState, command: DispatchResult, now: Now): CaseEvent[] {
  const { context } = state;
  const problems = new Problems().oneOf(command.method, METHODS, 'method');
  if (command.method === 'courier') {
    problems
      .check(
        context.guide.courierDelivery,
        'method',
        `${context.guide.name} is not delivered by courier`,
        'no-courier',
      )
      .text(command.trackingNumber, 'trackingNumber');
  }
  if (command.method === 'electronic' && context.decision?.outcome === 'approved') {
    problems.check(
      context.result?.electronic === true,
      'method',
      'the result was not issued as an electronic certificate',
      'not-electronic',
    );
  }
  problems.throwIfAny();
  return [
    {
      type: 'case.Dispatched',
      data: {
        method: command.method,
        ...(command.trackingNumber ? { trackingNumber: command.trackingNumber } : {}),
        dispatchedOn: now.today,
      },
    },
  ];
}

/**
 * Who collects at the window is recorded (送达回证): the applicant in person, whose ID must be the
 * applicant's, or an agent by their own name and ID. Courier and electronic delivery may name one.
 */
function checkRecipient(problems: Problems, state: CaseState, recipient: Recipient | undefined): void {
  const { context } = state;
  if (recipient === undefined || recipient === null) {
    problems.check(
      context.dispatch?.method !== 'window',
      'recipient',
      'recipient is required: who collected the result at the window',
      'recipient-required',
    );
    return;
  }
  problems
    .oneOf(recipient.collectedBy, COLLECTED_BY, 'recipient.collectedBy')
    .text(recipient.name, 'recipient.name')
    .text(recipient.idType, 'recipient.idType')
    .text(recipient.idNumber, 'recipient.idNumber');
  if (typeof recipient.idType !== 'string' || typeof recipient.idNumber !== 'string' || !recipient.idNumber)
    return;
  const wrong = idNumberProblem(recipient.idType, recipient.idNumber);
  if (wrong) problems.add('recipient.idNumber', `recipient.idNumber ${wrong.en}`, recipient.idType);
  else if (recipient.collectedBy === 'applicant') {
    problems.check(
      recipient.idNumber === context.applicant.idNumber,
      'recipient.idNumber',
      "recipient.idNumber is not the applicant's: someone else collects as an agent",
      'not-the-applicant',
    );
  }
}

export function deliver(state: CaseState, command: DeliverResult, now: Now): CaseEvent[] {
  const outcome = state.context.decision?.outcome;
  if (!outcome) throw DomainError.conflict('The case has no decision to deliver');
  const problems = new Problems();
  checkRecipient(problems, state, command.recipient);
  problems.throwIfAny();
  const r = command.recipient;
  return [
    {
      type: 'case.Delivered',
      data: {
        deliveredOn: now.today,
        outcome,
        ...(r
          ? {
              recipient: {
                collectedBy: r.collectedBy,
                name: r.name,
                idType: r.idType,
                idNumber: r.idNumber,
              },
            }
          : {}),
      },
    },
  ];
}

export function markResultIssueOverdue(state: CaseState, now: Now): CaseEvent[] {
  const resultDueBy = state.context.decision?.resultDueBy ?? '';
  if (now.today <= resultDueBy)
    throw DomainError.notAllowedNow(`The result is due by ${resultDueBy} (Law Art. 44): not late yet`, {
      code: 'not-allowed-in-state.result-not-overdue',
      params: { resultDueBy },
    });
  return [{ type: 'case.ResultIssueOverdue', data: { resultDueBy } }];
}
