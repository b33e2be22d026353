import Fastify from 'fastify';
import helmetPlugin from '@fastify/helmet';
import { helmetHeaders } from './security-headers.js';

/** Headers any Fastify answer has without helmet. */
const OWN = ['connection', 'content-length', 'content-type', 'date', 'keep-alive'];

describe('helmetHeaders: computed once, the headers helmet itself sets', () => {
  it('equals what @fastify/helmet puts on an answer over real HTTP with the same options', async () => {
    const app = Fastify();
    await app.register(helmetPlugin, { contentSecurityPolicy: false, frameguard: { action: 'deny' } });
    app.get('/', async () => ({}));
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const answer = await fetch(base);
    await app.close();
    const fromPlugin = Object.fromEntries([...answer.headers].filter(([name]) => !OWN.includes(name)));
    expect(helmetHeaders()).toEqual(fromPlugin);
    expect(fromPlugin).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' });
  });
});
