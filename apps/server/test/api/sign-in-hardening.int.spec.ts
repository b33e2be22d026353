import { request } from 'node:http';
import { UsersStore } from '@one-window/identity';
import { call, login } from '../support/http.js';
import { type TestServer, startTestServer } from '../support/test-server.js';

/** A login sent from a chosen loopback address (Linux routes all of 127/8 to lo). */
function loginFrom(base: string, localAddress: string, username: string, password: string): Promise<number> {
  const url = new URL('/api/auth/login', base);
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('sign-in hardening over real HTTP (defect 4)', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ tokenTtlSeconds: 3600 });
  });
  afterEach(async () => server.close());
  const users = () => server.app.get(UsersStore, { strict: false });

  it('hashes at most five of 31 parallel guesses, the right password among them', async () => {
    const guesses = Array.from({ length: 30 }, (_, i) => `wrong-guess-${i}`);
    const answers = await Promise.all(
      [...guesses, 'demo-clerk1'].map((password) =>
        call(server.base, 'POST', '/api/auth/login', { body: { username: 'clerk1', password } }),
      ),
    );
    const evaluated = answers.filter((a) => a.status === 401 || a.status === 200);
    expect(evaluated.length).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(26);
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('does not let a stranger lock the real user out', async () => {
    for (let i = 0; i < 12; i++)
      await loginFrom(server.base, '127.0.0.66', 'approver1', `stranger-${i}-guess`);
    expect(await loginFrom(server.base, '127.0.0.66', 'approver1', 'demo-approver1')).toBe(429);
    expect(await loginFrom(server.base, '127.0.0.1', 'approver1', 'demo-approver1')).toBe(200);
  });

  it('ends a session at once when the user is disabled, changes password or changes role', async () => {
    const head = await login(server.base, 'head1');
    const approver = await login(server.base, 'approver1');
    const reviewer = await login(server.base, 'reviewer1');
    for (const token of [head, approver, reviewer]) {
      expect((await call(server.base, 'GET', '/api/auth/me', { token })).status).toBe(200);
    }
    await users().changeRole('head1', { role: 'approver', department: '150102-market-regulation' }, 'test');
    await users().changePassword('approver1', 'a brand new password');
    await users().disable('reviewer1', 'test');
    for (const token of [head, approver, reviewer]) {
      const answer = await call(server.base, 'GET', '/api/auth/me', { token });
      expect(answer.status).toBe(401);
      expect(answer.body.detail).toMatch(/session has ended|can no longer sign in/);
    }
    const again = await login(server.base, 'head1', 'demo-head1');
    expect((await call(server.base, 'GET', '/api/auth/me', { token: again })).body).toMatchObject({
      role: 'approver',
    });
  });
});

describe('security headers on every answer (defect 6: only console files had them)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it.each(['/api/auth/me', '/api/cases', '/api/no-such-route', '/health/ready'])('%s', async (path) => {
    const answer = await call(server.base, 'GET', path);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
    expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('leaves Swagger UI its inline script', async () => {
    const answer = await fetch(`${server.base}/api/docs`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-security-policy')).toBeNull();
  });
});
