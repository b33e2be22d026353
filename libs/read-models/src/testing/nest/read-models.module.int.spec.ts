import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { EmbeddedEventStore } from '@one-window/event-store';
import { EventStoreModule } from '../../../../event-store/src/testing/event-store.module.js';
import { openReadModelDatabase } from '../../database/read-model-database.js';
import { ReadModels } from '../../read-models.js';
import { seedGeneratedCases } from '../index.js';
import { ReadModelsModule } from './read-models.module.js';

describe('ReadModelsModule', () => {
  let dataDir: string;
  let store: EmbeddedEventStore;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'one-window-nest-read-models-'));
    store = await EmbeddedEventStore.open({ dataDir, synchronous: 'NORMAL' });
  });
  afterEach(async () => {
    await store.close(); // already closed by the application, unless the test failed early
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('follows the log from bootstrap and stops at a checkpoint on shutdown', async () => {
    await seedGeneratedCases(store, 5);
    const moduleRef = await Test.createTestingModule({
      imports: [EventStoreModule.forStore(store), ReadModelsModule.forRoot({ dataDir, timerPollMs: 0 })],
    }).compile();
    const app = await moduleRef.init();
    const readModels = app.get(ReadModels);
    await readModels.ready((await store.headPosition())!);
    await seedGeneratedCases(store, 3, { skip: 5 });
    const head = (await store.headPosition())!;
    await readModels.ready(head);
    expect(readModels.cases.list({}, { kind: 'all' }).total).toBe(8);
    await app.close();
    expect(readModels.runner.status).toBe('stopped');

    const reopened = openReadModelDatabase({ dataDir });
    const checkpoints = reopened
      .prepare('SELECT DISTINCT position FROM projection_checkpoints')
      .pluck()
      .all();
    reopened.close();
    expect(checkpoints).toEqual([head]);
  });
});
