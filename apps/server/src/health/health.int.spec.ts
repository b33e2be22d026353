import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openForTests } from '../../../../test/support/open-for-tests.js';
import { startTestServer } from '../../test/support/test-server.js';

describe('health over real HTTP', () => {
  const server = openForTests('all', () => startTestServer());

  it('answers liveness without a token', async () => {
    const res = await fetch(`${server.base}/health/live`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is not ready while the store cannot append (issue 10, defect 5), and ready again once it can', async () => {
    const fault = new Database(join(server.dataDir, 'events.sqlite'));
    fault.exec(
      "CREATE TRIGGER disk_full BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
    );
    await expect(server.store.appendToStream('probe', [{ type: 't.Probe', data: {} }])).rejects.toThrow(
      /disk of the event store is full/,
    );
    const down = await fetch(`${server.base}/health/ready`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({
      reason: 'event store unavailable',
      checks: { eventStore: { ok: false, error: expect.stringMatching(/disk is full/) } },
    });
    fault.exec('DROP TRIGGER disk_full');
    fault.close();
    await server.store.appendToStream('probe', [{ type: 't.Probe', data: {} }]);
    const up = (await (await fetch(`${server.base}/health/ready`)).json()) as {
      checks: { eventStore: { ok: boolean } };
    };
    expect(up.checks.eventStore.ok).toBe(true);
  });
});
