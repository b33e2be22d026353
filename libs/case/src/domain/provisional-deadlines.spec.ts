/**
 * Law Art. 32 and 42 over a year without an official holiday schedule (ADR 12): given a case
 * accepted on Monday 21 December 2026 with no 2027 schedule loaded, the deadlines are counted
 * Monday–Friday and flagged provisional; when 2027 is loaded, RecalculateDeadlines counts them again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkingCalendar, type YearSchedule } from '@one-window/calendar';
import { CaseDriver } from '../testing/case-driver.js';
import { application, clerk, system } from '../testing/fixtures.js';
import { at } from '../testing/scenarios.js';

const SCHEDULE_2027 = JSON.parse(
  readFileSync(join(process.cwd(), 'libs/calendar/data/2027.example.json'), 'utf8'),
) as YearSchedule;

const acceptedBeforeTheYearIsLoaded = () =>
  new CaseDriver().given(
    [clerk, application(), at('2026-12-21')],
    [clerk, { type: 'AcceptCase', caseId: 'c1' }, at('2026-12-21')],
  );

describe('Law Art. 42 across a year with no official schedule yet (ADR 12)', () => {
  it('accepts, counting 2027 Monday–Friday, and says which year the due dates guessed', () => {
    const d = acceptedBeforeTheYearIsLoaded();
    const accepted = d.events.find((e) => e.type === 'case.Accepted');
    expect(accepted?.data).toMatchObject({
      statutoryDueDate: '2027-01-18',
      promisedDueDate: '2027-01-04',
      provisional: { years: [2027] },
    });
    // The first step's 5 working days end on 31 December: counted on the official 2026 schedule.
    expect(d.events.find((e) => e.type === 'case.TaskCreated')?.data).not.toHaveProperty('provisional');
    expect(d.current.context.provisionalYears).toEqual([2027]);
  });

  it('a recalculation before the year is loaded decides nothing', () => {
    const d = acceptedBeforeTheYearIsLoaded();
    expect(d.send(system, { type: 'RecalculateDeadlines', caseId: 'c1' }, at('2026-12-28'))).toEqual([]);
  });

  it('once 2027 is loaded, counts every open deadline again: old → new, with the calendar used, once', () => {
    const d = acceptedBeforeTheYearIsLoaded();
    d.calendar = WorkingCalendar.create([SCHEDULE_2027]);
    const [event] = d.send(system, { type: 'RecalculateDeadlines', caseId: 'c1' }, at('2026-12-28'));
    expect(event).toMatchObject({
      type: 'case.DeadlinesRecalculated',
      data: {
        years: [2027],
        calendar: [{ year: 2027, kind: 'loaded', source: SCHEDULE_2027.source }],
        recalculatedOn: '2026-12-28',
        changes: expect.arrayContaining([
          // 1 January 2027 is New Year's Day: each date moves one working day later.
          { deadline: 'statutory', from: '2027-01-18', to: '2027-01-19' },
          { deadline: 'promised', from: '2027-01-04', to: '2027-01-05' },
        ]),
      },
    });
    expect(d.current.context).toMatchObject({
      statutoryDueDate: '2027-01-19',
      promisedDueDate: '2027-01-05',
      provisionalYears: [],
    });
    expect(d.send(system, { type: 'RecalculateDeadlines', caseId: 'c1' }, at('2026-12-29'))).toEqual([]);
  });

  it('only the scheduler sends it', () => {
    const d = acceptedBeforeTheYearIsLoaded();
    expect(d.error(clerk, { type: 'RecalculateDeadlines', caseId: 'c1' }).code).toBe('forbidden');
  });
});
