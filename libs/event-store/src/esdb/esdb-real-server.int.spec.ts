import type { StartedTestContainer } from 'testcontainers';
import { whyNoContainerRuntime } from '../../../../test/support/container-runtime.js';
import { reopeningFixture } from '../testing/contract-support.js';
import { eventStoreContract } from '../testing/event-store.contract.js';
import { EsdbEventStore } from './esdb-event-store.js';

/**
 * The same contract against a real EventStoreDB in a container, started once for the file.
 * It runs wherever a container engine answers; elsewhere it is skipped, saying why in one line.
 * EVENTSTORE_IMAGE overrides the pinned image.
 */
const IMAGE = process.env.EVENTSTORE_IMAGE ?? 'eventstore/eventstore:24.10.0-bookworm-slim';
const STARTUP_MS = 180_000;

const missing = await whyNoContainerRuntime();

if (missing !== undefined) {
  process.stdout.write(`EventStoreDB real-server suite skipped: no container runtime (${missing})\n`);
  describe.skip(`EventStore contract: real EventStoreDB (${IMAGE}) — skipped: no container runtime (${missing})`, () => {
    it('runs the event-store contract against a real EventStoreDB where a container engine exists', () =>
      undefined);
  });
} else {
  let container: StartedTestContainer | undefined;
  let connectionString = '';

  beforeAll(async () => {
    const { GenericContainer, Wait } = await import('testcontainers');
    container = await new GenericContainer(IMAGE)
      .withEnvironment({
        EVENTSTORE_CLUSTER_SIZE: '1',
        EVENTSTORE_INSECURE: 'true',
        EVENTSTORE_RUN_PROJECTIONS: 'None',
        EVENTSTORE_START_STANDARD_PROJECTIONS: 'false',
        EVENTSTORE_MEM_DB: 'true',
      })
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
      .withStartupTimeout(STARTUP_MS)
      .start();
    connectionString = `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
    // Live is not yet leader: wait until the node takes reads.
    const ready = Date.now() + 60_000;
    for (;;) {
      try {
        await (await EsdbEventStore.connect(connectionString)).close();
        break;
      } catch (error) {
        if (Date.now() > ready) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }, STARTUP_MS + 60_000);

  afterAll(async () => {
    await container?.stop();
  });

  eventStoreContract(`real EventStoreDB (${IMAGE})`, async () => {
    return reopeningFixture(() => EsdbEventStore.connect(connectionString));
  });
}
