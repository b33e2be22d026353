import type { RecordedEvent } from '@one-window/event-store';
import type { ReadModelDb } from '../database/read-model-database.js';

/**
 * Applies one event inside the runner's transaction. Running it twice must change nothing.
 * `flush`, when present, writes what the handler kept back for the batch (sums it adds up across
 * events, say): the runner calls it once per transaction, after the batch's last event and before
 * the checkpoints, so the rows and the checkpoint still commit together.
 */
export interface ProjectionHandler {
  (event: RecordedEvent): void;
  flush?(): void;
}

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
  /**
   * For a rebuild from zero: creates the tables with only the indexes the projection's own writes
   * (and the queries that name an index) need, and returns the DDL of the others — the runner
   * creates those once the rebuild has caught up with the log (bulk load, then index: ADR 9).
   * Absent: a rebuild migrates everything first.
   */
  migrateForRebuild?(db: ReadModelDb): readonly string[];
  /** Prepares statements against the (migrated) tables. */
  bind(db: ReadModelDb): ProjectionHandler;
}
