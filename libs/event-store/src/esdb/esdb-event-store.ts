import { chainHeadFor, withChains } from './esdb-chain.js';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { Channel } from '@grpc/grpc-js';
import { EventStoreUnavailableError, InvalidEventStoreInputError } from '../port/errors.js';
import { isSystemEventType, passesFilter } from '../port/filter.js';
import type {
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from '../port/types.js';
import {
  checkReadAllOptions,
  checkReadStreamOptions,
  checkStreamName,
  checkAppend,
  checkSubscribeOptions,
} from '../port/validation.js';
import {
  toClientEvent,
  toClientExpected,
  toClientFilter,
  toClientPosition,
  toClientRevision,
  toRecordedEvent,
  toSafeNumber,
} from './esdb-conversions.js';
import { toPortError, type ErrorContext } from './esdb-errors.js';
import { EsdbProtocolError } from './esdb-protocol.error.js';
import { EsdbSubscription, type ReconnectPolicy, type SubscriptionSource } from './esdb-subscription.js';

export interface EsdbEventStoreOptions {
  /** How subscriptions wait before reopening after the server went away. Default 100 ms doubling to 5 s. */
  readonly reconnect?: Partial<ReconnectPolicy>;
  /** Check that the server answers before connect() resolves. Default true. */
  readonly verifyConnection?: boolean;
}

/** Events per $all read request; a read of more goes on in pages from where the last one ended. */
const ALL_PAGE = 1_000;
/** Events per request while looking backwards for the last non-system event. */
const HEAD_PAGE = 32;

/**
 * The event-store port on EventStoreDB (docs/adr/0003-eventstoredb-adapter.md), through
 * @eventstore/db-client. Input is checked by the port's validation, as in every adapter; what
 * the port asks beyond EventStoreDB's API (system events left out of $all, filtered reads
 * with counts, the head position) is done here, in pages.
 */
export class EsdbEventStore implements EventStore {
  private readonly subscriptions = new Set<EsdbSubscription>();
  private readonly policy: ReconnectPolicy;
  private closed = false;

  private constructor(
    private readonly client: EventStoreDBClient,
    options: EsdbEventStoreOptions,
  ) {
    this.policy = {
      initialDelayMs: options.reconnect?.initialDelayMs ?? 100,
      maxDelayMs: options.reconnect?.maxDelayMs ?? 5_000,
    };
  }

  /**
   * Connects to `esdb://host:port?tls=false` (one node), `esdb://a,b,c?...` (a cluster through
   * gossip) or `esdb+discover://...`. Fails with InvalidEventStoreInputError for a malformed
   * string and EventStoreUnavailableError when the server does not answer.
   */
  static async connect(
    connectionString: string,
    options: EsdbEventStoreOptions = {},
  ): Promise<EsdbEventStore> {
    if (typeof connectionString !== 'string' || !/^esdb(\+discover)?:\/\//.test(connectionString)) {
      throw new InvalidEventStoreInputError(
        'connectionString',
        'connectionString: must start with esdb:// or esdb+discover://, e.g. esdb://localhost:2113?tls=false',
      );
    }
    let client: EventStoreDBClient;
    try {
      client = EventStoreDBClient.connectionString(connectionString);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InvalidEventStoreInputError('connectionString', `connectionString: ${reason}`);
    }
    const store = new EsdbEventStore(client, options);
    if (options.verifyConnection !== false) {
      try {
        await store.headPosition();
      } catch (error) {
        await store.close();
        throw error;
      }
    }
    return store;
  }

  async appendToStream(
    streamName: string,
    events: readonly EventData[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    this.assertOpen();
    const { name, expected, batch } = checkAppend(streamName, events, options);
    const context = { operation: `an append to "${name}"`, streamName: name, expected };
    const head = await chainHeadFor(expected, (from) =>
      this.readStream(name, { direction: 'backwards', fromRevision: from, maxCount: 1 }),
    );
    const chained = withChains(name, head, batch.events);
    const clientEvents = chained.map((event, i) => toClientEvent(event, events[i].data));
    const result = await this.call(context, () =>
      this.client.appendToStream(name, clientEvents, { expectedRevision: toClientExpected(expected) }),
    );
    if (!result.position)
      throw new EsdbProtocolError(`EventStoreDB gave no position for ${context.operation}`);
    return {
      nextExpectedRevision: toSafeNumber(result.nextExpectedRevision, 'revision'),
      position: toSafeNumber(result.position.commit, 'position'),
    };
  }

  async readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const name = checkStreamName(streamName);
    const { direction, fromRevision, maxCount } = checkReadStreamOptions(options);
    const context = { operation: `a read of "${name}"`, streamName: name };
    // A count of 0 still has to tell a missing stream from an existing one.
    const resolved = await this.collect(context, () =>
      this.client.readStream(name, {
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        fromRevision: toClientRevision(fromRevision),
        maxCount: maxCount === 0 ? 1 : maxCount,
      }),
    );
    if (maxCount === 0) return [];
    return resolved.flatMap((r) => toRecordedEvent(r) ?? []);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { fromPosition, maxCount, filter } = checkReadAllOptions(options);
    const found: RecordedEvent[] = [];
    if (maxCount === 0) return found;
    // Positions are byte offsets: the next page starts at the last event read (inclusive) and skips it.
    let from = fromPosition;
    let after: number | undefined;
    for (;;) {
      const wanted =
        maxCount === undefined || filter ? ALL_PAGE : Math.min(ALL_PAGE, maxCount - found.length + 8);
      const asked = after === undefined ? wanted : wanted + 1;
      const page = await this.collect({ operation: 'a read of $all' }, () =>
        this.client.readAll({
          direction: FORWARDS,
          fromPosition: from === 'start' ? START : toClientPosition(from),
          maxCount: asked,
        }),
      );
      for (const resolved of page) {
        const event = toRecordedEvent(resolved);
        if (!event || (after !== undefined && event.position <= after)) continue;
        after = event.position;
        if (!passesFilter(filter, event.streamName, event.type)) continue;
        found.push(event);
        if (found.length === maxCount) return found;
      }
      if (page.length < asked || after === undefined) return found;
      from = after;
    }
  }

  subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    this.assertOpen();
    const { fromPosition, filter } = checkSubscribeOptions(options);
    const subscription = new EsdbSubscription(this.subscriptionSource(), fromPosition, filter, this.policy);
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** The last event that is not a system event: the one readAll and subscriptions end with. */
  async headPosition(): Promise<number | null> {
    this.assertOpen();
    let before: number | undefined;
    for (;;) {
      const page = await this.collect({ operation: 'a read of the head of $all' }, () =>
        this.client.readAll({
          direction: BACKWARDS,
          fromPosition: before === undefined ? END : toClientPosition(before),
          maxCount: HEAD_PAGE,
        }),
      );
      const previous = before;
      for (const resolved of page) {
        const event = toRecordedEvent(resolved);
        if (event && !isSystemEventType(event.type)) return event.position;
        if (event) before = event.position;
      }
      if (page.length < HEAD_PAGE || before === previous) return null;
    }
  }

  /** Ends every subscription and the connection. Safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.unsubscribe()));
    await this.client.dispose();
    // The client has no close(); its channel would otherwise stay open until the process exits.
    const channelOf = (this.client as unknown as { getChannel?: () => Promise<Channel> }).getChannel;
    await channelOf
      ?.call(this.client)
      .then((channel) => channel.close())
      .catch(() => undefined);
  }

  private subscriptionSource(): SubscriptionSource {
    return {
      open: (checkpoint, filter) =>
        this.client.subscribeToAll({
          fromPosition: checkpoint === 'start' ? START : toClientPosition(checkpoint),
          filter: toClientFilter(filter),
        }),
      headPosition: () => this.headPosition(),
      detach: (subscription) => this.subscriptions.delete(subscription),
    };
  }

  private async call<T>(context: ErrorContext, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      throw toPortError(error, context);
    }
  }

  private collect<E extends ResolvedEvent | AllStreamResolvedEvent>(
    context: ErrorContext,
    read: () => AsyncIterable<E>,
  ): Promise<E[]> {
    return this.call(context, async () => {
      const events: E[] = [];
      for await (const event of read()) events.push(event);
      return events;
    });
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
  }
}
