import { userInfo } from 'node:os';
import type { Command } from 'commander';
import {
  CalendarCoverageError,
  CalendarError,
  isExampleSchedule,
  readYearScheduleFile,
  type Reckoning,
  type WorkingCalendar,
  type YearCoverage,
} from '@one-window/calendar';
import { CalendarStore } from '@one-window/calendar/store';
import type { EventStore } from '@one-window/event-store';
import type { Actor } from '@one-window/shared';

/** What the calendar commands touch, so that tests run them on a real store and read their output. */
export interface CalendarCliDeps {
  openStore(): Promise<EventStore>;
  out(line: string): void;
  err(line: string): void;
}

/** Exit codes: 1 bad input, 2 the calendar does not cover a year the computation needs. */
export const EXIT_INVALID = 1;
export const EXIT_UNCOVERED = 2;

export interface DueOptions {
  readonly provisional?: boolean;
  readonly builtinOnly?: boolean;
}

export interface ImportOptions {
  readonly actor?: string;
  readonly allowExample?: boolean;
}

async function withCalendar<T>(
  deps: CalendarCliDeps,
  builtinOnly: boolean,
  use: (c: WorkingCalendar) => T,
): Promise<T> {
  if (builtinOnly) {
    const { WorkingCalendar } = await import('@one-window/calendar');
    return use(WorkingCalendar.create());
  }
  const store = await deps.openStore();
  try {
    return use(await new CalendarStore(store).calendar());
  } finally {
    await store.close();
  }
}

function describeSource(source: YearCoverage): string {
  return source.kind === 'loaded'
    ? `${source.year} (loaded: ${source.source})`
    : `${source.year} (${source.source})`;
}

/** Reports a calendar error and returns its exit code; anything else is rethrown. */
function failure(error: unknown, deps: CalendarCliDeps): number {
  if (error instanceof CalendarCoverageError) {
    // The CLI is the administrator's own tool: say which command loads the year.
    deps.err(`${error.message} Load the ${error.year} schedule with: one-window calendar import <file>`);
    return EXIT_UNCOVERED;
  }
  if (error instanceof CalendarError) {
    deps.err(error.message);
    return EXIT_INVALID;
  }
  throw error;
}

export async function calendarDue(
  start: string,
  workingDays: string,
  options: DueOptions,
  deps: CalendarCliDeps,
) {
  if (!/^\d{1,4}$/.test(workingDays)) {
    deps.err(`<working-days> must be a whole number of days, got ${JSON.stringify(workingDays)}`);
    return EXIT_INVALID;
  }
  const n = Number(workingDays);
  try {
    const result: Reckoning<string> = await withCalendar(deps, options.builtinOnly === true, (calendar) =>
      calendar.reckon((days) => days.addWorkingDays(start, n), { provisional: options.provisional === true }),
    );
    deps.out(result.value);
    deps.out(`${n} working days after ${start} (the start day not counted)`);
    deps.out(`calendar: ${result.sources.map(describeSource).join(', ') || 'no day needed'}`);
    if (result.provisional) {
      deps.out(
        `PROVISIONAL: no official schedule is loaded for ${result.uncoveredYears.join(', ')}; ` +
          'those days were counted Monday–Friday. Not for legal deadlines.',
      );
    }
    return 0;
  } catch (error) {
    return failure(error, deps);
  }
}

export async function calendarImport(file: string, options: ImportOptions, deps: CalendarCliDeps) {
  try {
    const schedule = await readYearScheduleFile(file);
    if (isExampleSchedule(schedule) && !options.allowExample) {
      deps.err(
        `${file} is marked as an example (its source says "${schedule.source.slice(0, 60)}…"): its dates are not ` +
          'official. Load the State Council’s schedule instead, or pass --allow-example for a test system.',
      );
      return EXIT_INVALID;
    }
    const userId = options.actor ?? `cli:${userInfo().username}`;
    const actor: Actor = { userId, name: userId, role: 'admin' };
    const store = await deps.openStore();
    try {
      const load = await new CalendarStore(store).loadYear(schedule, actor);
      deps.out(
        `loaded ${load.schedule.year}: ${load.schedule.holidays.length} holidays, ` +
          `${load.schedule.workingWeekends.length} make-up working days, from "${load.schedule.source}" ` +
          `(event at position ${load.position}, by ${userId})`,
      );
    } finally {
      await store.close();
    }
    return 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      deps.err(`cannot read ${file}: no such file`);
      return EXIT_INVALID;
    }
    return failure(error, deps);
  }
}

export async function calendarCoverage(options: Pick<DueOptions, 'builtinOnly'>, deps: CalendarCliDeps) {
  const coverage = await withCalendar(deps, options.builtinOnly === true, (calendar) => calendar.coverage());
  for (const year of coverage.byYear) deps.out(`${year.year}\t${year.kind}\t${year.source}`);
  return 0;
}

const consoleDeps: CalendarCliDeps = {
  openStore: async () => {
    const { createEventStore } = await import('@one-window/event-store');
    const { cliConfig } = await import('../config.js');
    return createEventStore(cliConfig().eventStore);
  },
  out: (line) => console.log(line),
  err: (line) => console.error(`one-window: ${line}`),
};

/** `one-window calendar due|import|coverage`: the working-day calendar (DOMAIN §5). */
export function registerCalendar(program: Command, deps: CalendarCliDeps = consoleDeps): void {
  const calendar = program
    .command('calendar')
    .description('the working-day calendar: chinese-days plus the years loaded into the event store');
  const exit = (code: number) => {
    if (code !== 0) process.exitCode = code;
  };

  calendar
    .command('due')
    .description('the date <working-days> working days after <start-date> (start day not counted)')
    .argument('<start-date>', 'YYYY-MM-DD, China time')
    .argument('<working-days>', 'whole number of working days')
    .option(
      '--provisional',
      'count years without an official schedule Monday–Friday, flagged, instead of failing',
    )
    .option('--builtin-only', 'use chinese-days alone, without the loaded years (does not open the store)')
    .action(async (start: string, days: string, options: DueOptions) =>
      exit(await calendarDue(start, days, options, deps)),
    );

  calendar
    .command('import')
    .description('validate a year file and load it into the store named by EVENTSTORE_URL / DATA_DIR')
    .argument(
      '<file>',
      'JSON: {year, holidays, workingWeekends, source, publishedAt?} (libs/calendar/data/README.md)',
    )
    .option('--actor <id>', 'who is loading it, for the audit trail (default cli:<login>)')
    .option('--allow-example', 'load a file marked EXAMPLE ONLY (test systems only)')
    .action(async (file: string, options: ImportOptions) => exit(await calendarImport(file, options, deps)));

  calendar
    .command('coverage')
    .description('the years the calendar covers and where each comes from')
    .option('--builtin-only', 'chinese-days alone, without the loaded years')
    .action(async (options: DueOptions) => exit(await calendarCoverage(options, deps)));
}
