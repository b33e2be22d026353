import type { ReadModelDb } from '../database/read-model-database.js';
import type { Projection, ProjectionHandler } from '../runner/projection.js';
import { type ProjectedCaseEvent, caseEventOrSkip } from './case-event.js';

export interface CaseProjectionDefinition {
  readonly name: string;
  readonly version: number;
  readonly tables: readonly string[];
  readonly schema: string;
  /** Prepares statements; returns what one case event does to the tables. */
  readonly bind: (db: ReadModelDb) => (event: ProjectedCaseEvent) => void;
}

/** A projection over case streams only: the SQL schema plus a handler of narrowed case events. */
export function caseProjection(definition: CaseProjectionDefinition): Projection {
  return {
    name: definition.name,
    version: definition.version,
    tables: definition.tables,
    migrate: (db) => db.exec(definition.schema),
    bind: (db): ProjectionHandler => {
      const apply = definition.bind(db);
      return (recorded) => {
        const event = caseEventOrSkip(recorded);
        if (event) apply(event);
      };
    },
  };
}
