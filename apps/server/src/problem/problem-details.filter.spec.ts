import Fastify from 'fastify';
import { ProblemDetailsFilter } from './problem-details.filter.js';

describe('ProblemDetailsFilter: an error nothing maps', () => {
  it('is a 500 problem with its code, English and Chinese words, the request id, and no internals', async () => {
    const filter = new ProblemDetailsFilter([]);
    const app = Fastify();
    app.setErrorHandler((error, request, reply) => filter.send(error, request, reply));
    app.get('/boom', async () => {
      throw new TypeError('Cannot read properties of undefined (reading "secret")');
    });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const answer = await fetch(`${base}/boom`, { headers: { 'accept-language': 'en' } });
      expect(answer.status).toBe(500);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = (await answer.json()) as Record<string, unknown>;
      expect(body).toEqual({
        type: '/problems/http-500',
        status: 500,
        title: 'Error',
        titleZh: '服务器内部错误',
        detail: expect.stringMatching(/request id/),
        detailZh: expect.stringMatching(/请求编号/),
        requestId: expect.any(String),
        code: 'http-500',
        params: {},
      });
      expect(JSON.stringify(body)).not.toMatch(/secret|TypeError/);
    } finally {
      await app.close();
    }
  });
});
