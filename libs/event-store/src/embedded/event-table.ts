import type Database from 'better-sqlite3';
import type { EventFilter } from '../port/types.js';
import type { StoredEventRef } from './append-decision.js';
import { EVENT_COLUMNS, EVENT_COLUMNS_UNCHAINED, type StoredEvent } from './stored-event.js';

type Statement = Database.Statement<unknown[], unknown>;
type RawHead = [string, number, number, string, Buffer | null];

/**
 * Streams per page of streamHeads(). Each page is one query on the event loop (the anchorer reads
 * every head at start, yielding between pages): 1,000 streams held requests up to ~130–230 ms on a
 * loaded host during a cold start's catch-up (ADR 9); 250 keep a page to a quarter of that.
 */
export const STREAM_HEADS_PAGE = 250;

/** A stream's last event as the anchorer needs it: no data, no metadata. */
export interface StreamHeadRow {
  readonly streamName: string;
  readonly revision: number;
  readonly position: number;
  /** The event's chain hash, null before the chain started. */
  readonly chain: Buffer | null;
}

/**
 * Distinct LIMIT values that get a statement of their own. A LIMIT bound as a parameter costs
 * ~20 µs per run (measured with better-sqlite3 12: 22 µs against 4.6 µs for the same query with a
 * literal LIMIT, and 3.6 µs without one), which was most of a case stream's read; counts beyond
 * these few fall back to the bound form.
 */
const LITERAL_LIMITS = 64;

/** One query in three forms: without LIMIT, with a literal one (a few values), with a bound one. */
class LimitedQuery {
  private readonly unlimited: Statement;
  private readonly bound: Statement;
  private readonly literal = new Map<number, Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly sql: string,
  ) {
    this.unlimited = db.prepare(sql).raw();
    this.bound = db.prepare(`${sql} LIMIT ?`).raw();
  }

  all(params: readonly unknown[], limit: number | undefined): unknown[] {
    if (limit === undefined) return this.unlimited.all(...params);
    let statement = this.literal.get(limit);
    if (statement === undefined) {
      if (this.literal.size >= LITERAL_LIMITS || !Number.isSafeInteger(limit) || limit < 0) {
        return this.bound.all(...params, limit);
      }
      statement = this.db.prepare(`${this.sql} LIMIT ${limit}`).raw();
      this.literal.set(limit, statement);
    }
    return statement.all(...params);
  }
}

/** Every query the store runs, prepared once; reads come back as raw rows (arrays), which is faster. */
export class EventTable {
  private readonly insertEvent: Statement;
  private readonly lastRevision: Statement;
  private readonly lastChain: Statement | undefined;
  private readonly refAt: Statement;
  private readonly refById: Statement;
  private readonly forwards: LimitedQuery;
  private readonly backwards: LimitedQuery;
  private readonly anyInStream: Statement;
  private readonly head: Statement;
  private readonly maxPosition: Statement;
  private readonly headsAfter: Statement;
  private readonly lastOrdinary: Statement;
  /** readAll queries by filter shape ("none", "stream:2", "type:1", ...). */
  private readonly logReads = new Map<string, LimitedQuery>();

  private readonly columns: string;

  /** `chained` false only for a schema-1 file opened read-only (it has no chain column). */
  constructor(
    private readonly db: Database.Database,
    chained = true,
  ) {
    const columns = (this.columns = chained ? EVENT_COLUMNS : EVENT_COLUMNS_UNCHAINED);
    this.insertEvent = db.prepare(
      chained
        ? 'INSERT INTO events (position, stream_name, stream_revision, event_id, type, data, metadata, created, chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
        : 'INSERT INTO events (stream_name, stream_revision, event_id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.lastChain = chained
      ? db
          .prepare(
            'SELECT stream_revision, chain FROM events WHERE stream_name = ? ORDER BY stream_revision DESC LIMIT 1',
          )
          .raw()
      : undefined;
    this.lastRevision = db
      .prepare(
        'SELECT stream_revision FROM events WHERE stream_name = ? ORDER BY stream_revision DESC LIMIT 1',
      )
      .pluck();
    this.refAt = db
      .prepare(
        'SELECT event_id, stream_revision, position FROM events WHERE stream_name = ? AND stream_revision = ?',
      )
      .raw();
    this.refById = db
      .prepare(
        'SELECT event_id, stream_revision, position FROM events WHERE stream_name = ? AND event_id = ? ORDER BY stream_revision DESC LIMIT 1',
      )
      .raw();
    this.forwards = new LimitedQuery(
      db,
      `SELECT ${columns} FROM events WHERE stream_name = ? AND stream_revision >= ? ORDER BY stream_revision`,
    );
    this.backwards = new LimitedQuery(
      db,
      `SELECT ${columns} FROM events WHERE stream_name = ? AND stream_revision <= ? ORDER BY stream_revision DESC`,
    );
    this.maxPosition = db.prepare('SELECT max(position) FROM events').pluck();
    // Each stream's last event, a page of streams by name: the grouping walks events_by_stream
    // (stream_name, stream_revision) alone, then one row per stream is read.
    const chainOf = (table: string): string => (chained ? `${table}.chain` : 'NULL');
    this.headsAfter = db
      .prepare(
        `SELECT e.stream_name, e.stream_revision, e.position, e.type, ${chainOf('e')} FROM
           (SELECT stream_name, max(stream_revision) AS revision FROM events WHERE stream_name > ?
            GROUP BY stream_name ORDER BY stream_name LIMIT ${STREAM_HEADS_PAGE}) h
         JOIN events e ON e.stream_name = h.stream_name AND e.stream_revision = h.revision
         ORDER BY e.stream_name`,
      )
      .raw();
    this.lastOrdinary = db
      .prepare(
        `SELECT stream_name, stream_revision, position, type, ${chainOf('events')} FROM events
         WHERE stream_name = ? AND substr(type, 1, 1) <> '$' ORDER BY stream_revision DESC LIMIT 1`,
      )
      .raw();
    this.anyInStream = db.prepare('SELECT 1 FROM events WHERE stream_name = ? LIMIT 1').pluck();
    this.head = db
      .prepare("SELECT position FROM events WHERE substr(type, 1, 1) <> '$' ORDER BY position DESC LIMIT 1")
      .pluck();
  }

  /** Revision of the stream's last event, -1 when it has none. */
  currentRevision(streamName: string): number {
    return (this.lastRevision.get(streamName) as number | undefined) ?? -1;
  }

  /** The stream's last revision (-1 when it has none) and that event's chain (null before the chain started). */
  streamHead(streamName: string): { revision: number; chain: Buffer | null } {
    const row = this.lastChain!.get(streamName) as [number, Buffer | null] | undefined;
    return row === undefined ? { revision: -1, chain: null } : { revision: row[0], chain: row[1] };
  }

  eventAt(streamName: string, revision: number): StoredEventRef | undefined {
    return toRef(this.refAt.get(streamName, revision));
  }

  findById(streamName: string, id: string): StoredEventRef | undefined {
    return toRef(this.refById.get(streamName, id));
  }

  /** Position of the last row, system events included; 0 for an empty log. */
  lastPosition(): number {
    return (this.maxPosition.get() as number | null) ?? 0;
  }

  /** Inserts one event at `position` (one past lastPosition()). */
  insert(
    position: number,
    streamName: string,
    revision: number,
    id: string,
    type: string,
    data: string,
    metadata: string | null,
    created: number,
    chain: Buffer,
  ): void {
    this.insertEvent.run(position, streamName, revision, id, type, data, metadata, created, chain);
  }

  readForwards(streamName: string, fromRevision: number, maxCount: number | undefined): StoredEvent[] {
    return this.forwards.all([streamName, fromRevision], maxCount) as StoredEvent[];
  }

  readBackwards(streamName: string, fromRevision: number, maxCount: number | undefined): StoredEvent[] {
    return this.backwards.all([streamName, fromRevision], maxCount) as StoredEvent[];
  }

  /**
   * The last event of each stream named after `after` (a page of at most STREAM_HEADS_PAGE
   * streams, by name), system events left out as readLog leaves them out.
   */
  streamHeads(after: string): StreamHeadRow[] {
    const rows = this.headsAfter.all(after) as RawHead[];
    const heads: StreamHeadRow[] = [];
    for (const row of rows) {
      // A system event on top (rare): the stream's head is its last ordinary event, if any.
      const head = row[3].startsWith('$') ? (this.lastOrdinary.get(row[0]) as RawHead | undefined) : row;
      if (head !== undefined)
        heads.push({ streamName: head[0], revision: head[1], position: head[2], chain: head[4] });
    }
    return heads;
  }

  streamExists(streamName: string): boolean {
    return this.anyInStream.get(streamName) !== undefined;
  }

  headPosition(): number | null {
    return (this.head.get() as number | undefined) ?? null;
  }

  /** Events at or after `fromPosition`, in log order, system events left out, filtered. */
  readLog(
    fromPosition: number,
    maxCount: number | undefined,
    filter: EventFilter | undefined,
  ): StoredEvent[] {
    const prefixes = filter?.streamNamePrefixes ?? filter?.eventTypePrefixes ?? [];
    return this.logQuery(filter).all(
      [fromPosition, ...prefixes.flatMap((p) => [p, p])],
      maxCount,
    ) as StoredEvent[];
  }

  private logQuery(filter: EventFilter | undefined): LimitedQuery {
    const column =
      filter === undefined ? null : filter.streamNamePrefixes !== undefined ? 'stream_name' : 'type';
    const count = (filter?.streamNamePrefixes ?? filter?.eventTypePrefixes ?? []).length;
    const key = `${column ?? 'none'}:${count}`;
    let statement = this.logReads.get(key);
    if (statement === undefined) {
      // substr/length count characters and compare case-sensitively, unlike LIKE.
      const matches = Array.from({ length: count }, () => `substr(${column}, 1, length(?)) = ?`).join(' OR ');
      statement = new LimitedQuery(
        this.db,
        `SELECT ${this.columns} FROM events WHERE position >= ? AND substr(type, 1, 1) <> '$'` +
          (count > 0 ? ` AND (${matches})` : '') +
          ' ORDER BY position',
      );
      this.logReads.set(key, statement);
    }
    return statement;
  }
}

function toRef(row: unknown): StoredEventRef | undefined {
  if (row === undefined) return undefined;
  const [id, revision, position] = row as [string, number, number];
  return { id, revision, position };
}
