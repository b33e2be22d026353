import type { Statement } from 'better-sqlite3';
import type { ReadModelDb } from '../database/read-model-database.js';

export type SqlValue = string | number | null;
export type Patch = Record<string, SqlValue>;

/**
 * Updates a row only when the event is newer than the row (`revision < ?`), which is what makes
 * a projection idempotent. Statements are prepared once per set of columns and bound by position.
 */
export class RowPatcher {
  private readonly statements = new Map<string, Statement<SqlValue[]>>();

  constructor(
    private readonly db: ReadModelDb,
    private readonly table: string,
    private readonly keys: readonly string[],
  ) {}

  /** Returns true when the row was changed. */
  patch(key: readonly SqlValue[], revision: number, changes: Patch): boolean {
    const columns = Object.keys(changes);
    const signature = columns.join(',');
    let statement = this.statements.get(signature);
    if (!statement) {
      const sets = columns.map((c) => `"${c}" = ?`);
      sets.push('revision = ?');
      const where = this.keys.map((k) => `"${k}" = ?`).join(' AND ');
      statement = this.db.prepare<SqlValue[]>(
        `UPDATE "${this.table}" SET ${sets.join(', ')} WHERE ${where} AND revision < ?`,
      );
      this.statements.set(signature, statement);
    }
    const values = Object.values(changes);
    values.push(revision);
    for (const k of key) values.push(k);
    values.push(revision);
    return statement.run(...values).changes > 0;
  }
}
