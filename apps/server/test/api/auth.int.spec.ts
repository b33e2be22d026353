import { ManualClock } from '@one-window/shared';
import { call, login } from '../support/http.js';
import { type TestServer, startTestServer } from '../support/test-server.js';

describe('auth over real HTTP (embedded store, demo users)', () => {
  const clock = new ManualClock('2026-03-02T01:00:00Z');
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ tokenTtlSeconds: 3600 }, { clock });
  });
  afterAll(async () => server.close());

  it('signs a demo user in and answers who they are', async () => {
    const res = await call(server.base, 'POST', '/api/auth/login', {
      body: { username: 'clerk1', password: 'demo-clerk1' },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'clerk1', role: 'clerk', hall: 'hall-150102' });
    expect(res.body.user.passwordHash).toBeUndefined();
    expect(res.body.expiresAt).toBe('2026-03-02T02:00:00.000Z');
    const me = await call(server.base, 'GET', '/api/auth/me', { token: res.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: 'clerk1', role: 'clerk' });
  });

  it('answers a wrong password and an unknown user the same way: 401 problem details', async () => {
    const wrong = await call(server.base, 'POST', '/api/auth/login', {
      body: { username: 'clerk1', password: 'not-the-password' },
    });
    const unknown = await call(server.base, 'POST', '/api/auth/login', {
      body: { username: 'nobody', password: 'whatever-it-is' },
    });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        type: '/problems/unauthorized',
        status: 401,
        detail: 'The username or password is wrong.',
      });
    }
  });

  it('refuses a missing, malformed, forged or expired token', async () => {
    const token = await login(server.base, 'approver1');
    expect((await call(server.base, 'GET', '/api/auth/me')).status).toBe(401);
    expect(
      (await call(server.base, 'GET', '/api/auth/me', { headers: { authorization: 'Basic abc' } })).status,
    ).toBe(401);
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${s}`;
    expect((await call(server.base, 'GET', '/api/auth/me', { token: forged })).status).toBe(401);
    clock.advance(3600_000);
    const expired = await call(server.base, 'GET', '/api/auth/me', { token });
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toMatch(/expired/);
    clock.advance(-3600_000);
  });

  it('locks a username out after ten wrong passwords in five minutes (429 with Retry-After)', async () => {
    for (let i = 0; i < 10; i++) {
      await call(server.base, 'POST', '/api/auth/login', {
        body: { username: 'reviewer1', password: `wrong-${i}-guess` },
      });
    }
    const locked = await call(server.base, 'POST', '/api/auth/login', {
      body: { username: 'reviewer1', password: 'demo-reviewer1' },
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    clock.advance(5 * 60_000 + 1000);
    expect(
      (
        await call(server.base, 'POST', '/api/auth/login', {
          body: { username: 'reviewer1', password: 'demo-reviewer1' },
        })
      ).status,
    ).toBe(200);
  });
});
