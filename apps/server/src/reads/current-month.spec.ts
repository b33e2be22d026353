import { currentMonth } from './queue-reads.controller.js';

describe('the default statistics period: the current month in China time', () => {
  it('runs from the 1st to the month’s last day, in leap and common years and across December', () => {
    expect(currentMonth(new Date('2026-12-02T03:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(currentMonth(new Date('2028-02-10T03:00:00Z'))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(currentMonth(new Date('2027-02-10T03:00:00Z'))).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });
  it('is China’s month: 31 January 16:30 UTC is already February in Hohhot', () => {
    expect(currentMonth(new Date('2026-01-31T16:30:00Z'))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
});
