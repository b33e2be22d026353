import type { RecordedEvent } from '@one-window/event-store';
import type { ReadModelDb } from '../database/read-model-database.js';

/** Applies one event inside the runner's transaction. Running it twice must change nothing. */
export type ProjectionHandler = (event: RecordedEvent) => void;

/**
 * One read model: the tables it owns and how an event changes them. Each row it writes carries
 * the stream revision (or log position) of the last event that touched it, and an update only
 * applies when the event is newer — so an event delivered twice is a no-op.
 */
export interface Projection {
  readonly name: string;
  /** Bump when the tables or the logic change: a stored older version is rebuilt at start. */
  readonly version: number;
  /** Every table the projection owns; all are dropped when it is rebuilt. */
  readonly tables: readonly string[];
  /** Creates the tables and indexes if they are missing. */
  migrate(db: ReadModelDb): void;
  /** Prepares statements against the (migrated) tables. */
  bind(db: ReadModelDb): ProjectionHandler;
}
