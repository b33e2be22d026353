import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore } from '@one-window/event-store';
import { SIGN_IN_THROTTLE_STREAM, SharedSignInThrottle, THROTTLED } from './shared-sign-in-throttle.js';
import { SignInLimiter, userKey } from './sign-in-limiter.js';

const at = (ms: number) => new Date(Date.UTC(2026, 2, 2) + ms);

describe('SharedSignInThrottle: two servers’ limiters on one real embedded store', () => {
  let dataDir: string;
  let store: EmbeddedEventStore;
  let tick: number;
  const server = () => {
    const limiter = new SignInLimiter();
    return { limiter, throttle: new SharedSignInThrottle(store, limiter, { monotonic: () => tick }) };
  };
  const fail = (s: ReturnType<typeof server>, username: string, address: string, t: number) => {
    const d = s.limiter.begin(username, address, at(t));
    if (d.allowed) d.attempt.failed(at(t));
    return d.allowed;
  };
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'one-window-throttle-'));
    store = await EmbeddedEventStore.open({ dataDir, synchronous: 'NORMAL' });
    tick = 0;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a pair blocked on one server is refused on the other at once; refused attempts write nothing', async () => {
    const a = server();
    const b = server();
    await b.throttle.sync(); // b has read the (empty) stream before a blocks anything
    for (let i = 0; i < 5; i++) expect(fail(a, 'clerk1', '10.0.0.9', 0)).toBe(true);
    await a.throttle.publish();
    const head = await store.headPosition();
    for (let i = 0; i < 100; i++) expect(fail(a, 'clerk1', '10.0.0.9', 10)).toBe(false);
    await a.throttle.publish();
    expect(await store.headPosition()).toBe(head);
    const events = await store.readStream(SIGN_IN_THROTTLE_STREAM);
    expect(events.map((e) => [e.type, e.data])).toEqual([
      [
        THROTTLED,
        {
          blocks: [{ user: userKey('clerk1'), address: '10.0.0.9', until: at(1_000).getTime(), failures: 5 }],
        },
      ],
    ]);
    expect(JSON.stringify(events)).not.toContain('clerk1');

    // Within the cache b does not read again; past it, one read brings the block.
    tick = 999;
    await b.throttle.sync();
    expect(b.limiter.begin('clerk1', '10.0.0.9', at(20)).allowed).toBe(true);
    tick = 1_000;
    await b.throttle.sync();
    expect(b.limiter.begin('clerk1', '10.0.0.9', at(20))).toMatchObject({ allowed: false, reason: 'pair' });
    expect(b.limiter.begin('clerk1', '10.0.0.10', at(20)).allowed).toBe(true);
  });

  it('two servers blocking at once both append, each at the exact revision, and learn each other', async () => {
    const a = server();
    const b = server();
    await Promise.all([a.throttle.sync(), b.throttle.sync()]);
    for (let i = 0; i < 5; i++) fail(a, 'clerk1', '10.0.0.9', 0);
    for (let i = 0; i < 5; i++) fail(b, 'head1', '10.0.0.8', 0);
    await Promise.all([a.throttle.publish(), b.throttle.publish()]);
    const events = await store.readStream(SIGN_IN_THROTTLE_STREAM);
    expect(events.map((e) => e.streamRevision)).toEqual([0, 1]);
    tick = 5_000;
    await Promise.all([a.throttle.sync(), b.throttle.sync()]);
    expect(a.limiter.begin('head1', '10.0.0.8', at(10)).allowed).toBe(false);
    expect(b.limiter.begin('clerk1', '10.0.0.9', at(10)).allowed).toBe(false);
  });

  it('a server started later reads only the newest page of blocks', async () => {
    const a = server();
    for (let i = 0; i < 30; i++) {
      for (let k = 0; k < 5; k++) fail(a, `user${i}`, `10.0.1.${i}`, 0);
      await a.throttle.publish();
    }
    const late = new SignInLimiter();
    const throttle = new SharedSignInThrottle(store, late, { monotonic: () => tick, maxRead: 10 });
    await throttle.sync();
    expect(late.begin('user29', '10.0.1.29', at(10)).allowed).toBe(false);
    expect(late.begin('user0', '10.0.1.0', at(10)).allowed).toBe(true);
  });
});
