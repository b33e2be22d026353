import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EmbeddedEventStore, type EventStore } from '@one-window/event-store';
import { type Clock, systemClock } from '@one-window/shared';
import type { Logger } from 'pino';
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
  /** An open store to share (a second server on the same log): this server neither opens nor closes it. */
  readonly store?: EmbeddedEventStore;
  /** Where the server logs, at its config's `logLevel` (`silent` unless TEST_LOG_LEVEL says). */
  readonly logger?: Logger;
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
  const store = options.store ?? (await EmbeddedEventStore.open({ dataDir, synchronous: 'NORMAL' }));
  const app = await createServer({
    config,
    eventStore: options.wrapStore?.(store) ?? store,
    clock: options.clock ?? systemClock,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  await app.listen(0, '127.0.0.1');
  const close = async ({ keepData = false } = {}): Promise<void> => {
    await app.close();
    if (!options.store) await store.close();
    if (!keepData) rmSync(dataDir, { recursive: true, force: true });
  };
  return { app, base: await app.getUrl(), store, dataDir, close };
}
