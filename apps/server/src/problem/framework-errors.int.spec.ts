import { connect } from 'node:net';
import { type TestServer, startTestServer } from '../../test/support/test-server.js';
import { MAX_PARAM_LENGTH, MAX_URL_LENGTH } from './framework-errors.js';

interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Record<string, unknown>;
}

/** One request written on a socket as given (fetch would repair a bad URL), the answer parsed. */
function raw(port: number, head: string, body = ''): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(head + body));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [top, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...lines] = (top ?? '').split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => [
          line.slice(0, line.indexOf(':')).toLowerCase(),
          line.slice(line.indexOf(':') + 1).trim(),
        ]),
      );
      resolve({
        status: Number(statusLine?.split(' ')[1]),
        headers,
        body: JSON.parse(rest.join('\r\n\r\n')),
      });
    });
  });
}

function get(target: string, extra = ''): string {
  return `GET ${target} HTTP/1.1\r\nHost: localhost\r\n${extra}Connection: close\r\n\r\n`;
}

function expectProblem(answer: RawAnswer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.body).toMatchObject({
    type: `/problems/${code}`,
    status,
    title: expect.any(String),
    titleZh: expect.stringMatching(/\p{Script=Han}/u),
    detail: expect.any(String),
    detailZh: expect.stringMatching(/\p{Script=Han}/u),
  });
}

describe("Fastify's and Node's own refusals are problem documents (issue 10, defect 6)", () => {
  let server: TestServer;
  let port: number;

  beforeAll(async () => {
    server = await startTestServer();
    port = Number(new URL(server.base).port);
  });
  afterAll(async () => server.close());

  it('a malformed percent-encoding in the path is a 400 invalid-url problem', async () => {
    expectProblem(await raw(port, get('/api/cases/%E0%A4%A')), 400, 'invalid-url');
  });

  it('a path segment over the parameter limit is a 414, but an id the id check allows is not', async () => {
    expectProblem(
      await raw(port, get(`/api/cases/${'a'.repeat(MAX_PARAM_LENGTH + 1)}`)),
      414,
      'uri-too-long',
    );
    const longestId = await raw(port, get(`/api/cases/${'a'.repeat(128)}`));
    expect(longestId.status).not.toBe(414);
    expect(longestId.body.type).toMatch(/^\/problems\//);
  });

  it('a query string over the URL limit is a 414, and a request head over 16 KB too', async () => {
    expectProblem(await raw(port, get(`/api/cases?q=${'a'.repeat(MAX_URL_LENGTH)}`)), 414, 'uri-too-long');
    expectProblem(await raw(port, get(`/api/cases?q=${'a'.repeat(20_000)}`)), 414, 'uri-too-long');
  });

  it('headers over 16 KB are a 431 problem', async () => {
    expectProblem(
      await raw(port, get('/api/cases', `X-Big: ${'a'.repeat(20_000)}\r\n`)),
      431,
      'headers-too-large',
    );
  });

  it('what is not HTTP at all is a 400 malformed-request problem', async () => {
    expectProblem(await raw(port, 'GARBAGE\r\n\r\n'), 400, 'malformed-request');
    const smuggled =
      'GET /api/cases HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n';
    expectProblem(await raw(port, smuggled), 400, 'malformed-request');
  });

  it('a body over the limit is a 413 problem, before it is read', async () => {
    const head =
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${50 * 1024 * 1024}\r\nConnection: close\r\n\r\n`;
    const answer = await raw(port, head, '{}');
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ type: '/problems/too-large', titleZh: '请求过大' });
  });

  it('the event log does not move on any of them', async () => {
    const head = await server.store.headPosition();
    await raw(port, get('/api/cases/%zz'));
    await raw(port, 'POST /api/cases/%zz/accept HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}');
    expect(await server.store.headPosition()).toBe(head);
  });
});
