import type { ReadModelDb } from '../database/read-model-database.js';

/** Every row of the given tables in key order: two dumps are equal exactly when the read models are. */
export function tableDump(db: ReadModelDb, tables: readonly string[]): Record<string, unknown[]> {
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) dump[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all();
  return dump;
}
