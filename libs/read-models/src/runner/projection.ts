import type { RecordedEvent } from '@one-window/event-store';
import type { ReadModelDb } from '../database/read-model-database.js';

/**
 * Applies one event inside the runner's transaction. Running it twice must change nothing.
 * `flush`, when present, writes what the handler kept back for the batch (sums it adds up across
 * events, say): the runner calls it once per transaction, after the batch's last event and before
 * the checkpoints, so the rows and the checkpoint still commit together.
 */
export interface ProjectionHandler<E = RecordedEvent> {
  (event: E): void;
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
   * For a rebuild beside the read models (ProjectionRunner.rebuild): creates the projection's
   * tables as TEMP tables of this connection, the same columns in the same order, with only the
   * indexes its own statements look rows up by. Absent: a rebuild empties the tables in place.
   */
  migrateShadow?(db: ReadModelDb): void;
  /** Prepares statements against the (migrated) tables. */
  bind(db: ReadModelDb): ProjectionHandler;
}
