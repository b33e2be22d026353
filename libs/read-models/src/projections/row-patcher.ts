import type { Statement } from 'better-sqlite3';
import type { ReadModelDb } from '../database/read-model-database.js';

export type SqlValue = string | number | null;
export type Patch = Readonly<Record<string, SqlValue>>;

/**
 * Updates a row only when the event is newer than the row (`revision < ?`), which is what makes
 * a projection idempotent. Statements are prepared once per set of columns.
 */
export class RowPatcher {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: ReadModelDb,
    private readonly table: string,
    private readonly key: string,
  ) {}

  /** Returns true when the row was changed. */
  patch(id: string, revision: number, changes: Patch): boolean {
    const columns = Object.keys(changes);
    const signature = columns.join(',');
    let statement = this.statements.get(signature);
    if (!statement) {
      const sets = columns.map((c) => `"${c}" = @${c}`);
      sets.push('revision = @__revision');
      statement = this.db.prepare(
        `UPDATE "${this.table}" SET ${sets.join(', ')} WHERE "${this.key}" = @__id AND revision < @__revision`,
      );
      this.statements.set(signature, statement);
    }
    return statement.run({ ...changes, __id: id, __revision: revision }).changes > 0;
  }
}
