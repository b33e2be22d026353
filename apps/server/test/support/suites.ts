import type { Page } from 'playwright-core';
import type { ServerConfig } from '../../src/config/server-config.js';
import { ApiWorld, type DemoUser } from './api-world.js';
import { type ConsoleWorld, startConsoleWorld } from './console-world.js';
import { type TestServer, type TestServerOptions, startTestServer } from './test-server.js';

/**
 * Stands for an object a `beforeAll` makes, so that a describe block can name it once at its top:
 * each property is read from the object as it is when read (reading one before the `beforeAll` ran
 * throws), and each method is called on it.
 */
function startedLater<T extends object>(what: string, current: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = current();
      if (target === undefined) {
        if (key === 'then') return undefined; // not a promise: `await` of it is the object
        throw new Error(`${what} was read before the describe block's beforeAll started it`);
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * The durable timers polled hourly: a test that moves the clock past a deadline sees it as data
 * (the boards, the due dates) without the timer acting on it meanwhile (deeming acceptance, Art. 32).
 */
export const HOURLY_TIMERS = { timerPollMs: 3_600_000 } as const satisfies Partial<ServerConfig>;

export interface SuiteOptions extends Pick<TestServerOptions, 'clock' | 'wrapStore'> {
  /** The server's configuration beside the defaults of the tests. */
  readonly config?: Partial<ServerConfig>;
  /** How long the start may take (a loaded machine, many sign-ins). */
  readonly timeoutMs?: number;
}

export interface ApiSuite {
  /** The real server, started before the block's tests and closed after them. */
  readonly server: TestServer;
  /** Every demo user signed in on it. */
  readonly w: ApiWorld;
  /** Signs every demo user in again (after the clock moved past their tokens' lifetime). */
  signInAgain(): Promise<void>;
}

export interface RestartableApiSuite extends ApiSuite {
  /** Stops the server keeping its DATA_DIR, runs `meanwhile` on it, starts a new server there and signs in. */
  restart(meanwhile?: (dataDir: string) => void | Promise<void>): Promise<void>;
}

/** A describe block's server and its demo users' sessions: `const { server, w } = serveApi({ clock })`. */
export function serveApi(options: SuiteOptions = {}): RestartableApiSuite {
  let server: TestServer | undefined;
  let world: ApiWorld | undefined;
  const start = (dataDir?: string) =>
    startTestServer(options.config, { clock: options.clock, wrapStore: options.wrapStore, dataDir });
  const signInAgain = async (): Promise<void> => {
    world = await ApiWorld.signIn(server!.base);
  };
  const restart = async (meanwhile?: (dataDir: string) => void | Promise<void>): Promise<void> => {
    const { dataDir } = server!;
    await server!.close({ keepData: true });
    server = undefined;
    await meanwhile?.(dataDir);
    server = await start(dataDir);
    await signInAgain();
  };
  beforeAll(async () => {
    server = await start();
    await signInAgain();
  }, options.timeoutMs ?? 60_000);
  afterAll(async () => server?.close());
  return {
    server: startedLater('server', () => server),
    w: startedLater('w', () => world),
    signInAgain,
    restart,
  };
}

export interface ConsoleSuite extends ApiSuite {
  /** The built console on the server and Chromium's page on it. */
  readonly session: ConsoleWorld;
  readonly page: Page;
}

/**
 * A describe block's console in a browser: the server, the page, the API world (when `api`), and the
 * browser signed in as `signIn` (when given). `const { page, w } = serveConsole({ clock, api: true })`.
 */
export function serveConsole(
  options: SuiteOptions & { readonly api?: boolean; readonly signIn?: DemoUser } = {},
): ConsoleSuite {
  let session: ConsoleWorld | undefined;
  let world: ApiWorld | undefined;
  const signInAgain = async (): Promise<void> => {
    world = await ApiWorld.signIn(session!.server.base);
  };
  beforeAll(async () => {
    session = await startConsoleWorld(options.clock, options.config, { wrapStore: options.wrapStore });
    if (options.api) await signInAgain();
    if (options.signIn) await session.signInAs(options.signIn);
  }, options.timeoutMs ?? 90_000);
  afterAll(async () => session?.close());
  return {
    session: startedLater('session', () => session),
    server: startedLater('server', () => session?.server),
    page: startedLater('page', () => session?.page),
    w: startedLater('w', () => world),
    signInAgain,
  };
}
