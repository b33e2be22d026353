import type Database from 'better-sqlite3';
import { decideAppend } from './append-decision.js';
import { EventTable } from './event-table.js';
import type { AppendAnswer, AppendRequest } from './writer-protocol.js';

/**
 * Group commit: every request that arrived while the last commit was in flight goes into one
 * transaction, so the group shares one fsync. Each append keeps its own check of the expected
 * revision (which sees the appends before it in the group) and its own all-or-nothing result:
 * its inserts run in a SAVEPOINT, and a failing append is rolled back alone. Only a failing
 * COMMIT fails the whole group.
 */
export class GroupWriter {
  private readonly table: EventTable;
  private readonly group: (requests: readonly AppendRequest[]) => AppendAnswer[];
  private readonly insertAll: (request: AppendRequest, current: number) => AppendAnswer;

  constructor(db: Database.Database) {
    const table = (this.table = new EventTable(db));
    this.insertAll = db.transaction((request: AppendRequest, current: number): AppendAnswer => {
      const created = Date.now();
      let revision = current;
      let firstPosition = 0;
      for (const e of request.batch.events) {
        revision += 1;
        const position = table.insert(
          request.streamName,
          revision,
          e.id,
          e.type,
          e.data,
          e.metadata,
          created,
        );
        if (revision === current + 1) firstPosition = position;
      }
      return {
        id: request.id,
        kind: 'written',
        firstRevision: current + 1,
        firstPosition,
        count: request.batch.events.length,
        created,
      };
    });
    this.group = db.transaction((requests: readonly AppendRequest[]) =>
      requests.map((r) => this.appendOne(r)),
    );
  }

  /** Commits one group; answers in request order, which is commit order. */
  commit(requests: readonly AppendRequest[]): AppendAnswer[] {
    try {
      return this.group(requests);
    } catch (error) {
      const message = `the commit failed: ${error instanceof Error ? error.message : String(error)}`;
      return requests.map((r) => ({ id: r.id, kind: 'failed', message }));
    }
  }

  private appendOne(request: AppendRequest): AppendAnswer {
    const { streamName, batch } = request;
    try {
      const table = this.table;
      const current = table.currentRevision(streamName);
      const decision = decideAppend(
        request.expected,
        batch.events.map((e) => e.id),
        batch.firstIdFromCaller,
        {
          current,
          eventAt: (revision) => table.eventAt(streamName, revision),
          findById: (id) => table.findById(streamName, id),
        },
      );
      switch (decision.kind) {
        case 'wrong-revision':
          return { id: request.id, kind: 'wrong-revision', actual: decision.actual };
        case 'idempotent':
          return {
            id: request.id,
            kind: 'idempotent',
            revision: decision.result.nextExpectedRevision,
            position: decision.result.position,
          };
        case 'write':
          // A nested better-sqlite3 transaction is a SAVEPOINT: a failure rolls back this append only.
          return this.insertAll(request, current);
        default: {
          const unreachable: never = decision;
          throw new Error(`Unknown append decision ${JSON.stringify(unreachable)}`);
        }
      }
    } catch (error) {
      return {
        id: request.id,
        kind: 'failed',
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }
}
