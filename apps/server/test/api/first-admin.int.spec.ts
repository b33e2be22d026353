import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FirstUsers } from '../../src/auth/first-users.js';
import { loadServerConfig } from '../../src/config/server-config.js';
import { call, login } from '../support/http.js';
import { type TestServer, startTestServer } from '../support/test-server.js';

const SECRET = { authSecret: 'x'.repeat(32) };
const repoFile = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../../../../${path}`, import.meta.url)), 'utf8');

describe('no default credentials (defect 3: the image seeded admin/demo-admin)', () => {
  it('seeds demo users only when DEMO_USERS=on is asked for, as npm start does, and only on the embedded store', () => {
    expect(loadServerConfig({}, SECRET).seedDemoUsers).toBe(false);
    expect(loadServerConfig({ DEMO_USERS: 'off' }, SECRET).seedDemoUsers).toBe(false);
    expect(loadServerConfig({ DEMO_USERS: 'on' }, SECRET).seedDemoUsers).toBe(true);
    expect(
      loadServerConfig({ DEMO_USERS: 'on', EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' }, SECRET)
        .seedDemoUsers,
    ).toBe(false);
    expect(JSON.parse(repoFile('package.json')).scripts.start).toMatch(
      /DEMO_USERS=on node bin\/one-window\.js serve/,
    );
    expect(() => loadServerConfig({ EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' })).toThrow(
      /AUTH_SECRET is required with EVENTSTORE_URL/,
    );
    expect(repoFile('docker/docker-compose.yml')).toMatch(/AUTH_SECRET: \$\{AUTH_SECRET:\?/);
    for (const file of ['docker/Dockerfile', 'docker/docker-compose.yml']) {
      expect(repoFile(file)).not.toMatch(/DEMO_USERS|demo-admin/);
    }
  });

  describe('a server started without the demo', () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await startTestServer({ seedDemoUsers: false });
    });
    afterEach(async () => server.close());

    const bootstrap = (body: Record<string, string>) =>
      call(server.base, 'POST', '/api/auth/bootstrap', { body });
    const admin = { username: 'admin.wang', name: '王管理员', password: 'correct horse battery staple' };

    it('has nobody to sign in as, and makes the first administrator once with the token it printed', async () => {
      expect(
        (
          await call(server.base, 'POST', '/api/auth/login', {
            body: { username: 'admin', password: 'demo-admin' },
          })
        ).status,
      ).toBe(401);
      const token = server.app.get(FirstUsers, { strict: false }).bootstrapToken!;
      expect(token).toMatch(/^[\w-]{32}$/);

      // One character changed (a token that ends in x gets a y: it is random, 1 in 64 does).
      const wrong = await bootstrap({
        ...admin,
        token: `${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`,
      });
      expect(wrong.status).toBe(403);
      expect(wrong.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const weak = await bootstrap({ ...admin, token, password: 'short' });
      expect(weak.status).toBe(400);

      const made = await bootstrap({ ...admin, token });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({ username: 'admin.wang', role: 'admin' });
      expect(server.app.get(FirstUsers, { strict: false }).bootstrapToken).toBeNull();
      expect((await bootstrap({ ...admin, username: 'admin.li', token })).status).toBe(403);

      const signedIn = await login(server.base, admin.username, admin.password);
      const users = await call(server.base, 'GET', '/api/auth/me', { token: signedIn });
      expect(users.body).toMatchObject({ username: 'admin.wang', role: 'admin' });
    });

    it('lets only one of many racing bootstrap requests through', async () => {
      const token = server.app.get(FirstUsers, { strict: false }).bootstrapToken!;
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) => bootstrap({ ...admin, username: `admin${i}`, token })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 403, 403, 403, 403, 403, 403, 403]);
    });
  });

  it('prints no token when users exist', async () => {
    const server = await startTestServer();
    try {
      expect(server.app.get(FirstUsers, { strict: false }).bootstrapToken).toBeNull();
      expect(await login(server.base, 'admin', 'demo-admin')).toEqual(expect.any(String));
    } finally {
      await server.close();
    }
  });
});
