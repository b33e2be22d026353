/** allowedCommands: what the console offers each person — the decider's own rules, nothing more. */
import { CaseDriver } from '../testing/case-driver.js';
import {
  application,
  approver,
  approver2,
  calendar,
  clerk,
  head,
  outsider,
  reviewer,
} from '../testing/fixtures.js';
import type { Actor } from '@one-window/shared';
import { allowedCommands } from './allowed-commands.js';
import { at, received } from '../testing/scenarios.js';

const allowed = (d: CaseDriver, actor: Actor, when = d.at) =>
  allowedCommands(d.current, { now: new Date(when), actor, calendar });

describe('allowedCommands', () => {
  it('offers the clerk the front-desk decisions on a received case, and nothing to an approver', () => {
    const d = received();
    expect(allowed(d, clerk).map((c) => c.type)).toEqual([
      'AcceptCase',
      'RequestCorrection',
      'RefuseCase',
      'WithdrawCase',
      'RateService',
    ]);
    expect(allowed(d, approver)).toEqual([]);
  });

  it('stops offering a correction notice once its Art. 32 deadline has passed', () => {
    const d = received();
    expect(allowed(d, clerk, at('2026-03-10')).map((c) => c.type)).not.toContain('RequestCorrection');
  });

  it('names the task: claim for the step department (its head included, ADR 8), pass/return/procedure for the holder, extension for the head', () => {
    const d = new CaseDriver().given(
      [clerk, application(), at('2026-03-02')],
      [clerk, { type: 'AcceptCase', caseId: 'c1' }],
    );
    expect(allowed(d, approver)).toEqual([{ type: 'ClaimTask', taskId: 'c1.t1' }]);
    expect(allowed(d, outsider)).toEqual([]);
    // ADR 8: a head holds every approver right, so the department's head may claim the step too.
    // ...and hand it to another approver of the department (转办, a slice: listed after the others).
    expect(allowed(d, head)).toEqual([
      { type: 'ClaimTask', taskId: 'c1.t1' },
      { type: 'ExtendTimeLimit' },
      { type: 'ReassignTask', taskId: 'c1.t1' },
    ]);
    d.send(approver, { type: 'ClaimTask', taskId: 'c1.t1' });
    expect(allowed(d, approver)).toEqual([
      { type: 'ReleaseTask', taskId: 'c1.t1' },
      { type: 'PassTask', taskId: 'c1.t1' },
      { type: 'ReturnTask', taskId: 'c1.t1' },
      { type: 'StartSpecialProcedure', taskId: 'c1.t1' },
    ]);
    expect(allowed(d, approver2)).toEqual([]);
    expect(allowed(d, head)).toEqual([
      { type: 'ReleaseTask', taskId: 'c1.t1' },
      { type: 'ExtendTimeLimit' },
      { type: 'ReassignTask', taskId: 'c1.t1' },
    ]);
  });

  it('names the obligation a review officer may follow up', () => {
    const d = new CaseDriver().given(
      [clerk, application(), at('2026-03-02')],
      [clerk, { type: 'RateService', caseId: 'c1', level: 5, channel: 'window-device' }],
    );
    expect(allowed(d, reviewer)).toEqual([{ type: 'RecordCallback', obligationId: 'c1.o1' }]);
  });
});
