import type Database from 'better-sqlite3';
import { chainOfCanonicalText } from '../chain/event-chain.js';
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
  private readonly insertAll: (request: AppendRequest, current: number, chain: Buffer | null) => AppendAnswer;

  constructor(private readonly db: Database.Database) {
    const table = (this.table = new EventTable(db));
    this.insertAll = db.transaction(
      (request: AppendRequest, current: number, previous: Buffer | null): AppendAnswer => {
        const created = Date.now();
        const { streamName, batch } = request;
        const chains = Buffer.allocUnsafe(32 * batch.events.length);
        let chain = previous;
        let revision = current;
        // Positions are given, not left to SQLite, so that the chain can cover them.
        const firstPosition = table.lastPosition() + 1;
        for (let i = 0; i < batch.events.length; i++) {
          const e = batch.events[i];
          revision += 1;
          // The previous event of the stream is known here, inside the transaction: the chain cannot fork.
          const position = firstPosition + i;
          chain = chainOfCanonicalText(chain, { streamName, streamRevision: revision }, e, created, position);
          chain.copy(chains, 32 * i);
          table.insert(position, streamName, revision, e.id, e.type, e.data, e.metadata, created, chain);
        }
        return {
          id: request.id,
          kind: 'written',
          firstRevision: current + 1,
          firstPosition,
          count: batch.events.length,
          created,
          chains,
        };
      },
    );
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
      const head = table.streamHead(streamName);
      const current = head.revision;
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
          return this.insertAll(request, current, head.chain);
        default: {
          const unreachable: never = decision;
          throw new Error(`Unknown append decision ${JSON.stringify(unreachable)}`);
        }
      }
    } catch (error) {
      // SQLite rolled the whole group back itself (SQLITE_FULL, SQLITE_IOERR): fail it with the cause,
      // not with COMMIT's "no transaction is active" (issue 10, defect 5).
      if (!this.db.inTransaction) throw error;
      return {
        id: request.id,
        kind: 'failed',
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }
}
