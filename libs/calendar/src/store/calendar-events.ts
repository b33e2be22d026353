import type { Actor } from '@one-window/shared';
import type { YearSchedule } from '../year-schedule.js';

/** The administrators' calendar loads, in load order: the audit trail of every schedule ever used. */
export const CALENDAR_STREAM = 'calendar-years';

export const YEAR_LOADED = 'calendar.YearLoaded' as const;

export interface YearLoadedMetadata {
  readonly actor: Actor;
  /** ISO 8601 instant of the load. */
  readonly at: string;
}

export interface YearLoadedEvent {
  readonly type: typeof YEAR_LOADED;
  readonly data: YearSchedule;
  readonly metadata: YearLoadedMetadata;
}

/** One load as read back from the store. */
export interface YearLoad {
  readonly schedule: YearSchedule;
  readonly actor: Actor;
  readonly at: string;
  readonly streamRevision: number;
  readonly position: number;
}
