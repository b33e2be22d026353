import { passesFilter } from '../port/filter.js';
import type { EventFilter, RecordedEvent, Subscription, SubscriptionMessage } from '../port/types.js';
import { toRecordedEvent, type StoredEvent } from './stored-event.js';

/** What a subscription needs from the store: synchronous reads of the log. */
export interface LogSource {
  /**
   * Events after a position, and — when fewer than `maxCount` came back — the head of the log in
   * the same snapshot (null otherwise).
   */
  readPage(
    fromPosition: number,
    maxCount: number,
    filter: EventFilter | undefined,
  ): { events: StoredEvent[]; head: number | null };
  detach(subscription: EmbeddedSubscription): void;
}

type Pending = StoredEvent | { readonly caughtUp: number | null };

/**
 * Catch-up then live, with one cursor (`queuedUpTo`) deciding what comes next.
 *
 * Catching up, it reads the log in batches after the cursor. A batch shorter than asked for is the
 * head of the log in that read's snapshot, and the subscription turns live in the same tick. The
 * writer thread may commit more meanwhile, but the store hears of each commit only in a later
 * tick, and pushes every commit's events here in commit order: whatever the snapshot missed is
 * pushed afterwards. Pushes at or below the cursor are ignored, so nothing repeats; a
 * consumer that falls more than `liveBufferSize` events behind drops back to reading the log from
 * its cursor, so nothing is skipped and memory stays bounded.
 */
export class EmbeddedSubscription implements Subscription {
  private readonly pending: Pending[] = [];
  private next = 0;
  private queuedUpTo: number;
  private live = false;
  private caughtUpSent = false;
  private closed = false;
  private wake: (() => void) | null = null;
  private iterator: AsyncGenerator<SubscriptionMessage, void, undefined> | undefined;
  private pagesRead = 0;

  constructor(
    private readonly source: LogSource,
    fromPosition: number | 'start',
    private readonly filter: EventFilter | undefined,
    private readonly batchSize: number,
    private readonly liveBufferSize: number,
    /** How a row becomes the event delivered (the main thread's store parses data on demand). */
    private readonly toEvent: (row: StoredEvent) => RecordedEvent = toRecordedEvent,
  ) {
    this.queuedUpTo = fromPosition === 'start' ? 0 : fromPosition;
  }

  /** Called by the store, synchronously after each commit, with the events it wrote. */
  offer(events: readonly StoredEvent[]): void {
    if (!this.live || this.closed) return;
    for (const event of events) {
      if (event[0] <= this.queuedUpTo || !passesFilter(this.filter, event[1], event[4])) continue;
      if (this.pending.length - this.next >= this.liveBufferSize) {
        this.live = false;
        break;
      }
      this.pending.push(event);
      this.queuedUpTo = event[0];
    }
    this.wakeUp();
  }

  async unsubscribe(): Promise<void> {
    this.close();
  }

  /** Ends delivery; the iterator finishes after the message it is on. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.live = false;
    this.pending.length = 0;
    this.next = 0;
    this.source.detach(this);
    this.wakeUp();
  }

  /** One iterator per subscription: asking again continues where the last one stopped. */
  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    this.iterator ??= this.messages();
    return this.iterator;
  }

  private async *messages(): AsyncGenerator<SubscriptionMessage, void, undefined> {
    try {
      while (!this.closed) {
        const item = this.take();
        if (item !== undefined) {
          yield 'caughtUp' in item
            ? { kind: 'caught-up', position: item.caughtUp }
            : { kind: 'event', event: this.toEvent(item) };
        } else if (!this.live) {
          // Between pages of a catch-up, let the event loop in: a consumer that awaits nothing
          // but this iterator would otherwise hold it for the whole log (a cold start's anchorer
          // read 119k events before the port could open).
          if (this.pagesRead++ > 0) await new Promise<void>((resolve) => setImmediate(resolve));
          if (this.closed) break;
          this.catchUp();
        } else {
          await new Promise<void>((resolve) => (this.wake = resolve));
        }
      }
    } finally {
      this.close();
    }
  }

  private take(): Pending | undefined {
    if (this.next >= this.pending.length) {
      if (this.next > 0) this.pending.length = this.next = 0;
      return undefined;
    }
    return this.pending[this.next++];
  }

  private catchUp(): void {
    const { events: batch, head } = this.source.readPage(this.queuedUpTo + 1, this.batchSize, this.filter);
    for (const event of batch) this.pending.push(event);
    if (batch.length > 0) this.queuedUpTo = batch[batch.length - 1][0];
    if (batch.length < this.batchSize) {
      // At the snapshot's head, in the same tick as the read: turn live before hearing of any later commit.
      if (head !== null && head > this.queuedUpTo) this.queuedUpTo = head;
      this.live = true;
      if (!this.caughtUpSent) {
        this.caughtUpSent = true;
        this.pending.push({ caughtUp: head });
      }
    }
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
