import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The compiled console sits beside the compiled server: `npm run build` turns
 * apps/server/console/*.ts into dist/apps/server/console/*.js and copies the HTML and CSS.
 * Running from sources (tests), there is no compiled JS here, and the caller passes a folder.
 */
export function defaultConsoleDir(): string | undefined {
  const dir = fileURLToPath(new URL('../../console/', import.meta.url));
  return existsSync(`${dir}main.js`) && existsSync(`${dir}index.html`) ? dir : undefined;
}

// The console loads nothing but its own files; Swagger UI (under /api/docs) is not covered.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Attached scans are fetched with the bearer token and shown from blob: URLs (ADR 16).
  "img-src 'self' data: blob:",
  'frame-src blob:',
  'object-src blob:',
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export function serveConsole(app: NestFastifyApplication, root: string): void {
  app.useStaticAssets({
    root,
    prefix: '/',
    // One route per file found at start, so unknown paths still get a problem-details 404.
    wildcard: false,
    index: ['index.html'],
    // @fastify/static 10 passes the Fastify reply (Nest's type still says a raw response).
    setHeaders: (res) => {
      const reply = res as unknown as { header(name: string, value: string): unknown };
      reply.header('content-security-policy', CSP);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      reply.header('cache-control', 'no-cache');
    },
  });
}
