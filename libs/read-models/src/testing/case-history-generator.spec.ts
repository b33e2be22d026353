import { WorkingCalendar } from '@one-window/calendar';
import { evolve, type CaseEvent, type CaseState } from '@one-window/case';
import { idNumberProblem } from '@one-window/shared';
import { generateCaseHistories, type GeneratedCase, type GeneratorItem } from './case-history-generator.js';
import { demoGeneratorItems } from './demo-items.js';

/**
 * The generated histories are the decider's: each folds through the statechart with the status
 * the executor would have recorded, in time order, and the paths come in the proportions the
 * benches and read-model specs were sized for.
 */
describe('generateCaseHistories', () => {
  let items: GeneratorItem[];
  let cases: GeneratedCase[];
  const generate = (count: number, seed: number) => [
    ...generateCaseHistories(count, {
      items,
      calendar: WorkingCalendar.create(),
      startDate: '2025-09-01',
      spanWorkingDays: 120,
      seed,
    }),
  ];

  beforeAll(async () => {
    items = await demoGeneratorItems();
    cases = generate(2_000, 7);
  });

  it('folds every history through the statechart, each event recording where it left the case, in time order', () => {
    const ids = new Set<string>();
    const wrong: string[] = [];
    for (const generated of cases) {
      let state: CaseState | null = null;
      let at = '';
      for (const [index, stored] of generated.events.entries()) {
        state = evolve(state, { type: stored.type, data: stored.data } as CaseEvent, index);
        const { status, stage, at: when } = stored.metadata!;
        if (status !== state.status || stage !== state.stage)
          wrong.push(`${generated.caseId} #${index}: recorded ${status}, folds to ${state.status}`);
        if (when < at) wrong.push(`${generated.caseId} #${index}: at ${when}, after ${at}`);
        at = when;
        ids.add(stored.id!);
      }
      if (state?.context.caseId !== generated.caseId)
        wrong.push(`${generated.caseId}: folds to another case`);
    }
    expect(wrong).toEqual([]);
    expect(ids.size).toBe(cases.reduce((sum, c) => sum + c.events.length, 0));
  });

  it('draws the paths of DOMAIN §4 in their proportions, with every side road taken', () => {
    const types = new Map<string, number>();
    for (const c of cases) for (const e of c.events) types.set(e.type, (types.get(e.type) ?? 0) + 1);
    const share = (type: string) => (types.get(type) ?? 0) / cases.length;
    expect(share('case.Received')).toBe(1);
    expect(share('case.Approved')).toBeGreaterThan(0.7);
    expect(share('case.Approved')).toBeLessThan(0.85);
    expect(share('case.Denied')).toBeGreaterThan(0.03);
    expect(share('case.Refused')).toBeGreaterThan(0.02);
    expect(share('case.AcceptedWithDeficiency')).toBeGreaterThan(0.08);
    expect(share('case.CorrectionRequested')).toBeGreaterThan(0.08);
    expect(share('case.Rated')).toBeGreaterThan(0.6);
    for (const type of [
      'case.DeemedAccepted',
      'case.CorrectionOverdue',
      'case.DeficiencyOverdue',
      'case.DeficiencySupplied',
      'case.Withdrawn',
      'case.TaskReleased',
      'case.TaskReassigned',
      'case.SupervisionNoticeSent',
      'case.TaskReturned',
      'case.SpecialProcedureEnded',
      'case.DecisionWarning',
      'case.DecisionOverdue',
      'case.Extended',
      'case.ResultIssueOverdue',
      'case.ObligationOverdue',
      'case.Rectified',
      'case.Explained',
    ])
      expect({ type, seen: types.has(type) }).toEqual({ type, seen: true });
    // Some cases are left in the back office, their last step's task open.
    const open = cases.filter(
      (c) => c.events[c.events.length - 1].metadata!.status === 'backOffice.underReview',
    );
    expect(open.length / cases.length).toBeGreaterThan(0.04);
  });

  it('gives applicants ID numbers with sound check digits, and numbers cases per division and day', () => {
    const numbers = new Set<string>();
    for (const c of cases) {
      const received = c.events[0] as unknown as Extract<CaseEvent, { type: 'case.Received' }>;
      const { idType, idNumber } = received.data.applicant;
      expect({ idType, idNumber, problem: idNumberProblem(idType, idNumber) }).toEqual({
        idType,
        idNumber,
        problem: null,
      });
      expect(['resident-id', 'uscc']).toContain(idType);
      numbers.add(received.data.caseNumber);
    }
    expect(numbers.size).toBe(cases.length);
  });

  it('gives the same histories for the same seed, and others for another', () => {
    const again = generate(50, 7);
    expect(again).toEqual(generate(50, 7));
    const other = generate(50, 8);
    expect(other.map((c) => c.caseId)).not.toEqual(again.map((c) => c.caseId));
  });
});
