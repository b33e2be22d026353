import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Security headers on every answer (@fastify/helmet: nosniff, X-Frame-Options DENY, referrer
 * policy, cross-origin policies, …), and on the API's JSON a CSP that allows nothing and
 * `Cache-Control: no-store` (case data must not sit in a shared cache). The console's files carry
 * their own CSP (console-assets.ts), and Swagger UI (/api/docs) needs its inline script, so
 * helmet's default CSP is left off.
 */
export async function useSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, { contentSecurityPolicy: false, frameguard: { action: 'deny' } });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      const path = request.url;
      if ((path.startsWith('/api/') && !path.startsWith('/api/docs')) || path.startsWith('/health')) {
        void reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
        void reply.header('cache-control', 'no-store');
      }
    });
}
