import { WorkingCalendar } from '@one-window/calendar';
import { evolve, recordedStatus, type CaseEvent, type CaseState } from '@one-window/case';
import { generateCaseHistories } from '../testing/case-history-generator.js';
import { demoGeneratorItems } from '../testing/demo-items.js';

/**
 * Events stored before ADR 0010 carry no status in their metadata; `recordedStatus` then asks
 * the statechart where the event leads from the status the case had. Over generated histories the fallback must say
 * what the statechart says, and say nothing where the handling status does not move.
 */
describe('recordedStatus', () => {
  it('falls back, for events without a recorded status, to the status the statechart reaches', async () => {
    const items = await demoGeneratorItems();
    let checked = 0;
    for (const generated of generateCaseHistories(300, {
      items,
      calendar: WorkingCalendar.create(),
      startDate: '2025-09-01',
      spanWorkingDays: 120,
      seed: 11,
    })) {
      let state: CaseState | null = null;
      for (const [index, stored] of generated.events.entries()) {
        const event = { type: stored.type, data: stored.data } as CaseEvent;
        const before = state?.status;
        state = evolve(state, event, index);
        const fallback = recordedStatus(event, null, () => before);
        const expected = fallback === undefined ? { status: before, stage: before?.split('.')[0] } : fallback;
        expect({ type: event.type, ...expected }).toEqual({
          type: event.type,
          status: state.status,
          stage: state.stage,
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('reads the status and stage the executor recorded, before any fallback', () => {
    const event = { type: 'case.Approved', data: {} } as unknown as CaseEvent;
    expect(recordedStatus(event, { status: 'delivery.issued', stage: 'delivery' })).toEqual({
      status: 'delivery.issued',
      stage: 'delivery',
    });
    expect(recordedStatus(event, null, () => 'backOffice.underReview')).toEqual({
      status: 'delivery.awaitingResult',
      stage: 'delivery',
    });
  });
});
