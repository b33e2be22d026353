import {
  NO_STREAM,
  WrongExpectedRevisionError,
  readStreamOrNone,
  type EventStore,
} from '@one-window/event-store';
import type { SignInBlock, SignInLimiter } from './sign-in-limiter.js';

export const SIGN_IN_THROTTLE_STREAM = 'signin-throttle';
export const THROTTLED = 'signin.Throttled';

/** `signin.Throttled`: blocks one server started, for the others to honour. */
export interface ThrottledData {
  readonly blocks: readonly SignInBlock[];
}

export interface SharedThrottleOptions {
  /** How long one read of the stream serves sign-ins. Default 1 s. */
  readonly cacheMs?: number;
  /** Events per read; a longer backlog is read over the following sign-ins. Default 200. */
  readonly maxRead?: number;
  /** Blocks per event. Default 100. */
  readonly maxBlocksPerEvent?: number;
  /** A monotonic clock in ms for the cache (not a deadline); default performance.now. */
  readonly monotonic?: () => number;
}

/**
 * Shares sign-in blocks between servers on one store, without an event per failed attempt: a
 * server appends `signin.Throttled` only when its limiter starts a block (a pair past its free
 * failures, an address at its cap), blocks that start while an append is in flight going together
 * in the next; every server reads the stream's new events (one bounded read, at most every
 * `cacheMs`) before it hashes a password, and its limiter learns them. Attempts stay counted per
 * server, in memory; only blocks travel. A store that cannot be read or written leaves each
 * server its own limiter, as before.
 */
export class SharedSignInThrottle {
  private readonly cacheMs: number;
  private readonly maxRead: number;
  private readonly maxBlocksPerEvent: number;
  private readonly monotonic: () => number;
  /** The stream's next revision as last read; undefined before the first read. */
  private next: number | undefined;
  private readAt = -Infinity;
  private reading: Promise<void> | null = null;
  private queue: SignInBlock[] = [];
  private appending: Promise<void> | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly limiter: SignInLimiter,
    options: SharedThrottleOptions = {},
  ) {
    this.cacheMs = options.cacheMs ?? 1_000;
    this.maxRead = options.maxRead ?? 200;
    this.maxBlocksPerEvent = options.maxBlocksPerEvent ?? 100;
    this.monotonic = options.monotonic ?? (() => performance.now());
    limiter.watch((block) => {
      // Bounded: past ten events' worth the oldest waiting blocks are dropped (each server still limits).
      if (this.queue.length >= this.maxBlocksPerEvent * 10) this.queue.shift();
      this.queue.push(block);
    });
  }

  /** Brings the other servers' blocks into the limiter, unless a read within `cacheMs` did. */
  sync(): Promise<void> {
    if (this.reading !== null) return this.reading;
    if (this.monotonic() - this.readAt < this.cacheMs) return Promise.resolve();
    this.reading = this.read().finally(() => (this.reading = null));
    return this.reading;
  }

  /** Appends the blocks started since the last append (nothing when none did). */
  async publish(): Promise<void> {
    while (this.appending !== null) await this.appending;
    if (this.queue.length === 0) return;
    this.appending = this.append().finally(() => (this.appending = null));
    await this.appending;
  }

  private async read(): Promise<void> {
    const at = this.monotonic();
    const events = await this.readNew().catch(() => null);
    if (events === null) return; // unreadable: try again at the next sign-in
    for (const event of events) {
      if (event.type === THROTTLED && isThrottledData(event.data))
        for (const block of event.data.blocks) this.limiter.learn(block);
      this.next = event.streamRevision + 1;
    }
    this.next ??= 0;
    // A full page means more are waiting: the next sign-in reads on.
    this.readAt = events.length === this.maxRead ? -Infinity : at;
  }

  /** The stream's events since the last read; at the first, only the newest (older blocks have long ended). */
  private async readNew() {
    if (this.next !== undefined)
      return readStreamOrNone(this.store, SIGN_IN_THROTTLE_STREAM, {
        fromRevision: this.next,
        maxCount: this.maxRead,
      });
    const newest = await readStreamOrNone(this.store, SIGN_IN_THROTTLE_STREAM, {
      direction: 'backwards',
      fromRevision: 'end',
      maxCount: this.maxRead,
    });
    return newest.reverse();
  }

  private async append(): Promise<void> {
    const blocks = this.queue.splice(0, this.maxBlocksPerEvent);
    // Exact revisions, so that two servers never chain to the same head (ADR 13); a conflict
    // means another server wrote: read its blocks and try again.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (this.next === undefined) await this.read();
      if (this.next === undefined) break;
      try {
        const written = await this.store.appendToStream(
          SIGN_IN_THROTTLE_STREAM,
          [{ type: THROTTLED, data: { blocks } satisfies ThrottledData }],
          { expectedRevision: this.next === 0 ? NO_STREAM : this.next - 1 },
        );
        this.next = written.nextExpectedRevision + 1;
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) return;
        await this.read();
      }
    }
  }
}

function isThrottledData(value: unknown): value is ThrottledData {
  const blocks = (value as Partial<ThrottledData> | null)?.blocks;
  return (
    Array.isArray(blocks) &&
    blocks.every(
      (b: Partial<SignInBlock> | null) =>
        typeof b === 'object' &&
        b !== null &&
        (b.user === null || typeof b.user === 'string') &&
        typeof b.address === 'string' &&
        Number.isSafeInteger(b.until) &&
        Number.isSafeInteger(b.failures),
    )
  );
}
