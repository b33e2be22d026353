import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { serializeAppend } from '../port/validation.js';
import { GroupWriter } from './group-writer.js';
import { openDatabase } from './open-database.js';
import type { AppendRequest } from './writer-protocol.js';

describe('GroupWriter: one transaction per group, each append all or nothing', () => {
  let dir: string;
  let db: Database.Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'one-window-group-'));
    db = openDatabase(join(dir, 'events.sqlite'), { synchronous: 'NORMAL', busyTimeoutMs: 0 });
    // An insert that fails half-way through an append: its first event is already in the table.
    db.exec(
      "CREATE TRIGGER boom BEFORE INSERT ON events WHEN NEW.type = 'test.Boom' BEGIN SELECT RAISE(ABORT, 'boom'); END",
    );
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let id = 0;
  const request = (
    streamName: string,
    types: string[],
    expected: AppendRequest['expected'] = 'any',
  ): AppendRequest => ({
    id: ++id,
    streamName,
    expected,
    batch: serializeAppend(types.map((type, n) => ({ type, data: { n } }))),
  });
  const rows = () =>
    db.prepare('SELECT stream_name, stream_revision, type FROM events ORDER BY position').raw().all();

  it('rolls back an append that fails half-way, alone, and commits the others of its group', () => {
    const answers = new GroupWriter(db).commit([
      request('a', ['test.One']),
      request('b', ['test.Two', 'test.Boom']),
      request('a', ['test.Three'], 0),
      request('c', ['test.Four'], 'no_stream'),
    ]);
    expect(answers.map((a) => a.kind)).toEqual(['written', 'failed', 'written', 'written']);
    expect(answers[1]).toMatchObject({ kind: 'failed', message: expect.stringContaining('boom') });
    expect(rows()).toEqual([
      ['a', 0, 'test.One'],
      ['a', 1, 'test.Three'],
      ['c', 0, 'test.Four'],
    ]);
  });

  it('checks each expected revision against the appends before it in the same group', () => {
    const answers = new GroupWriter(db).commit([
      request('s', ['test.A'], 'no_stream'),
      request('s', ['test.B'], 'no_stream'),
      request('s', ['test.C', 'test.D'], 0),
      request('s', ['test.E'], 0),
    ]);
    expect(answers).toEqual([
      expect.objectContaining({ kind: 'written', firstRevision: 0, count: 1 }),
      expect.objectContaining({ kind: 'wrong-revision', actual: 0 }),
      expect.objectContaining({ kind: 'written', firstRevision: 1, count: 2 }),
      expect.objectContaining({ kind: 'wrong-revision', actual: 2 }),
    ]);
    const [first, , third] = answers as { firstPosition: number }[];
    expect(third.firstPosition).toBe(first.firstPosition + 1);
  });

  it('fails the whole group when its commit cannot happen, writing nothing', () => {
    // A deferred foreign key that the second append breaks: checked only at COMMIT.
    db.pragma('foreign_keys = ON');
    db.exec(`
      CREATE TABLE parent (id INTEGER PRIMARY KEY);
      CREATE TABLE child (parent INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER orphan AFTER INSERT ON events WHEN NEW.type = 'test.Orphan'
        BEGIN INSERT INTO child VALUES (42); END;
    `);
    const answers = new GroupWriter(db).commit([request('x', ['test.A']), request('y', ['test.Orphan'])]);
    expect(answers.map((a) => a.kind)).toEqual(['failed', 'failed']);
    expect(answers[0]).toMatchObject({ message: expect.stringContaining('the commit failed') });
    expect(rows()).toEqual([]);
  });
});
