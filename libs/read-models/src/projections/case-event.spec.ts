import type { RecordedEvent } from '@one-window/event-store';
import { caseEventOrSkip } from './case-event.js';

const recorded = (streamName: string, type: string, position: number): RecordedEvent => ({
  id: `id-${position}`,
  type,
  data: {},
  metadata: { at: '2026-12-04T08:00:00.000Z' },
  streamName,
  streamRevision: position - 1,
  position,
  created: new Date('2026-12-04T09:00:00.000Z'),
});

describe('caseEventOrSkip', () => {
  it('narrows a case event once, whichever projection asks and in whatever order', () => {
    const first = recorded('case-A1', 'case.Withdrawn', 1);
    const second = recorded('case-B2', 'case.Withdrawn', 2);
    const a = caseEventOrSkip(first);
    expect(a).toMatchObject({ caseId: 'A1', revision: 0, position: 1, at: '2026-12-04T08:00:00.000Z' });
    expect(caseEventOrSkip(second)).toMatchObject({ caseId: 'B2', position: 2 });
    // Asked again after another event: the same answer, not one left over from the other event.
    expect(caseEventOrSkip(first)).toBe(a);
  });

  it('skips what is not a case event, every time it is asked', () => {
    const other = recorded('calendar-2026', 'calendar.YearPublished', 3);
    const unknown = recorded('case-C3', 'case.SomethingLater', 4);
    for (const event of [other, unknown, other]) expect(caseEventOrSkip(event)).toBeUndefined();
  });
});
