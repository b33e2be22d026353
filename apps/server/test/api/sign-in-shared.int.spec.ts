import { AUDIT_STREAM } from '@one-window/audit';
import { SIGN_IN_THROTTLE_STREAM } from '@one-window/identity';
import { ManualClock } from '@one-window/shared';
import { call } from '../support/http.js';
import { type TestServer, startTestServer } from '../support/test-server.js';

const wrong = (base: string, i: number) =>
  call(base, 'POST', '/api/auth/login', { body: { username: 'approver1', password: `wrong-guess-${i}` } });

describe('sign-in lockout shared by two servers on one store (issue 10, defect 4: each kept its own)', () => {
  // Both servers read one clock that stands still until the test moves it: no test here is timed.
  const clock = new ManualClock('2026-03-02T01:00:00Z');
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    first = await startTestServer({}, { clock });
    // A second server on the same event store, with its own read models, port and limiter.
    second = await startTestServer({}, { clock, store: first.store });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('the second server refuses at once the pair the first throttled; refused attempts write no event', async () => {
    for (let i = 0; i < 5; i++) expect((await wrong(first.base, i)).status).toBe(401);
    expect((await wrong(first.base, 5)).status).toBe(429);
    const blocked = await wrong(second.base, 6);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Even the right password waits out the block, on either server.
    const right = await call(second.base, 'POST', '/api/auth/login', {
      body: { username: 'approver1', password: 'demo-approver1' },
    });
    expect(right.status).toBe(429);

    const head = (await first.store.headPosition())!;
    for (let i = 0; i < 20; i++)
      expect((await wrong(i % 2 ? first.base : second.base, 10 + i)).status).toBe(429);
    // Nothing but the servers' own background anchors (every 5 s, the first one due at once) came after.
    const after = await first.store.readAll({ fromPosition: head + 1 });
    expect(after.filter((e) => e.streamName !== AUDIT_STREAM).map((e) => e.type)).toEqual([]);
    const events = await first.store.readStream(SIGN_IN_THROTTLE_STREAM);
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0].data)).not.toContain('approver1');

    // The block ends when its time is up (the first: 1 s), for both servers.
    clock.advance(1_000);
    const later = await call(second.base, 'POST', '/api/auth/login', {
      body: { username: 'approver1', password: 'demo-approver1' },
    });
    expect(later.status).toBe(200);

    // Another user from the same address is not touched.
    const other = await call(second.base, 'POST', '/api/auth/login', {
      body: { username: 'clerk1', password: 'demo-clerk1' },
    });
    expect(other.status).toBe(200);
  });
});
