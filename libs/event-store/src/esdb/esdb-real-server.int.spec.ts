import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { StartedTestContainer } from 'testcontainers';
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
    let store = await EsdbEventStore.connect(connectionString);
    return {
      store,
      reopen: async () => {
        await store.close();
        store = await EsdbEventStore.connect(connectionString);
        return store;
      },
      dispose: () => store.close(),
    };
  });
}

/**
 * Undefined when a container engine answers; otherwise why not. Looks for a socket or
 * DOCKER_HOST first, so that a machine without any engine is told at once, with no timeouts.
 */
async function whyNoContainerRuntime(): Promise<string | undefined> {
  const uid = process.getuid?.() ?? 0;
  const sockets = [
    '/var/run/docker.sock',
    join(homedir(), '.docker/run/docker.sock'),
    join(homedir(), '.docker/desktop/docker.sock'),
    `/run/user/${uid}/docker.sock`,
    `/run/user/${uid}/podman/podman.sock`,
    '/run/podman/podman.sock',
  ];
  const properties = join(homedir(), '.testcontainers.properties');
  const configured =
    process.env.DOCKER_HOST !== undefined ||
    (existsSync(properties) && /docker\.host\s*=/.test(readFileSync(properties, 'utf8')));
  if (!configured && !sockets.some((socket) => existsSync(socket))) {
    return 'DOCKER_HOST is unset and no Docker or Podman socket exists';
  }
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the engine did not answer within 10 s')), 10_000);
    });
    await Promise.race([getContainerRuntimeClient(), timeout]).finally(() => clearTimeout(timer));
    return undefined;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0];
  }
}
