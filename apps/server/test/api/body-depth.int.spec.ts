import { type TestServer, startTestServer } from '../support/test-server.js';

/** Issue 10, defect 6: a JSON body ~1,400 deep was a 500 (stack overflow in class-transformer), even without a token. */
describe('body depth limit over real HTTP', () => {
  let server: TestServer;
  beforeAll(async () => (server = await startTestServer()));
  afterAll(async () => server.close());

  it.each(['/api/auth/login', '/api/cases'])(
    '%s refuses a 1,400-deep body with a 400 problem, zh and en',
    async (path) => {
      const before = await server.store.headPosition();
      const res = await fetch(`${server.base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"username":${'['.repeat(1400)}${']'.repeat(1400)}}`,
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({
        type: '/problems/invalid-input',
        status: 400,
        titleZh: '输入有误',
      });
      expect(await server.store.headPosition()).toBe(before);
    },
  );

  it('lets an ordinary body through to its validation', async () => {
    const res = await fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'wrong-password-1' }),
    });
    expect(res.status).toBe(401);
  });
});
