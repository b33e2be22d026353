import type { ReadModelDb } from '../database/read-model-database.js';
import type { Projection, ProjectionHandler } from '../runner/projection.js';
import { type ProjectedCaseEvent, caseEventOrSkip } from './case-event.js';

/** What one case event does to the tables; `flush` writes what it kept back for the batch. */
export interface CaseEventHandler {
  (event: ProjectedCaseEvent): void;
  flush?(): void;
}

export interface CaseProjectionDefinition {
  readonly name: string;
  readonly version: number;
  readonly tables: readonly string[];
  /** The tables and indexes; each `CREATE INDEX` statement ends with `;` (splitIndexes reads them). */
  readonly schema: string;
  /**
   * The indexes a rebuild must have while it runs: those the projection's own statements look
   * rows up by, and those a query names (INDEXED BY, which fails without its index). Every other
   * `CREATE INDEX` is created after the rebuild has caught up.
   */
  readonly rebuildIndexes?: readonly string[];
  /** Prepares statements; returns what one case event does to the tables. */
  readonly bind: (db: ReadModelDb) => CaseEventHandler;
}

/** The schema without the `CREATE INDEX` statements not named in `keep`, and those statements. */
export function splitIndexes(
  schema: string,
  keep: readonly string[],
): { readonly schema: string; readonly deferred: readonly string[] } {
  const deferred: string[] = [];
  const rest = schema.replace(/CREATE INDEX IF NOT EXISTS (\w+)\b[^;]*;/g, (statement, name: string) => {
    if (keep.includes(name)) return statement;
    deferred.push(statement);
    return '';
  });
  return { schema: rest, deferred };
}

/** A projection over case streams only: the SQL schema plus a handler of narrowed case events. */
export function caseProjection(definition: CaseProjectionDefinition): Projection {
  const forRebuild = splitIndexes(definition.schema, definition.rebuildIndexes ?? []);
  return {
    name: definition.name,
    version: definition.version,
    tables: definition.tables,
    migrate: (db) => db.exec(definition.schema),
    migrateForRebuild: (db) => {
      db.exec(forRebuild.schema);
      return forRebuild.deferred;
    },
    bind: (db): ProjectionHandler => {
      const apply = definition.bind(db);
      const handler: ProjectionHandler = (recorded) => {
        const event = caseEventOrSkip(recorded);
        if (event) apply(event);
      };
      if (apply.flush) handler.flush = () => apply.flush?.();
      return handler;
    },
  };
}
