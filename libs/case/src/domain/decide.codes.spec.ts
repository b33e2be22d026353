/**
 * The decider's own checks (decide.ts), in their order — the target exists (404), the actor may act
 * (403), the state allows it (409), the input is sound (400) — each with its catalog code (ADR 15);
 * timers that no longer apply decide nothing. Mutation testing (docs/adr/0014-mutation-testing.md).
 */
import type { CaseCommand } from '../commands.js';
import { application, approver, clerk, head, otherClerk, outsider, system } from '../testing/fixtures.js';
import { decide, isTimerCommand } from './decide.js';
import type { DomainError } from './errors.js';
import { accepted, at, claimed, received } from '../testing/scenarios.js';

describe('404: what the command names must exist in the case', () => {
  it('no case: not-found.case', () => {
    let error: DomainError | undefined;
    try {
      decide(
        null,
        { type: 'AcceptCase', caseId: 'c9' },
        { now: new Date(), actor: clerk, calendar: received().calendar },
      );
    } catch (e) {
      error = e as DomainError;
    }
    expect(error).toMatchObject({
      code: 'not-found',
      message: 'No such case',
      reason: { code: 'not-found.case' },
    });
  });

  it('a task id of another case, of no case, or of a task not created yet', () => {
    for (const taskId of ['c2.t1', 'not-a-task', 'c1.t9']) {
      expect(accepted().error(approver, { type: 'ClaimTask', taskId })).toMatchObject({
        code: 'not-found',
        message: `No task ${taskId}`,
      });
    }
  });

  it('an obligation id of another case, of no case, or not opened', () => {
    for (const obligationId of ['c2.o1', 'nothing', 'c1.o1']) {
      expect(
        accepted().error(head, { type: 'RecordCallback', obligationId, notes: 'x', verified: true }),
      ).toMatchObject({ code: 'not-found', message: `No obligation ${obligationId}` });
    }
  });

  it('a special procedure that was never started', () => {
    expect(
      claimed().error(approver, { type: 'EndSpecialProcedure', caseId: 'c1', n: 3, result: 'x' }),
    ).toMatchObject({
      code: 'not-found',
      message: 'No special procedure 3',
    });
  });
});

describe('403 before 409: who may act is checked before what the state allows', () => {
  it('a clerk of another hall is refused on the hall’s case with the jurisdiction code, even where the state would refuse too', () => {
    expect(received().error(otherClerk, { type: 'AcceptCase', caseId: 'c1' })).toMatchObject({
      code: 'forbidden',
      reason: { code: 'forbidden.jurisdiction' },
    });
    expect(accepted().error(otherClerk, { type: 'AcceptCase', caseId: 'c1' }).code).toBe('forbidden');
  });

  it('an approver of another department is refused the department’s task', () => {
    expect(accepted().error(outsider, { type: 'ClaimTask', taskId: 'c1.t1' }).code).toBe('forbidden');
  });
});

describe('409: a command the state does not allow names the state and, once each, what may be sent', () => {
  it('accepting an accepted case', () => {
    const error = accepted().error(clerk, { type: 'AcceptCase', caseId: 'c1' });
    expect(error.code).toBe('not-allowed-in-state');
    expect(error.state).toBe('backOffice.underReview');
    expect(error.message.charAt(0)).toMatch(/[A-Z]/);
    expect(new Set(error.allowed).size).toBe(error.allowed?.length);
    expect(error.allowed).toEqual(expect.arrayContaining(['RateService', 'WithdrawCase']));
    expect(error.allowed).not.toContain('AcceptCase');
  });

  it('a second receipt for a case is refused in its state', () => {
    expect(received().error(clerk, application())).toMatchObject({
      code: 'not-allowed-in-state',
      state: 'frontDesk.received',
      message: 'The case has already been received',
    });
  });

  it('a timer the state no longer has decides nothing instead of failing', () => {
    expect(isTimerCommand('MarkResultIssueOverdue')).toBe(true);
    expect(isTimerCommand('AcceptCase')).toBe(false);
    expect(
      received().send(system, { type: 'MarkResultIssueOverdue', caseId: 'c1' }, at('2026-12-01')),
    ).toEqual([]);
    expect(accepted().send(system, { type: 'DeemAccepted', caseId: 'c1' }, at('2026-12-01'))).toEqual([]);
  });
});

describe('400: a timer’s own fields', () => {
  it('a decision mark names its limit, an obligation mark its deadline, each from its list', () => {
    const mark = (command: unknown) => accepted().error(system, command as CaseCommand, at('2026-03-31'));
    expect(mark({ type: 'MarkDecisionOverdue', caseId: 'c1', limit: 'soft' })).toMatchObject({
      code: 'invalid-command',
      errors: [{ field: 'limit' }],
      rules: [{ code: 'one-of', params: { allowed: ['statutory', 'promised'] } }],
    });
    const rated = received().given([
      clerk,
      { type: 'RateService', caseId: 'c1', level: 5, channel: 'window-device' },
    ]);
    expect(
      rated.error(system, {
        type: 'MarkObligationOverdue',
        obligationId: 'c1.o1',
        deadline: 'soon',
      } as never),
    ).toMatchObject({
      code: 'invalid-command',
      errors: [{ field: 'deadline' }],
      rules: [{ code: 'one-of', params: { allowed: ['callback', 'rectification'] } }],
    });
  });
});
