/** Messages between the embedded store (main thread) and its SQLite writer (a worker thread). */
import type { CurrentRevision, ExpectedRevision } from '../port/types.js';
import type { SerializedAppend } from '../port/validation.js';
import type { MessagePort } from 'node:worker_threads';
import type { Synchronous } from './open-database.js';
import type { StoredEvent } from './stored-event.js';

export interface WriterSettings {
  readonly file: string;
  readonly synchronous: Synchronous;
  /** SQLite's max_page_count: a cap on the file's size (SQLITE_FULL past it). */
  readonly maxPageCount?: number;
}

export interface AppendRequest {
  /** Matches the answer to the caller. */
  readonly id: number;
  readonly streamName: string;
  readonly expected: ExpectedRevision;
  readonly batch: SerializedAppend;
}

export type AppendAnswer =
  | {
      readonly id: number;
      readonly kind: 'written';
      /** Revision and position of the first event written; the others follow one by one. */
      readonly firstRevision: number;
      readonly firstPosition: number;
      readonly count: number;
      readonly created: number;
      /** The events' chains, 32 bytes each, in order. */
      readonly chains: Uint8Array;
    }
  | { readonly id: number; readonly kind: 'idempotent'; readonly revision: number; readonly position: number }
  | { readonly id: number; readonly kind: 'wrong-revision'; readonly actual: CurrentRevision }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };

export type ToWriter =
  | { readonly kind: 'append'; readonly requests: readonly AppendRequest[] }
  /** From now on, post every commit's rows to this port too (a commit feed, answered 'fed'). */
  | { readonly kind: 'feed'; readonly port: MessagePort }
  | { readonly kind: 'close' };

/** What a commit feed's port receives: one commit's rows, in commit order. */
export interface CommitFeedMessage {
  readonly rows: readonly StoredEvent[];
}

export type FromWriter =
  | { readonly kind: 'ready' }
  | { readonly kind: 'open-failed'; readonly message: string }
  /** One group: one transaction, one fsync; answers in commit order. */
  | { readonly kind: 'committed'; readonly answers: readonly AppendAnswer[] }
  /** A feed is in place: every commit from this one on reaches it, every earlier one is in the file. */
  | { readonly kind: 'fed' }
  | { readonly kind: 'closed' };

/** The rows a group's written answers stored, in commit order (what subscribers and feeds see). */
export function committedRows(
  answers: readonly AppendAnswer[],
  requestOf: (id: number) => AppendRequest,
): StoredEvent[] {
  const written: StoredEvent[] = [];
  for (const answer of answers) {
    if (answer.kind !== 'written') continue;
    const request = requestOf(answer.id);
    request.batch.events.forEach((e, i) =>
      written.push([
        answer.firstPosition + i,
        request.streamName,
        answer.firstRevision + i,
        e.id,
        e.type,
        e.data,
        e.metadata,
        answer.created,
        answer.chains.subarray(32 * i, 32 * i + 32),
      ]),
    );
  }
  return written;
}
