import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore, EVENTS_FILE_NAME } from '../embedded/embedded-event-store.js';
import { EventStoreLockedError, EventStoreReadOnlyError, StreamNotFoundError } from '../port/errors.js';
import { createEventStore } from '../config/create-event-store.js';
import { ReadOnlyEventStore } from './read-only-event-store.js';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the embedded store opened read-only', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'one-window-ro-'));
    const writer = await EmbeddedEventStore.open({ dataDir, synchronous: 'NORMAL' });
    for (let i = 0; i < 30; i++) await writer.appendToStream(`s-${i % 3}`, [{ type: 'e', data: { i } }]);
    await writer.close();
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reads what was written, refuses appends and leaves the file as it was', async () => {
    const before = sha(join(dataDir, EVENTS_FILE_NAME));
    const store = await createEventStore({ dataDir, readOnly: true });
    expect(store).toBeInstanceOf(ReadOnlyEventStore);
    expect(await store.readAll()).toHaveLength(30);
    expect((await store.readStream('s-1', { direction: 'backwards', maxCount: 1 }))[0].data).toEqual({
      i: 28,
    });
    await expect(store.readStream('nope')).rejects.toBeInstanceOf(StreamNotFoundError);
    expect(await store.headPosition()).toBe(30);
    await expect(store.appendToStream('s-1', [{ type: 'e', data: {} }])).rejects.toBeInstanceOf(
      EventStoreReadOnlyError,
    );
    const seen: number[] = [];
    const subscription = store.subscribeToAll({ fromPosition: 25 });
    for await (const message of subscription) {
      if (message.kind === 'caught-up') break;
      seen.push(message.event.position);
    }
    await subscription.unsubscribe();
    expect(seen).toEqual([26, 27, 28, 29, 30]);
    await store.close();
    expect(sha(join(dataDir, EVENTS_FILE_NAME))).toBe(before);
    expect(readdirSync(dataDir).filter((f) => !/-(shm|wal|lock)$/.test(f))).toEqual([EVENTS_FILE_NAME]);
  });

  it('is refused, naming the running server, while a store holds the file', async () => {
    const live = await EmbeddedEventStore.open({ dataDir });
    try {
      expect(() => ReadOnlyEventStore.open({ dataDir })).toThrow(EventStoreLockedError);
      expect(() => ReadOnlyEventStore.open({ dataDir })).toThrow(/running server.*\/api\/admin\/verify/);
    } finally {
      await live.close();
    }
  });

  it('says so when there is no file', () => {
    expect(() => ReadOnlyEventStore.open({ dataDir: join(dataDir, 'missing') })).toThrow(
      /no event store file/,
    );
  });
});
