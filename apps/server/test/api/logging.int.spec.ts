import { Writable } from 'node:stream';
import { pino } from 'pino';
import { login } from '../support/http.js';
import { type TestServer, startTestServer } from '../support/test-server.js';

/** Structured logs: every line of a request carries its request id and, once signed in, who sent it. */
describe('request logs over real HTTP', () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ logLevel: 'info' }, { logger: pino({ level: 'info' }, sink) });
  });
  afterAll(async () => server?.close());

  it("names the signed-in user and role on the request's completion line, beside the caller's request id", async () => {
    const { base } = server;
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
