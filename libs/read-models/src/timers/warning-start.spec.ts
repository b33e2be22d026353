import { WorkingCalendar } from '@one-window/calendar';
import { warningStart } from './warning-start.js';
import { nameUuid } from '@one-window/shared';
import { timerCommand } from './timer-command.js';

const calendar = WorkingCalendar.create();

describe('when a decision due date turns yellow', () => {
  it('is the start (China time) of the first day with no more than N working days left', () => {
    // Due Friday 8 May 2026: 6, 7, 8 May are working days; 1–5 May are the Labour Day holiday.
    expect(warningStart(calendar, '2026-05-08', 3).toISOString()).toBe('2026-04-29T16:00:00.000Z');
    // Due Monday 16 March 2026: 12, 13, 16 March; the weekend before the 16th does not count.
    expect(warningStart(calendar, '2026-03-16', 3).toISOString()).toBe('2026-03-10T16:00:00.000Z');
    expect(warningStart(calendar, '2026-03-16', 0).toISOString()).toBe('2026-03-15T16:00:00.000Z');
  });

  it('falls back to the due day itself when the calendar does not cover the year', () => {
    const bare = WorkingCalendar.create([], { builtin: false });
    expect(warningStart(bare, '2026-03-16', 3).toISOString()).toBe('2026-03-15T16:00:00.000Z');
  });
});

describe('timer commands', () => {
  it('derive the same UUID from the same deadline, and a different one from another', () => {
    const id = nameUuid('timer', 'decision-overdue:c1:promised:2026-05-08');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nameUuid('timer', 'decision-overdue:c1:promised:2026-05-08')).toBe(id);
    expect(nameUuid('timer', 'decision-overdue:c1:promised:2026-05-11')).not.toBe(id);
  });

  it('are the case engine’s timer commands', () => {
    expect(timerCommand('deemed-acceptance', 'c1', '')).toEqual({ type: 'DeemAccepted', caseId: 'c1' });
    expect(timerCommand('decision-warning', 'c1', 'statutory')).toEqual({
      type: 'MarkDecisionWarning',
      caseId: 'c1',
      limit: 'statutory',
    });
    expect(timerCommand('rectification-overdue', 'c1', 'c1.o1')).toEqual({
      type: 'MarkObligationOverdue',
      obligationId: 'c1.o1',
      deadline: 'rectification',
    });
  });
});
