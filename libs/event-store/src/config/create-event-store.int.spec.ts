import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inject, Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EmbeddedEventStore } from '../embedded/embedded-event-store.js';
import { EventStoreError, InvalidEventStoreInputError } from '../port/errors.js';
import type { EventStore } from '../port/types.js';
import { createEventStore, eventStoreConfigFromEnv } from './create-event-store.js';
import { EventStoreModule } from '../testing/event-store.module.js';
import { EVENT_STORE } from './event-store.token.js';

@Injectable()
class CaseWriter {
  constructor(@Inject(EVENT_STORE) readonly store: EventStore) {}
}

@Module({ providers: [CaseWriter] })
class FeatureModule {}

describe('choosing and providing the event store', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'one-window-config-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('opens the embedded store under DATA_DIR when no URL is set', async () => {
    const store = await createEventStore({ dataDir, eventStoreUrl: '  ' });
    try {
      expect(store).toBeInstanceOf(EmbeddedEventStore);
      expect((store as EmbeddedEventStore).file).toBe(join(dataDir, 'events.sqlite'));
      expect((store as EmbeddedEventStore).durability().synchronous).toBe('FULL');
    } finally {
      await store.close();
    }
  });

  it('reads EVENTSTORE_URL, DATA_DIR and EVENTSTORE_SYNCHRONOUS from the environment', () => {
    expect(eventStoreConfigFromEnv({ DATA_DIR: '/srv/data', EVENTSTORE_SYNCHRONOUS: 'normal' })).toEqual({
      eventStoreUrl: undefined,
      dataDir: '/srv/data',
      synchronous: 'NORMAL',
    });
    expect(eventStoreConfigFromEnv({ EVENTSTORE_URL: 'esdb://db:2113?tls=false', DATA_DIR: '' })).toEqual({
      eventStoreUrl: 'esdb://db:2113?tls=false',
      dataDir: undefined,
      synchronous: undefined,
    });
    expect(() => eventStoreConfigFromEnv({ EVENTSTORE_SYNCHRONOUS: 'OFF' })).toThrow(
      InvalidEventStoreInputError,
    );
  });

  it('refuses a URL that names no known store', async () => {
    await expect(createEventStore({ eventStoreUrl: 'postgres://localhost/events' })).rejects.toMatchObject({
      type: 'invalid-input',
      field: 'eventStoreUrl',
    });
  });

  it('hands esdb:// URLs to the EventStoreDB adapter', async () => {
    // Nothing listens on port 1: the adapter, not the embedded store, must be the one that fails.
    const attempt = createEventStore({ eventStoreUrl: 'esdb://127.0.0.1:1?tls=false', dataDir });
    await expect(attempt).rejects.toBeInstanceOf(EventStoreError);
    await expect(attempt).rejects.not.toBeInstanceOf(InvalidEventStoreInputError);
  });

  it('provides EVENT_STORE to every module and closes it on shutdown', async () => {
    const app = await Test.createTestingModule({
      imports: [EventStoreModule.forRoot({ dataDir }), FeatureModule],
    }).compile();
    await app.init();
    const { store } = app.get(CaseWriter);
    expect(app.get(EVENT_STORE)).toBe(store);
    await store.appendToStream('case-1', [{ type: 'case.Received', data: {} }]);

    await app.close();

    await expect(store.headPosition()).rejects.toMatchObject({ type: 'unavailable' });
    const reopened = await EmbeddedEventStore.open({ dataDir });
    try {
      expect(await reopened.readStream('case-1')).toHaveLength(1);
    } finally {
      await reopened.close();
    }
  });
});
