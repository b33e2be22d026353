/**
 * ADR 12's recount, at its edges: nothing to recount gives no event at all, and an approved
 * result already issued has no Art. 44 issue deadline left to count again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkingCalendar, type YearSchedule } from '@one-window/calendar';
import { calendar, clerk, system } from '../testing/fixtures.js';
import { approvedBeforeTheYearEnds, at } from '../testing/scenarios.js';
import { resolveNow } from './decide-context.js';
import { recalculate } from './decide-recalculation.js';

const SCHEDULE_2027 = JSON.parse(
  readFileSync(join(process.cwd(), 'libs/calendar/data/2027.example.json'), 'utf8'),
) as YearSchedule;

const approved = approvedBeforeTheYearEnds;

describe('ADR 12: what a recount leaves alone', () => {
  it('a case whose guessed years are still not loaded: no event, not an empty recount', () => {
    const d = approved();
    expect(d.current.context.provisionalYears).toEqual([2027]);
    const now = resolveNow({ now: new Date(at('2026-12-29')), actor: system, calendar });
    expect(recalculate(d.current, now)).toEqual([]);
  });

  it('Art. 44: once the result is issued its issue deadline is not counted again', () => {
    const d = approved().given([
      clerk,
      { type: 'IssueResult', caseId: 'c1', certificateNumber: 'GT-0001', electronic: true },
      at('2026-12-29'),
    ]);
    expect(d.current.status).toBe('delivery.issued');
    expect(d.current.context.provisionalYears).toEqual([2027]);
    const now = resolveNow({
      now: new Date(at('2026-12-30')),
      actor: system,
      calendar: WorkingCalendar.create([SCHEDULE_2027]),
    });
    const [event] = recalculate(d.current, now);
    expect(event).toMatchObject({ type: 'case.DeadlinesRecalculated', data: { years: [2027], changes: [] } });
  });
});
