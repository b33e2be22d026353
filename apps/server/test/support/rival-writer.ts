import { randomUUID } from 'node:crypto';
import type { EventStore } from '@one-window/event-store';

/**
 * The real store, with a second writer that can be set racing: it then allocates a case number in
 * the same hall and day just before this server, every time, so each attempt of the allocator meets
 * a newer revision and after its retries the receipt is refused as a conflict. Only the caller races.
 */
export function withRival(
  store: EventStore,
  racing = false,
): { store: EventStore; race: (on: boolean) => void } {
  let rival = 0;
  const real: EventStore['appendToStream'] = store.appendToStream.bind(store);
  const append: EventStore['appendToStream'] = async (stream, events, options) => {
    if (racing && stream.startsWith('casenumber-')) {
      rival++;
      await real(stream, [
        {
          id: randomUUID(),
          type: 'caseNumber.Allocated',
          data: {
            caseId: `rival-${rival}`,
            sequence: 9000 + rival,
            caseNumber: `rival-${rival}`,
            hall: 'hall-150102',
          },
        },
      ]);
    }
    return real(stream, events, options);
  };
  // The server's metrics wrap appendToStream by assignment: they wrap the racing one.
  let outer: EventStore['appendToStream'] | undefined;
  const proxy = new Proxy(store, {
    set(target, property, value, receiver) {
      if (property !== 'appendToStream') return Reflect.set(target, property, value, receiver);
      outer = value as EventStore['appendToStream'];
      return true;
    },
    get(target, property, receiver) {
      if (property === 'appendToStream') return outer ?? append;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: proxy, race: (on) => (racing = on) };
}
