import { readFile } from 'node:fs/promises';
import { InvalidYearScheduleError } from '../errors.js';
import { parseYearSchedule, type YearSchedule } from '../year-schedule.js';

/** Sample files say so in their `source`; loading one by mistake would put invented holidays into legal deadlines. */
export const EXAMPLE_MARK = 'EXAMPLE ONLY';

export function isExampleSchedule(schedule: YearSchedule): boolean {
  return schedule.source.trimStart().toUpperCase().startsWith(EXAMPLE_MARK);
}

/** Reads and validates a year file (format: libs/calendar/data/README.md). */
export async function readYearScheduleFile(path: string): Promise<YearSchedule> {
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidYearScheduleError(undefined, [`${path} is not valid JSON: ${(error as Error).message}`]);
  }
  return parseYearSchedule(json);
}
