import { EventStoreUnavailableError, StreamNotFoundError } from './errors.js';
import { readStreamOrNone } from './read-stream-or-none.js';
import type { EventStore, ReadStreamOptions, RecordedEvent } from './types.js';

const storeReading = (read: (name: string, options?: ReadStreamOptions) => Promise<RecordedEvent[]>) =>
  ({ readStream: read }) as unknown as EventStore;

describe('readStreamOrNone: a stream with no events reads as none', () => {
  it('answers what the store reads, with the options it was given', async () => {
    const event = { type: 'x' } as RecordedEvent;
    const calls: unknown[] = [];
    const store = storeReading((name, options) => {
      calls.push([name, options]);
      return Promise.resolve([event]);
    });
    await expect(readStreamOrNone(store, 's-1', { maxCount: 1 })).resolves.toEqual([event]);
    expect(calls).toEqual([['s-1', { maxCount: 1 }]]);
  });

  it('answers no events for a stream that does not exist', async () => {
    const store = storeReading((name) => Promise.reject(StreamNotFoundError.answer(name)));
    await expect(readStreamOrNone(store, 's-1')).resolves.toEqual([]);
  });

  it('throws any other failure on', async () => {
    const down = new EventStoreUnavailableError('down');
    await expect(
      readStreamOrNone(
        storeReading(() => Promise.reject(down)),
        's-1',
      ),
    ).rejects.toBe(down);
  });
});
