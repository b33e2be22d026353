import type { ReadModelDb } from '../database/read-model-database.js';
import type { ProjectedCaseEvent } from './case-event.js';

const CACHE_LIMIT = 50_000;

/**
 * Case ids are random UUIDs: a B-tree keyed by them takes every new case on a random page. The
 * read models key their rows by the case's *key* instead — the log position of its
 * `case.Received` — which grows with time, so new rows land at the end of every table and a
 * batch writes few pages. `case_keys` maps id → key; it is derived from the log alone (the same
 * on every rebuild) and shared by all read models, so no projection drops it.
 */
export class CaseKeys {
  private readonly insert;
  private readonly select;
  private readonly cache = new Map<string, number>();
  private lastId: string | undefined;
  private lastKey: number | undefined;

  private constructor(db: ReadModelDb) {
    db.exec(
      'CREATE TABLE IF NOT EXISTS case_keys (case_id TEXT PRIMARY KEY, k INTEGER NOT NULL) WITHOUT ROWID',
    );
    this.insert = db.prepare<[string, number]>(
      'INSERT INTO case_keys (case_id, k) VALUES (?, ?) ON CONFLICT DO NOTHING',
    );
    this.select = db.prepare<[string], number>('SELECT k FROM case_keys WHERE case_id = ?').pluck();
  }

  private static readonly instances = new WeakMap<ReadModelDb, CaseKeys>();

  static for(db: ReadModelDb): CaseKeys {
    let keys = CaseKeys.instances.get(db);
    if (!keys) CaseKeys.instances.set(db, (keys = new CaseKeys(db)));
    return keys;
  }

  /** The key of the event's case; undefined when its `case.Received` was never seen. */
  of(e: ProjectedCaseEvent): number | undefined {
    if (e.event.type === 'case.Received') {
      this.insert.run(e.caseId, e.position);
      this.remember(e.caseId, e.position);
      return e.position;
    }
    return this.lookup(e.caseId);
  }

  lookup(caseId: string): number | undefined {
    // A case's events come in runs: the last answer is the likeliest.
    if (caseId === this.lastId) return this.lastKey;
    let k = this.cache.get(caseId);
    if (k === undefined) k = this.select.get(caseId);
    if (k !== undefined) this.remember(caseId, k);
    return k;
  }

  private remember(caseId: string, k: number): void {
    // Memory stays bounded: an evicted key is one indexed read away.
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(caseId, k);
    this.lastId = caseId;
    this.lastKey = k;
  }
}
