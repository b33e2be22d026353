/**
 * Bad input gets a clear error: every text a back-office command carries must not be blank, and
 * the refusal names the field and says why (400 invalid-command, one entry per bad field).
 */
import type { Actor } from '@one-window/shared';
import type { CaseCommand } from '../commands.js';
import { type CaseDriver } from '../testing/case-driver.js';
import { approver, approver2, head, system } from '../testing/fixtures.js';
import { accepted, at, atDecision, claimed, inProcedure } from '../testing/scenarios.js';

const fieldErrors = (d: CaseDriver, actor: Actor, command: CaseCommand, when?: string) => {
  const error = d.error(actor, command, when);
  return { code: error.code, message: error.message, errors: error.errors };
};
const blank = (field: string) => ({
  code: 'invalid-command',
  message: `The command is invalid: ${field} must not be empty`,
  errors: [{ field, message: `${field} must not be empty` }],
});

describe('a blank text is refused on its field', () => {
  it.each([
    ['PassTask', claimed, approver, { type: 'PassTask', taskId: 'c1.t1', opinion: ' ' }, 'opinion'],
    [
      'ReturnTask',
      claimed,
      approver,
      { type: 'ReturnTask', taskId: 'c1.t1', to: 'front-desk', reason: '' },
      'reason',
    ],
    [
      'StartSpecialProcedure',
      claimed,
      approver,
      { type: 'StartSpecialProcedure', caseId: 'c1', kind: 'inspection', reason: '', expectedDays: 5 },
      'reason',
    ],
    [
      'EndSpecialProcedure',
      inProcedure,
      approver,
      { type: 'EndSpecialProcedure', caseId: 'c1', n: 1, result: '' },
      'result',
    ],
    [
      'ExtendTimeLimit',
      claimed,
      head,
      { type: 'ExtendTimeLimit', caseId: 'c1', days: 5, reason: '  ' },
      'reason',
    ],
    ['ApproveCase', atDecision, head, { type: 'ApproveCase', caseId: 'c1', opinion: '' }, 'opinion'],
  ] as const)('%s', (_, given, actor, command, field) => {
    expect(fieldErrors(given(), actor, command as CaseCommand)).toEqual(blank(field));
  });

  it('SendSupervisionNotice: the note', () => {
    const command: CaseCommand = { type: 'SendSupervisionNotice', taskId: 'c1.t1', note: '' };
    expect(fieldErrors(claimed(), head, command, at('2026-03-10'))).toEqual(blank('note'));
  });

  it('DenyCase: each reason, and both remedies, each on its own field', () => {
    const command = {
      type: 'DenyCase',
      caseId: 'c1',
      reasons: ['不符合条件', ''],
      remedies: { reviewAuthority: '', court: ' ' },
    } as const;
    expect(atDecision().error(head, command).errors).toEqual([
      { field: 'remedies.reviewAuthority', message: 'remedies.reviewAuthority must not be empty' },
      { field: 'remedies.court', message: 'remedies.court must not be empty' },
      { field: 'reasons[1]', message: 'reasons[1] must not be empty' },
    ]);
  });

  it('ReturnTask: to the front desk or an earlier step, named in the refusal', () => {
    const back = (taskId: string, to: string): CaseCommand => ({
      type: 'ReturnTask',
      taskId,
      to,
      reason: '退回',
    });
    expect(claimed().error(approver, back('c1.t1', 'review')).errors).toEqual([
      { field: 'to', message: 'to must be "front-desk" or an earlier step (none)' },
    ]);
    const second = claimed().given(
      [approver, { type: 'PassTask', taskId: 'c1.t1', opinion: '同意' }],
      [approver2, { type: 'ClaimTask', taskId: 'c1.t2' }],
    );
    expect(second.error(approver2, back('c1.t2', 'decision')).errors).toEqual([
      { field: 'to', message: 'to must be "front-desk" or an earlier step (review)' },
    ]);
  });

  it('ExtendTimeLimit and StartSpecialProcedure: the day counts say their range', () => {
    expect(
      claimed().error(head, { type: 'ExtendTimeLimit', caseId: 'c1', days: 11, reason: '论证' }).errors,
    ).toEqual([{ field: 'days', message: 'days must be a whole number from 1 to 10' }]);
    const start: CaseCommand = {
      type: 'StartSpecialProcedure',
      caseId: 'c1',
      kind: 'inspection',
      reason: '核查',
      expectedDays: 1.5,
    };
    expect(claimed().error(approver, start).errors).toEqual([
      { field: 'expectedDays', message: 'expectedDays must be a whole number from 1 to 365' },
    ]);
  });
});

describe('deadline marks sent too early say what is due when', () => {
  it('a decision warning more than 3 working days ahead, and an overdue mark before the due date', () => {
    const tooEarly = (command: CaseCommand, day: string) => {
      const error = accepted().error(system, command, at(day));
      return [error.code, error.message];
    };
    expect(tooEarly({ type: 'MarkDecisionWarning', caseId: 'c1', limit: 'promised' }, '2026-03-10')).toEqual([
      'not-allowed-in-state',
      '4 working days are left before 2026-03-16; no warning yet',
    ]);
    expect(tooEarly({ type: 'MarkDecisionOverdue', caseId: 'c1', limit: 'statutory' }, '2026-03-30')).toEqual(
      ['not-allowed-in-state', 'The statutory due date 2026-03-30 has not passed'],
    );
  });

  it('a second procedure is numbered 2, and its end moves the dates again', () => {
    const d = inProcedure().given(
      [approver, { type: 'EndSpecialProcedure', caseId: 'c1', n: 1, result: '合格' }, at('2026-03-04')],
      [
        approver,
        { type: 'StartSpecialProcedure', caseId: 'c1', kind: 'testing', reason: '检测', expectedDays: 3 },
      ],
    );
    expect(d.events.at(-1)).toMatchObject({
      type: 'case.SpecialProcedureStarted',
      data: { n: 2, startedOn: '2026-03-04' },
    });
    expect(
      d.send(
        approver,
        { type: 'EndSpecialProcedure', caseId: 'c1', n: 2, result: '合格' },
        at('2026-03-06'),
      )[0],
    ).toMatchObject({
      data: { n: 2, suspendedWorkingDays: 2, promisedDueDate: '2026-03-20', statutoryDueDate: '2026-04-03' },
    });
  });
});
