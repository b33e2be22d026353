/** Case numbers on the real embedded store: unique, in sequence, never reused, and O(1) per receipt. */
import {
  EventStoreUnavailableError,
  type EmbeddedEventStore,
  type AppendOptions,
  type EventData,
  type EventStore,
  type ReadStreamOptions,
} from '@one-window/event-store';
import { openTempEventStore } from '../../../event-store/src/testing/temp-store.js';
import { openForTests } from '../../../../test/support/open-for-tests.js';
import {
  CaseNumberAllocator,
  caseIdOfNumber,
  caseNumberStream,
  RECENT_WINDOW,
  type CaseNumberAllocated,
} from './case-numbers.js';

/** Records every stream read, and fails the next append when asked to. */
class WatchedStore {
  reads: { stream: string; options?: ReadStreamOptions }[] = [];
  failNextAppend = false;
  constructor(readonly inner: EventStore) {}
  readStream: EventStore['readStream'] = (stream, options) => {
    this.reads.push({ stream, options });
    return this.inner.readStream(stream, options);
  };
  appendToStream = (stream: string, events: readonly EventData[], options?: AppendOptions) => {
    if (this.failNextAppend) {
      this.failNextAppend = false;
      return Promise.reject(new EventStoreUnavailableError('disk gone for a moment'));
    }
    return this.inner.appendToStream(stream, events, options);
  };
}

const day = { hall: 'hall-150102', divisionCode: '150102', chinaDate: '2026-03-02' };
const STREAM = caseNumberStream('150102', '2026-03-02');
const expectedNumbers = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `150102-20260302-${String(i + 1).padStart(4, '0')}`);

describe('CaseNumberAllocator on the embedded store', () => {
  const temp = openForTests('each', () => openTempEventStore({ synchronous: 'NORMAL' }));
  let embedded: EmbeddedEventStore;
  let store: WatchedStore;
  beforeEach(() => {
    embedded = temp.current();
    store = new WatchedStore(embedded);
  });

  const allocator = (): CaseNumberAllocator => new CaseNumberAllocator(store as unknown as EventStore);
  const allocations = async () =>
    (await embedded.readStream(STREAM)).map((e) => ({
      revision: e.streamRevision,
      data: e.data as CaseNumberAllocated,
    }));

  it('numbers concurrent receipts in sequence, each number its event revision + 1, reading only the last events once', async () => {
    const numbers = allocator();
    const got = await Promise.all(
      Array.from({ length: 200 }, (_, i) => numbers.allocate({ ...day, caseId: `case-${i}` })),
    );
    expect([...got].sort()).toEqual(expectedNumbers(200));
    for (const { revision, data } of await allocations()) {
      expect(data.sequence).toBe(revision + 1);
      expect(got[Number(data.caseId.slice(5))]).toBe(data.caseNumber);
    }
    expect(store.reads).toEqual([
      { stream: STREAM, options: { direction: 'backwards', fromRevision: 'end', maxCount: RECENT_WINDOW } },
    ]);
  });

  it('finds the case a number names by reading its one event, and nothing for a number never allocated', async () => {
    const numbers = allocator();
    const first = await numbers.allocate({ ...day, caseId: 'case-a' });
    const second = await numbers.allocate({ ...day, caseId: 'case-b' });
    store.reads.length = 0;
    expect(await caseIdOfNumber(embedded, second)).toBe('case-b');
    expect(await caseIdOfNumber(embedded, ` ${first} `)).toBe('case-a');
    expect(await caseIdOfNumber(store as unknown as EventStore, first)).toBe('case-a');
    expect(store.reads).toEqual([{ stream: STREAM, options: { fromRevision: 0, maxCount: 1 } }]);
    for (const never of [
      '150102-20260302-0003', // past the day's last number
      '150102-20260303-0001', // a day with no receipt
      '150103-20260302-0001', // another division
      '150102-20260302-001', // malformed
      'not a number',
    ])
      expect(await caseIdOfNumber(embedded, never)).toBeUndefined();
  });

  it('stays unique across two instances sharing the store, with conflicts resolved by re-seeding', async () => {
    const [a, b] = [allocator(), allocator()];
    const got = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? a : b).allocate({ ...day, caseId: `case-${i}` })),
    );
    expect(new Set(got).size).toBe(60);
    expect([...got].sort()).toEqual(expectedNumbers(60));
    const stored = await allocations();
    expect(stored).toHaveLength(60);
    expect(stored.every(({ revision, data }) => data.sequence === revision + 1)).toBe(true);
    // Seeding reads a bounded window, never the whole day.
    expect(
      store.reads.every((r) => r.options?.direction === 'backwards' && r.options.maxCount === RECENT_WINDOW),
    ).toBe(true);
  });

  it('gives a retried receipt its earlier number, also after a restart, and writes nothing for it', async () => {
    const first = allocator();
    await first.allocate({ ...day, caseId: 'case-a' });
    const number = await first.allocate({ ...day, caseId: 'case-b' });
    const [again, twice] = await Promise.all([
      first.allocate({ ...day, caseId: 'case-b' }),
      first.allocate({ ...day, caseId: 'case-b' }),
    ]);
    const restarted = await allocator().allocate({ ...day, caseId: 'case-b' });
    expect([again, twice, restarted]).toEqual([number, number, number]);
    expect(await allocations()).toHaveLength(2);
  });

  it('never reuses a number whose append failed, and carries on after the failure', async () => {
    const numbers = allocator();
    await numbers.allocate({ ...day, caseId: 'case-1' });
    store.failNextAppend = true;
    await expect(numbers.allocate({ ...day, caseId: 'case-2' })).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
    const after = await Promise.all([
      numbers.allocate({ ...day, caseId: 'case-2' }),
      numbers.allocate({ ...day, caseId: 'case-3' }),
    ]);
    expect(after).toEqual(['150102-20260302-0002', '150102-20260302-0003']);
    expect((await allocations()).map((a) => a.data.caseId)).toEqual(['case-1', 'case-2', 'case-3']);
  });

  it('keeps each division-day its own sequence', async () => {
    const numbers = allocator();
    const got = await Promise.all([
      numbers.allocate({ ...day, caseId: 'x1' }),
      numbers.allocate({ ...day, chinaDate: '2026-03-03', caseId: 'x2' }),
      numbers.allocate({ ...day, divisionCode: '150100', hall: 'hall-150100', caseId: 'x3' }),
      numbers.allocate({ ...day, caseId: 'x4' }),
    ]);
    expect(got).toEqual([
      '150102-20260302-0001',
      '150102-20260303-0001',
      '150100-20260302-0001',
      '150102-20260302-0002',
    ]);
  });
});
