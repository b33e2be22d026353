import type Database from 'better-sqlite3';

/** How many distinct SQL texts a read-model connection keeps prepared (least recently used go first). */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * Makes `db.prepare(sql)` return the statement prepared for the same text before, instead of
 * compiling it again: the read queries build their SQL per request (filters, scope, cursor), and
 * compiling it was ~9 % of the server's CPU under a read load at 100k cases (ADR 11, the profile
 * of 3 December). A statement keeps its result mode, so a cached one is handed back in the default
 * mode (objects, not plucked or raw) — a call site that plucks says so each time, as it does
 * today. SQLite recompiles a prepared statement by itself when the schema changes (a rebuild drops
 * and recreates the tables), so a cached statement never reads a dropped table.
 */
export function cacheStatements(db: Database.Database, size: number = STATEMENT_CACHE_SIZE): void {
  const prepare = db.prepare.bind(db) as (source: string) => Database.Statement;
  const cache = new Map<string, Database.Statement>();
  const cached = (source: string): Database.Statement => {
    let statement = cache.get(source);
    if (statement === undefined) {
      statement = prepare(source);
      if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    } else {
      if (statement.busy) return prepare(source); // an iterator still reads it: a fresh one
      cache.delete(source); // re-inserted below: the Map's order is the recency order
      // Back to the default mode (each call clears its own mode only).
      if (statement.reader) statement.pluck(false).expand(false).raw(false);
    }
    cache.set(source, statement);
    return statement;
  };
  db.prepare = cached as Database.Database['prepare'];
}
