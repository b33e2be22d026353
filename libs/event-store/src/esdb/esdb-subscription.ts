import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import { passesFilter } from '../port/filter.js';
import type { EventFilter, RecordedEvent, Subscription, SubscriptionMessage } from '../port/types.js';
import { toRecordedEvent } from './esdb-conversions.js';
import { isUnavailable, toPortError } from './esdb-errors.js';

export interface ReconnectPolicy {
  /** First wait after the server went away; doubles on each failed attempt. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

/** What a subscription needs from the store. */
export interface SubscriptionSource {
  /** Opens the client's catch-up subscription after an exclusive checkpoint. */
  open(checkpoint: number | 'start', filter: EventFilter | undefined): AllStreamSubscription;
  headPosition(): Promise<number | null>;
  detach(subscription: EsdbSubscription): void;
}

type Queued =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  | { readonly kind: 'caught-up'; readonly position: Promise<number | null> };

/** The client is paused above this many undelivered messages and resumed below the low mark. */
const HIGH_WATER = 1_000;
const LOW_WATER = 100;

/**
 * EventStoreDB's catch-up subscription, made to survive the server going away: when the call
 * drops with a transient error it is opened again after the last event *received* (which is
 * in the queue, so nothing is lost), and everything the old call still sends is ignored (so
 * nothing repeats). Each time the server says it caught up, a `caught-up` marker goes into the
 * queue after exactly the events that preceded it on the wire.
 */
export class EsdbSubscription implements Subscription {
  private readonly queue: Queued[] = [];
  private checkpoint: number | 'start';
  private current: AllStreamSubscription | undefined;
  private closed = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failedAttempts = 0;

  constructor(
    private readonly source: SubscriptionSource,
    fromPosition: number | 'start',
    private readonly filter: EventFilter | undefined,
    private readonly policy: ReconnectPolicy,
  ) {
    this.checkpoint = fromPosition;
    this.connect();
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    return this.messages();
  }

  async unsubscribe(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    clearTimeout(this.retryTimer);
    const current = this.current;
    this.current = undefined;
    this.source.detach(this);
    this.wakeUp();
    await current?.unsubscribe().catch(() => undefined);
  }

  private async *messages(): AsyncGenerator<SubscriptionMessage, void, undefined> {
    try {
      for (;;) {
        const next = this.queue.shift();
        if (next) {
          if (this.queue.length <= LOW_WATER) this.current?.resume();
          yield next.kind === 'event' ? next : { kind: 'caught-up', position: await next.position };
        } else if (this.closed) {
          return;
        } else if (this.failure) {
          throw this.failure;
        } else {
          await new Promise<void>((resolve) => (this.wake = resolve));
        }
      }
    } finally {
      await this.unsubscribe();
    }
  }

  private connect(): void {
    if (this.closed) return;
    let subscription: AllStreamSubscription;
    try {
      subscription = this.source.open(this.checkpoint, this.filter);
    } catch (error) {
      this.dropped(undefined, error);
      return;
    }
    this.current = subscription;
    let received = 0;
    let caughtUpAfter: number | undefined;
    const markCaughtUp = () => {
      caughtUpAfter = undefined;
      const fallback = this.checkpoint === 'start' ? null : this.checkpoint;
      this.enqueue({ kind: 'caught-up', position: this.source.headPosition().catch(() => fallback) });
    };
    subscription.on('data', (resolved: AllStreamResolvedEvent) => {
      if (subscription !== this.current) return;
      received += 1;
      this.failedAttempts = 0;
      let event: RecordedEvent | undefined;
      try {
        event = toRecordedEvent(resolved);
      } catch (error) {
        this.fail(error);
        return;
      }
      if (event) {
        this.checkpoint = event.position;
        if (passesFilter(this.filter, event.streamName, event.type)) this.enqueue({ kind: 'event', event });
      }
      if (caughtUpAfter !== undefined && received >= caughtUpAfter) markCaughtUp();
      if (this.queue.length >= HIGH_WATER) subscription.pause();
    });
    subscription.on('caughtUp', () => {
      if (subscription !== this.current) return;
      // Events before the marker may still sit in the stream's buffer: the marker goes after them.
      const buffered = subscription.readableLength;
      if (buffered === 0) markCaughtUp();
      else caughtUpAfter = received + buffered;
    });
    subscription.on('confirmation', () => (this.failedAttempts = 0));
    subscription.on('error', (error: unknown) => this.dropped(subscription, error));
    subscription.on('close', () => this.dropped(subscription, undefined));
  }

  /** The call ended: resume after a transient failure, give up on anything else. */
  private dropped(subscription: AllStreamSubscription | undefined, error: unknown): void {
    if (subscription !== this.current || this.closed) return;
    this.current = undefined;
    if (error !== undefined && !isUnavailable(error)) {
      this.fail(toPortError(error, { operation: 'a subscription to $all' }));
      return;
    }
    const delay = Math.min(this.policy.maxDelayMs, this.policy.initialDelayMs * 2 ** this.failedAttempts);
    this.failedAttempts += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connect();
    }, delay);
  }

  private fail(error: unknown): void {
    const current = this.current;
    this.current = undefined;
    void current?.unsubscribe().catch(() => undefined);
    this.failure = error instanceof Error ? error : new Error(String(error));
    this.wakeUp();
  }

  private enqueue(message: Queued): void {
    if (this.closed) return;
    this.queue.push(message);
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
