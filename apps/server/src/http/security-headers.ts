import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** helmet's settings: its default CSP is left off (the console's files and Swagger UI carry their own). */
const HELMET: Readonly<HelmetOptions> = { contentSecurityPolicy: false, frameguard: { action: 'deny' } };

/**
 * The headers helmet sets for these options, computed once: without a CSP they depend on nothing
 * in the request, and building helmet's middleware on every request (@fastify/helmet does) was
 * ~1.6% of the server's CPU under load.
 */
export function helmetHeaders(options: Readonly<HelmetOptions> = HELMET): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet(options)(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    () => undefined,
  );
  return headers;
}

/**
 * Security headers on every answer (helmet: nosniff, X-Frame-Options DENY, referrer policy,
 * cross-origin policies, …), set before routing so errors carry them too, and on the API's JSON a
 * CSP that allows nothing and `Cache-Control: no-store` (case data must not sit in a shared
 * cache). The console's files carry their own CSP (console-assets.ts), and Swagger UI
 * (/api/docs) needs its inline script, so helmet's default CSP is left off.
 */
export function useSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  const headers = helmetHeaders();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
  // A callback hook, not an async one: no promise per answer.
  fastify.addHook('onSend', (request, reply, _payload, done) => {
    const path = request.url;
    if ((path.startsWith('/api/') && !path.startsWith('/api/docs')) || path.startsWith('/health')) {
      void reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
      void reply.header('cache-control', 'no-store');
    }
    done();
  });
  return Promise.resolve();
}
