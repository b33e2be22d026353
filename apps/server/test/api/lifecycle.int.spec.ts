import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseCommands } from '@one-window/case/nest';
import { EmbeddedEventStore } from '@one-window/event-store';
import { loadServerConfig } from '../../src/config/server-config.js';
import { InFlightCommands } from '../../src/lifecycle/in-flight-commands.js';
import { createServer } from '../../src/server.js';
import { APPLICANT, DEMO_ITEMS } from '../support/api-world.js';
import { call, login } from '../support/http.js';

const configFor = (dataDir: string) =>
  loadServerConfig({ LOG_LEVEL: 'silent', DEMO_USERS: 'on' }, { dataDir });

/** Runs `use` on a fresh DATA_DIR, removed afterwards whatever happens. */
async function inFreshDataDir(use: (dataDir: string) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'one-window-lifecycle-'));
  try {
    await use(dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Start-up and shutdown of a server that opens its own store, as `one-window serve` does. */
describe('server lifecycle', () => {
  it('finishes a command in flight, stops the projections, then closes its store', async () => {
    await inFreshDataDir(async (dataDir) => {
      const app = await createServer({ config: configFor(dataDir) });
      await app.listen(0, '127.0.0.1');
      const base = await app.getUrl();
      const token = await login(base, 'clerk1');
      const inFlight = app.get(InFlightCommands);
      // Hold the real command at its start, so shutdown surely begins while it runs.
      const commands = app.get(CaseCommands);
      const send = commands.send.bind(commands);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      commands.send = async (...args) => {
        await held;
        return send(...args);
      };
      const sent = call(base, 'POST', '/api/cases', {
        token,
        body: {
          itemCode: DEMO_ITEMS.unemploymentRegistration,
          applicant: APPLICANT,
          channel: 'window',
          materials: [{ code: 'application', form: 'original' }],
          sharingAuthorized: true,
        },
      });
      while (inFlight.count === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      let isClosed = false;
      const closed = app.close().then(() => (isClosed = true));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(isClosed).toBe(false);
      release();
      const answer = await sent;
      await closed;
      expect(answer.status).toBe(201);
      // The store was closed (the file is free again) and holds the command's events.
      const store = await EmbeddedEventStore.open({ dataDir });
      const events = await store.readStream(`case-${answer.body.caseId}`);
      expect(events.map((e) => e.type)).toEqual(['case.Received']);
      await store.close();
    });
  });

  it('keeps the signing key per data directory across restarts, and seeds demo users only once', async () => {
    await inFreshDataDir(async (dataDir) => {
      const config = configFor(dataDir);
      const first = await createServer({ config });
      await first.listen(0, '127.0.0.1');
      const token = await login(await first.getUrl(), 'admin', 'demo-admin');
      await first.close();
      const again = configFor(dataDir);
      expect(again.authSecret).toBe(config.authSecret);
      const second = await createServer({ config: again });
      await second.listen(0, '127.0.0.1');
      const me = await call(await second.getUrl(), 'GET', '/api/auth/me', { token });
      expect(me.status).toBe(200);
      await second.close();
      const store = await EmbeddedEventStore.open({ dataDir });
      const users = await store.readStream('users');
      expect(users.filter((e) => e.type === 'user.Created')).toHaveLength(8);
      await store.close();
    });
  });
});
