/**
 * The server's public entry: what another app (the CLI's `serve`) may use. Nothing else under
 * apps/server/src is imported from outside the server (ADR 0010; `npm run arch` checks it).
 */
import type { INestApplication } from '@nestjs/common';
import { FirstUsers } from './auth/first-users.js';

export { startServer, type ServerOptions } from './server.js';
export { ConfigError, loadServerConfig, type ServerConfig } from './config/server-config.js';

/** The one-time bootstrap token a server with no users printed at start, or null. */
export function bootstrapToken(app: INestApplication): string | null {
  return app.get(FirstUsers, { strict: false }).bootstrapToken;
}
