import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EmbeddedEventStore } from '@one-window/event-store';
import { pino } from 'pino';
import { loadServerConfig } from '../../src/config/server-config.js';
import { createServer } from '../../src/server.js';
import { login } from '../support/http.js';

/** Structured logs: every line of a request carries its request id and, once signed in, who sent it. */
describe('request logs over real HTTP', () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'one-window-logs-'));
  let store: EmbeddedEventStore;
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    store = await EmbeddedEventStore.open({ dataDir, synchronous: 'NORMAL' });
    const config = loadServerConfig({ LOG_LEVEL: 'info', DEMO_USERS: 'on' }, { dataDir });
    app = await createServer({ config, eventStore: store, logger: pino({ level: 'info' }, sink) });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("names the signed-in user and role on the request's completion line, beside the caller's request id", async () => {
    const token = await login(base, 'clerk1');
    const res = await fetch(`${base}/api/catalog/items`, {
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'counter-7-0001' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('counter-7-0001');
    const completed = lines.find((l) => l.reqId === 'counter-7-0001' && l.msg === 'request completed');
    expect(completed).toMatchObject({ role: 'clerk', userId: expect.any(String) });
    expect(JSON.stringify(lines)).not.toContain(token);
  });
});
