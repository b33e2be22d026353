import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore } from '@one-window/event-store';
import { ConfigError, loadServerConfig } from '../config/server-config.js';
import { openEventStore } from './open-event-store.js';

describe('the server opens the embedded store as configured', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'one-window-open-store-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const opened = async (env: Record<string, string>) => {
    const store = await openEventStore(
      loadServerConfig({ AUTH_SECRET: 'x'.repeat(32), ...env }, { dataDir }),
    );
    try {
      expect(store).toBeInstanceOf(EmbeddedEventStore);
      return (store as EmbeddedEventStore).durability().synchronous;
    } finally {
      await store.close();
    }
  };

  it('at synchronous=FULL by default, at NORMAL when EVENTSTORE_SYNCHRONOUS says so', async () => {
    expect(await opened({})).toBe('FULL');
    expect(await opened({ EVENTSTORE_SYNCHRONOUS: 'normal' })).toBe('NORMAL');
    expect(await opened({ EVENTSTORE_SYNCHRONOUS: 'FULL' })).toBe('FULL');
  });

  it('refuses any other EVENTSTORE_SYNCHRONOUS at start', () => {
    expect(() =>
      loadServerConfig({ AUTH_SECRET: 'x'.repeat(32), EVENTSTORE_SYNCHRONOUS: 'OFF' }, { dataDir }),
    ).toThrow(ConfigError);
  });
});
