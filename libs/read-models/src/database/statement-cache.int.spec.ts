import { openReadModelDatabase } from './read-model-database.js';
import { cacheStatements } from './statement-cache.js';
import Database from 'better-sqlite3';

describe('the read-model connection prepares each SQL text once', () => {
  it('hands back the statement prepared before for the same text, in the default mode', () => {
    const db = openReadModelDatabase({ file: ':memory:' });
    db.exec("CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x'), (2, 'y')");
    const sql = 'SELECT a, b FROM t ORDER BY a';
    const plucked = db.prepare(sql).pluck();
    expect(plucked.all()).toEqual([1, 2]);
    // Another call site with the same text, not plucking, gets rows as objects.
    const again = db.prepare(sql);
    expect(again).toBe(plucked);
    expect(again.all()).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: 'y' },
    ]);
    expect(db.prepare(sql).raw().all()).toEqual([
      [1, 'x'],
      [2, 'y'],
    ]);
    expect(db.prepare(sql).expand().get()).toEqual({ t: { a: 1, b: 'x' } });
    expect(db.prepare(sql).get()).toEqual({ a: 1, b: 'x' });
    db.close();
  });

  it('keeps the most recently used texts and prepares an evicted one again', () => {
    const db = new Database(':memory:');
    cacheStatements(db, 2);
    const one = db.prepare('SELECT 1');
    const two = db.prepare('SELECT 2');
    expect(db.prepare('SELECT 1')).toBe(one); // now the most recent
    db.prepare('SELECT 3'); // evicts SELECT 2, the least recent
    expect(db.prepare('SELECT 1')).toBe(one);
    expect(db.prepare('SELECT 2')).not.toBe(two);
    db.close();
  });

  it('gives a fresh statement while an iterator still reads the cached one', () => {
    const db = new Database(':memory:');
    cacheStatements(db);
    db.exec('CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1), (2)');
    const sql = 'SELECT a FROM t ORDER BY a';
    const seen: number[] = [];
    const outer = db.prepare(sql);
    for (const row of outer.pluck().iterate() as Iterable<number>)
      seen.push(row, ...(db.prepare(sql).pluck().all() as number[]));
    expect(seen).toEqual([1, 1, 2, 2, 1, 2]);
    // The iterated statement stayed cached.
    expect(db.prepare(sql)).toBe(outer);
    db.close();
  });

  it('reads the recreated table after a rebuild drops and recreates it', () => {
    const db = openReadModelDatabase({ file: ':memory:' });
    db.exec('CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1)');
    const sql = 'SELECT * FROM t';
    expect(db.prepare(sql).all()).toEqual([{ a: 1 }]);
    db.exec('DROP TABLE t; CREATE TABLE t (a INTEGER, b INTEGER); INSERT INTO t VALUES (7, 8)');
    expect(db.prepare(sql).all()).toEqual([{ a: 7, b: 8 }]);
    db.close();
  });
});
