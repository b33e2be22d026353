import { randomUUID } from 'node:crypto';
import type {
  EventData,
  EventStore,
  SubscribeToAllOptions,
  Subscription,
  SubscriptionMessage,
} from '../port/types.js';

/** What an adapter's test hands the contract suite: a store, and how to get rid of it. */
export interface EventStoreFixture {
  readonly store: EventStore;
  /** Closes the store and opens a new one over the same data (persistent adapters only). */
  readonly reopen?: () => Promise<EventStore>;
  readonly dispose: () => Promise<void>;
}

export type EventStoreFactory = () => Promise<EventStoreFixture>;

/**
 * A fixture over the store `open` gives: reopening closes it and opens another over the same data,
 * disposing closes it and then runs `cleanUp` (a temporary folder's removal, say).
 */
export async function reopeningFixture<S extends EventStore>(
  open: () => Promise<S>,
  cleanUp: () => void = () => undefined,
): Promise<EventStoreFixture & { readonly current: () => S }> {
  let store = await open();
  return {
    store,
    current: () => store,
    reopen: async () => {
      await store.close();
      store = await open();
      return store;
    },
    dispose: async () => {
      await store.close();
      cleanUp();
    },
  };
}

/** The store under test, replaced when a test reopens it. */
export interface ContractContext {
  readonly store: EventStore;
  readonly canReopen: boolean;
  reopen(): Promise<EventStore>;
}

/**
 * A prefix no other test uses: the suite may run against a shared server whose log already holds
 * other tests' events, so every test works on its own streams and filters $all by this prefix.
 */
export function uniquePrefix(): string {
  return `t${randomUUID().replaceAll('-', '')}`;
}

export function someEvents(count: number, type = 'test.Happened', from = 0): EventData[] {
  return Array.from({ length: count }, (_, i) => ({ type, data: { n: from + i } }));
}

export function eventsWithIds(count: number, type = 'test.Happened'): EventData[] {
  return Array.from({ length: count }, (_, i) => ({ id: randomUUID(), type, data: { n: i } }));
}

export type EventMessage = Extract<SubscriptionMessage, { kind: 'event' }>;

/** Runs `use` on a subscription to $all with `options`, and unsubscribes however it ends. */
export async function withSubscription<T>(
  store: EventStore,
  options: SubscribeToAllOptions,
  use: (subscription: Subscription) => Promise<T>,
): Promise<T> {
  const subscription = store.subscribeToAll(options);
  try {
    return await use(subscription);
  } finally {
    await subscription.unsubscribe();
  }
}

/**
 * Pulls messages until `done` says so. Fails with what it got if nothing satisfies `done` in time,
 * so that a subscription that stalls fails the test instead of hanging it.
 */
export async function collectUntil(
  subscription: Subscription,
  done: (messages: readonly SubscriptionMessage[]) => boolean,
  options: { timeoutMs?: number; onMessage?: (message: SubscriptionMessage) => Promise<void> | void } = {},
): Promise<SubscriptionMessage[]> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const messages: SubscriptionMessage[] = [];
  const iterator = subscription[Symbol.asyncIterator]();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `subscription gave ${messages.length} messages in ${timeoutMs} ms without finishing: ${summary(messages)}`,
          ),
        ),
      timeoutMs,
    );
  });
  try {
    while (!done(messages)) {
      const next = await Promise.race([iterator.next(), timeout]);
      if (next.done === true) throw new Error(`subscription ended early after ${summary(messages)}`);
      messages.push(next.value);
      await options.onMessage?.(next.value);
    }
    return messages;
  } finally {
    clearTimeout(timer);
  }
}

export function eventsOf(messages: readonly SubscriptionMessage[]): EventMessage['event'][] {
  return messages.filter((m): m is EventMessage => m.kind === 'event').map((m) => m.event);
}

export function countEvents(messages: readonly SubscriptionMessage[]): number {
  let count = 0;
  for (const m of messages) if (m.kind === 'event') count++;
  return count;
}

/** The events a subscription delivers until it has delivered `count` (its other messages passed over). */
export async function eventsUntil(
  subscription: Subscription,
  count: number,
): Promise<EventMessage['event'][]> {
  return eventsOf(await collectUntil(subscription, (m) => countEvents(m) >= count));
}

function summary(messages: readonly SubscriptionMessage[]): string {
  const tail = messages
    .slice(-5)
    .map((m) => (m.kind === 'event' ? `${m.event.streamName}@${m.event.streamRevision}` : 'caught-up'));
  return `[${messages.length > 5 ? '..., ' : ''}${tail.join(', ')}]`;
}
