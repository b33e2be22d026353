/** 综合窗口出件: the result (or the written denial) is issued, dispatched and delivered (Art. 20, 21, 44). */
import type { DispatchResult, IssueResult } from '../commands.js';
import type { CaseEvent, DispatchMethod } from '../events.js';
import type { CaseState } from './case-state.js';
import type { Now } from './decide-context.js';
import { DomainError } from './errors.js';
import { Problems } from './problems.js';

const METHODS: readonly DispatchMethod[] = ['window', 'courier', 'electronic'];

export function issueResult(state: CaseState, command: IssueResult, now: Now): CaseEvent[] {
  const problems = new Problems()
    .text(command.certificateNumber, 'certificateNumber')
    .check(
      typeof command.electronic === 'boolean',
      'electronic',
      'electronic must be true or false',
      'boolean',
    );
  if (command.validUntil !== undefined) {
    problems.date(command.validUntil, 'validUntil');
    problems.check(
      command.validUntil > now.today,
      'validUntil',
      'validUntil must be after today',
      'after-today',
      {
        today: now.today,
      },
    );
  }
  problems.throwIfAny();
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

export function deliver(state: CaseState, now: Now): CaseEvent[] {
  const outcome = state.context.decision?.outcome;
  if (!outcome) throw DomainError.conflict('The case has no decision to deliver');
  return [{ type: 'case.Delivered', data: { deliveredOn: now.today, outcome } }];
}

export function markResultIssueOverdue(state: CaseState, now: Now): CaseEvent[] {
  const resultDueBy = state.context.decision?.resultDueBy ?? '';
  if (now.today <= resultDueBy)
    throw DomainError.invalid(`The result is due by ${resultDueBy}; not late yet`);
  return [{ type: 'case.ResultIssueOverdue', data: { resultDueBy } }];
}
