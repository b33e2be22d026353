/**
 * A due date moved by a special procedure (Law Art. 45, dates.ts): the working days after the
 * procedure's start up to and including its end do not count — on the due day itself, the day
 * before and the day after (docs/adr/0014-mutation-testing.md).
 */
import { calendar } from '../testing/fixtures.js';
import { decidingCalendar } from './calendar.js';
import { shiftedDueDate } from './dates.js';
import type { Now } from './decide-context.js';

const now = () => ({ calendar: decidingCalendar(calendar), today: '2026-03-20' }) as Now;

describe('Law Art. 45: a special procedure moves the due date by the working days it took', () => {
  it('started the day before the due date (Mon 03-16), ended Wed 03-18: two working days later', () => {
    expect(shiftedDueDate(now(), '2026-03-17', '2026-03-16', '2026-03-18')).toBe('2026-03-19');
  });

  it('started on the due day or the day after it rescues nothing', () => {
    expect(shiftedDueDate(now(), '2026-03-17', '2026-03-17', '2026-03-19')).toBe('2026-03-17');
    expect(shiftedDueDate(now(), '2026-03-17', '2026-03-18', '2026-03-19')).toBe('2026-03-17');
  });

  it('ended the day it started, or recorded as ending before it started, moves nothing', () => {
    expect(shiftedDueDate(now(), '2026-03-17', '2026-03-10', '2026-03-10')).toBe('2026-03-17');
    expect(shiftedDueDate(now(), '2026-03-17', '2026-03-10', '2026-03-06')).toBe('2026-03-17');
  });
});
