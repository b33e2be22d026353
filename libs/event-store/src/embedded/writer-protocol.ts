/** Messages between the embedded store (main thread) and its SQLite writer (a worker thread). */
import type { CurrentRevision, ExpectedRevision } from '../port/types.js';
import type { SerializedAppend } from '../port/validation.js';
import type { Synchronous } from './open-database.js';

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
  { readonly kind: 'append'; readonly requests: readonly AppendRequest[] } | { readonly kind: 'close' };

export type FromWriter =
  | { readonly kind: 'ready' }
  | { readonly kind: 'open-failed'; readonly message: string }
  /** One group: one transaction, one fsync; answers in commit order. */
  | { readonly kind: 'committed'; readonly answers: readonly AppendAnswer[] }
  | { readonly kind: 'closed' };
