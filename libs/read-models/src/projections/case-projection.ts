import type { ReadModelDb } from '../database/read-model-database.js';
import type { Projection, ProjectionHandler } from '../runner/projection.js';
import { type ProjectedCaseEvent, caseEventOrSkip } from './case-event.js';

/** What one case event does to the tables; `flush` writes what it kept back for the batch. */
export type CaseEventHandler = ProjectionHandler<ProjectedCaseEvent>;

export interface CaseProjectionDefinition {
  readonly name: string;
  readonly version: number;
  readonly tables: readonly string[];
  /** The tables and indexes; each statement ends with `;` (shadowSchema reads them). */
  readonly schema: string;
  /**
   * The indexes a rebuild's TEMP tables need (shadowSchema): those the projection's own statements
   * look rows up by. The query indexes stay on the real tables only.
   */
  readonly rebuildIndexes?: readonly string[];
  /** Prepares statements; returns what one case event does to the tables. */
  readonly bind: (db: ReadModelDb) => CaseEventHandler;
}

/**
 * The schema as TEMP tables (ProjectionRunner's rebuild beside the read models): each table
 * `CREATE TEMP TABLE`, only the indexes named in `keep` (created in the temp schema), no DROP.
 */
export function shadowSchema(schema: string, keep: readonly string[]): string {
  return schema
    .replace(/CREATE TABLE IF NOT EXISTS /g, 'CREATE TEMP TABLE IF NOT EXISTS ')
    .replace(/DROP INDEX IF EXISTS \w+;/g, '')
    .replace(/CREATE INDEX IF NOT EXISTS (\w+)\b[^;]*;/g, (statement, name: string) =>
      keep.includes(name) ? statement.replace(`EXISTS ${name}`, `EXISTS temp.${name}`) : '',
    );
}

/** A projection over case streams only: the SQL schema plus a handler of narrowed case events. */
export function caseProjection(definition: CaseProjectionDefinition): Projection {
  const shadow = shadowSchema(definition.schema, definition.rebuildIndexes ?? []);
  return {
    name: definition.name,
    version: definition.version,
    tables: definition.tables,
    migrate: (db) => db.exec(definition.schema),
    migrateShadow: (db) => db.exec(shadow),
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
