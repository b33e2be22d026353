import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EmbeddedEventStore, type EventStore } from '@one-window/event-store';
import { type Clock, systemClock } from '@one-window/shared';
import { loadServerConfig, type ServerConfig } from '../../src/config/server-config.js';
import { createServer } from '../../src/server.js';

export interface TestServer {
  readonly app: NestFastifyApplication;
  readonly base: string;
  readonly store: EmbeddedEventStore;
  readonly dataDir: string;
  /** `keepData`: leave DATA_DIR for a later server (`startTestServer({}, { dataDir })`). */
  close(options?: { keepData?: boolean }): Promise<void>;
}

export interface TestServerOptions {
  readonly clock?: Clock;
  readonly dataDir?: string;
  /** What the server writes through instead of the store itself (a racing writer); `store` stays the real one. */
  readonly wrapStore?: (store: EventStore) => EventStore;
}

/** The real server on a real embedded store in a fresh temp DATA_DIR, listening on a free port. */
export async function startTestServer(
  overrides: Partial<ServerConfig> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'one-window-api-'));
  const config = loadServerConfig(
    { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', DEMO_USERS: 'on' },
    { dataDir, ...overrides },
  );
  const store = await EmbeddedEventStore.open({ dataDir, synchronous: 'NORMAL' });
  const app = await createServer({
    config,
    eventStore: options.wrapStore?.(store) ?? store,
    clock: options.clock ?? systemClock,
  });
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  return {
    app,
    base,
    store,
    dataDir,
    close: async ({ keepData = false } = {}) => {
      await app.close();
      await store.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
