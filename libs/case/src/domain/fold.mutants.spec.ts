/**
 * What mutation testing left open in the fold (apply-event.ts, docs/adr/0014-mutation-testing.md):
 * the notices an event issues (ADR 18) — the executor adds them, so no decider spec folded one —
 * and a second special procedure's end (Law Art. 45) leaving the first as it ended.
 */
import type { CaseEvent } from '../events.js';
import type { IssuedNotice } from '../notices/notice-content.js';
import { received } from '../testing/scenarios.js';
import { applyEvent } from './apply-event.js';
import type { CaseContext, SpecialProcedureRecord } from './context.js';

type Data<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>['data'];
const ev = <T extends CaseEvent['type']>(type: T, data: Data<T>) => ({ type, data }) as CaseEvent;
const notice = (kind: IssuedNotice['kind'], number: string): IssuedNotice => ({
  kind,
  number,
  sha256: '0'.repeat(64),
  content: {} as IssuedNotice['content'],
});

describe('ADR 18: a notice is kept once, in the case’s list of notices, not in the facts of its event', () => {
  const refusal = {
    reason: '不属于本机关职权',
    legalBasis: '《行政许可法》第三十二条',
    refusedOn: '2026-03-02',
    voucherNumber: '150102-20260302-0001-R',
  };

  it('不予受理通知书: the refusal’s facts without the notice, the notice’s kind and number appended', () => {
    const before: CaseContext = {
      ...received().current.context,
      notices: [{ kind: 'receipt', number: '150102-20260302-0001-J' }],
    };
    const after = applyEvent(
      before,
      ev('case.Refused', { ...refusal, notice: notice('refusal', '150102-20260302-0001-R') }),
    );
    expect(after.refusal).toStrictEqual(refusal);
    expect(after.notices).toEqual([
      { kind: 'receipt', number: '150102-20260302-0001-J' },
      { kind: 'refusal', number: '150102-20260302-0001-R' },
    ]);
  });

  it('an event without a notice keeps the list as it was', () => {
    const before = received().current.context;
    const after = applyEvent(before, ev('case.Refused', refusal));
    expect(after.notices).toBe(before.notices);
    expect(after.refusal).toStrictEqual(refusal);
  });

  it('the receipt’s own notice (收件回执) is folded by the initial context, not again by the reducer', () => {
    const before = received().current.context;
    const receipt = { notice: notice('receipt', '150102-20260302-0001-J') } as Data<'case.Received'>;
    expect(applyEvent(before, ev('case.Received', receipt))).toBe(before);
  });
});

describe('Law Art. 45: ending the second special procedure leaves the first as it ended', () => {
  it('procedure 1 keeps its end day, result and suspended days; procedure 2 takes its own', () => {
    const first: SpecialProcedureRecord = {
      n: 1,
      taskId: 'c1.t1',
      kind: 'inspection',
      reason: '现场核查',
      expectedDays: 5,
      startedOn: '2026-03-03',
      endedOn: '2026-03-05',
      result: '合格',
      suspendedWorkingDays: 2,
    };
    const second: SpecialProcedureRecord = {
      ...first,
      n: 2,
      kind: 'testing',
      startedOn: '2026-03-06',
      endedOn: null,
      result: null,
      suspendedWorkingDays: 0,
    };
    const before: CaseContext = { ...received().current.context, specialProcedures: [first, second] };
    const after = applyEvent(
      before,
      ev('case.SpecialProcedureEnded', {
        n: 2,
        endedOn: '2026-03-10',
        result: '检测合格',
        suspendedWorkingDays: 2,
        statutoryDueDate: '2026-04-03',
        promisedDueDate: '2026-03-20',
      }),
    );
    expect(after.specialProcedures).toEqual([
      first,
      { ...second, endedOn: '2026-03-10', result: '检测合格', suspendedWorkingDays: 2 },
    ]);
  });
});
