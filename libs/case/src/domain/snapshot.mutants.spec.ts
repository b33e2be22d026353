/**
 * What mutation testing left open in the small domain files (docs/adr/0014-mutation-testing.md):
 * the guide snapshot a case keeps for life (Art. 13) and the materials it owes (Art. 11(5): shared
 * or e-certificate materials fetched with the applicant's authorization, the agency's own never
 * asked for), an old receipt folded without the fields added since, a task for a step the guide
 * does not have, the words of a corrupt history, and the 结束特别程序 button naming its procedure.
 */
import type { ServiceGuide } from '@one-window/catalog';
import type { CaseEvent } from '../events.js';
import { GUIDE, approver, clerk } from '../testing/fixtures.js';
import { at, inProcedure, received } from '../testing/scenarios.js';
import { allowedCommands } from './allowed-commands.js';
import { CaseHistoryError, foldCase } from './case-state.js';
import { initialContext } from './context.js';
import { resolveNow } from './decide-context.js';
import { missingMaterials, stillMissing, toCaseGuide } from './guide-snapshot.js';
import { taskForStep } from './tasks.js';

/** GUIDE with one material of each source channel (Art. 11(5)). */
const BY_CHANNEL: ServiceGuide = {
  ...GUIDE,
  materials: (['applicant', 'shared', 'electronic-certificate', 'agency'] as const).map((sourceChannel) => ({
    ...GUIDE.materials[0],
    code: sourceChannel,
    sourceChannel,
    ...(sourceChannel === 'shared' ? { sharedSource: '市场主体登记信息' } : {}),
  })),
};

describe('Art. 11(5) and 13: the guide a case keeps, and the materials the applicant owes', () => {
  it('the snapshot keeps the handling forms and a shared material’s source, and no sharedSource key where there is none', () => {
    const snapshot = toCaseGuide(BY_CHANNEL);
    expect(snapshot.handlingForms).toEqual(['window', 'online']);
    expect(snapshot.materials.map((m) => m.sharedSource)).toEqual([
      undefined,
      '市场主体登记信息',
      undefined,
      undefined,
    ]);
    expect(Object.keys(snapshot.materials[0])).not.toContain('sharedSource');
  });

  it('authorized: the shared and the e-certificate material are fetched, the agency’s own is never owed', () => {
    const guide = toCaseGuide(BY_CHANNEL);
    expect(missingMaterials(guide, [], true)).toEqual(['applicant']);
    expect(missingMaterials(guide, [], false)).toEqual(['applicant', 'shared', 'electronic-certificate']);
    expect(missingMaterials(guide, [{ code: 'applicant' }], false)).toEqual([
      'shared',
      'electronic-certificate',
    ]);
  });

  it('still missing: what was missing at receipt less what has been handed in since', () => {
    const context = {
      ...received().current.context,
      missingAtReceipt: ['safety-rules', 'staff-health'],
      materials: [{ code: 'staff-health', form: 'copy' }],
    } as unknown as Parameters<typeof stillMissing>[0];
    expect(stillMissing(context)).toEqual(['safety-rules']);
  });
});

describe('an old receipt, stored before its fields were required, folds with their defaults', () => {
  it('no agent, sharing not authorized, no appointment, no notices: null, false, null, []', () => {
    const [receipt] = received().events;
    const {
      agent: _a,
      sharingAuthorized: _s,
      appointmentId: _p,
      ...old
    } = receipt.data as unknown as Record<string, unknown>;
    const context = initialContext(old as unknown as Parameters<typeof initialContext>[0]);
    expect([context.agent, context.sharingAuthorized, context.appointmentId, context.notices]).toStrictEqual([
      null,
      false,
      null,
      [],
    ]);
  });
});

describe('tasks for the guide’s steps', () => {
  const now = () =>
    resolveNow({ now: new Date(at('2026-03-02')), actor: clerk, calendar: received().calendar });
  it('a task for a step the guide does not have is refused, naming the step by its number', () => {
    expect(() => taskForStep(received().current, now(), '2026-03-02', 3)).toThrow(
      `The guide of ${GUIDE.code} has no step 4`,
    );
  });
  it('a task is created for an acceptance unless told otherwise', () => {
    expect(taskForStep(received().current, now(), '2026-03-02').data.reason).toBe('accepted');
  });
});

describe('a corrupt history says which event, where, and in which state', () => {
  it('a second case.Received at #1', () => {
    const [receipt] = received().events;
    const fold = () => foldCase([receipt, receipt] as CaseEvent[]);
    expect(fold).toThrow(CaseHistoryError);
    expect(fold).toThrow(
      new Error(
        'Event #1 "case.Received" is not possible in state "frontDesk.received": the case history is corrupt',
      ),
    );
    try {
      fold();
    } catch (error) {
      expect((error as Error).name).toBe('CaseHistoryError');
    }
  });
});

describe('Art. 45: the commands offered during a special procedure', () => {
  it('ending it names the running procedure’s number; receipt (a new case) is never offered', () => {
    const offered = allowedCommands(inProcedure().current, {
      now: new Date(at('2026-03-03')),
      actor: approver,
      calendar: received().calendar,
    });
    expect(offered).toContainEqual({ type: 'EndSpecialProcedure', n: 1 });
    expect(offered.map((c) => c.type)).not.toContain('ReceiveApplication');
  });
});
