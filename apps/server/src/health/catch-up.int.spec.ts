/**
 * Cold start on a long log over real HTTP: the port opens while the read models catch up, and
 * meanwhile liveness answers and readiness says "catching up" (503) until they are live.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore } from '@one-window/event-store';
import { ReadModels } from '@one-window/read-models';
import { seedGeneratedCases } from '../../../../libs/read-models/src/testing/index.js';
import { type TestServer, startTestServer } from '../../test/support/test-server.js';

describe('cold start while the read models catch up', () => {
  let dataDir: string;
  let server: TestServer | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'one-window-catch-up-'));
    const store = await EmbeddedEventStore.open({ dataDir, synchronous: 'NORMAL' });
    await seedGeneratedCases(store, 2500, { seed: 7 });
    await store.close();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens at once, answers /health/live and says "catching up" on /health/ready until live', async () => {
    server = await startTestServer({}, { dataDir });
    const runner = server.app.get(ReadModels).runner;
    // Listening already, and the catch-up (~32,000 events) is not over yet.
    expect(runner.status).toBe('catching-up');
    const seen: { live: number; ready: number; reason?: string; status: string }[] = [];
    while (runner.status !== 'live') {
      const status = runner.status;
      const live = await fetch(`${server.base}/health/live`);
      const ready = await fetch(`${server.base}/health/ready`);
      const body = (await ready.json()) as { reason?: string };
      seen.push({ live: live.status, ready: ready.status, reason: body.reason, status });
    }
    const during = seen.filter((s) => s.status === 'catching-up');
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((s) => s.live === 200)).toBe(true);
    expect(
      during.filter((s) => s.ready !== 200).every((s) => s.ready === 503 && s.reason === 'catching up'),
    ).toBe(true);
    expect(during.some((s) => s.ready === 503)).toBe(true);
    const ready = await fetch(`${server.base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).not.toHaveProperty('reason');
  }, 120_000);
});
