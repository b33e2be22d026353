import { chinaDayStart, addNaturalDays, type WorkingDays } from '@one-window/calendar';

/**
 * The instant a decision due date turns yellow: the start of the earliest day from which at most
 * `workingDays` working days remain (the decider refuses a warning sent earlier). With an
 * uncovered year in the way the warning falls back to the due day itself — later, never earlier.
 */
export function warningStart(calendar: WorkingDays, due: string, workingDays: number): Date {
  try {
    let day = due;
    let counted = 0;
    // (day, due] holds `counted` working days; stop when it holds exactly `workingDays`.
    while (counted < workingDays) {
      if (calendar.isWorkingDay(day)) counted++;
      day = addNaturalDays(day, -1);
    }
    // Days off just before that window still leave only `workingDays` ahead.
    while (!calendar.isWorkingDay(day)) day = addNaturalDays(day, -1);
    return chinaDayStart(day);
  } catch {
    return chinaDayStart(due);
  }
}
